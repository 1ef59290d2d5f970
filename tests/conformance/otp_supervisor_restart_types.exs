defmodule Worker do
  use GenServer
  def start_link(arg), do: GenServer.start_link(__MODULE__, arg, name: arg)
  def init(arg), do: {:ok, arg}
  def handle_cast(:stop, s), do: {:stop, :normal, s}
end
children = [
  Supervisor.child_spec({Worker, :temp}, id: :temp, restart: :temporary),
  Supervisor.child_spec({Worker, :trans}, id: :trans, restart: :transient)
]
{:ok, sup} = Supervisor.start_link(children, strategy: :one_for_one)
GenServer.cast(:temp, :stop)
GenServer.cast(:trans, :stop)
Process.sleep(50)
IO.inspect(Supervisor.which_children(sup) |> Enum.map(fn {id, p, _, _} -> {id, p} end))
IO.inspect(Supervisor.count_children(sup))
