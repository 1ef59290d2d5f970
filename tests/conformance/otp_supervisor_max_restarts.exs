defmodule Worker do
  use GenServer
  def start_link(arg), do: GenServer.start_link(__MODULE__, arg, name: arg)
  def init(arg), do: {:ok, arg}
end
Process.flag(:trap_exit, true)
{:ok, sup} = Supervisor.start_link([{Worker, :w}], strategy: :one_for_one, max_restarts: 2, max_seconds: 5)
for _ <- 1..3 do
  Process.exit(Process.whereis(:w), :kill)
  Process.sleep(20)
end
receive do
  {:EXIT, ^sup, reason} -> IO.inspect(reason, label: "sup exit")
after 500 -> IO.puts("sup alive")
end
IO.inspect(Process.alive?(sup))
