defmodule Worker do
  use GenServer
  def start_link(arg), do: GenServer.start_link(__MODULE__, arg, name: arg)
  def init(arg), do: {:ok, arg}
end
{:ok, sup} = Supervisor.start_link([{Worker, :w}], strategy: :one_for_one)
IO.inspect(Supervisor.terminate_child(sup, Worker))
IO.inspect(Supervisor.which_children(sup))
IO.inspect(Supervisor.count_children(sup))
{:ok, pid} = Supervisor.restart_child(sup, Worker)
IO.inspect(Process.whereis(:w) == pid)
IO.inspect(Supervisor.terminate_child(sup, :nope))
IO.inspect(Supervisor.restart_child(sup, Worker))
IO.inspect(Supervisor.delete_child(sup, Worker))
Supervisor.terminate_child(sup, Worker)
IO.inspect(Supervisor.delete_child(sup, Worker))
IO.inspect(Supervisor.which_children(sup))
