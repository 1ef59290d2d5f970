defmodule Worker do
  use GenServer
  def start_link(arg), do: GenServer.start_link(__MODULE__, arg, name: arg)
  def init(arg), do: {:ok, arg}
  def handle_call(:crash, _, _), do: raise "crash!"
  def handle_call(:ping, _, s), do: {:reply, :pong, s}
end
children = [
  %{id: :w1, start: {Worker, :start_link, [:w1]}},
  %{id: :w2, start: {Worker, :start_link, [:w2]}}
]
{:ok, sup} = Supervisor.start_link(children, strategy: :one_for_one)
IO.inspect(Supervisor.count_children(sup))
IO.inspect(Supervisor.which_children(sup) |> Enum.map(fn {id, p, t, m} -> {id, is_pid(p), t, m} end))
old = Process.whereis(:w1)
Process.exit(old, :kill)
Process.sleep(50)
new = Process.whereis(:w1)
IO.inspect(old != new and is_pid(new))
IO.inspect(GenServer.call(:w1, :ping))
