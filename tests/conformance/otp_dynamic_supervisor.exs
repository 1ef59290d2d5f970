defmodule Worker do
  use GenServer
  def start_link(arg), do: GenServer.start_link(__MODULE__, arg)
  def init(arg), do: {:ok, arg}
end
{:ok, sup} = DynamicSupervisor.start_link(strategy: :one_for_one)
{:ok, p1} = DynamicSupervisor.start_child(sup, {Worker, 1})
{:ok, p2} = DynamicSupervisor.start_child(sup, {Worker, 2})
IO.inspect(DynamicSupervisor.count_children(sup))
IO.inspect(DynamicSupervisor.which_children(sup) |> Enum.map(fn {id, p, t, m} -> {id, p in [p1, p2], t, m} end))
IO.inspect(DynamicSupervisor.terminate_child(sup, p1))
IO.inspect(DynamicSupervisor.terminate_child(sup, p1))
IO.inspect(DynamicSupervisor.count_children(sup))
