defmodule Worker do
  use GenServer
  def start_link(arg), do: GenServer.start_link(__MODULE__, arg, name: arg)
  def init(arg) do
    Process.flag(:trap_exit, true)
    {:ok, arg}
  end
  def terminate(reason, s), do: IO.inspect({s, reason}, label: "terminating")
end
{:ok, sup} = Supervisor.start_link([Supervisor.child_spec({Worker, :a}, id: :a), Supervisor.child_spec({Worker, :b}, id: :b)], strategy: :one_for_one)
IO.inspect(Supervisor.stop(sup))
IO.inspect(Process.whereis(:a))
