# The pids a script's processes get: the script's own, spawned processes,
# OTP processes, and processes spawned after modules are defined.
IO.inspect self()
IO.inspect spawn(fn -> :ok end)
defmodule Greeter do
  def hello(name), do: "hello #{name}"
end
pid = spawn(fn -> receive do {:hi, from} -> send(from, {:ok, self()}) end end)
IO.inspect pid
send pid, {:hi, self()}
receive do
  {:ok, ^pid} -> IO.puts "reply from #{inspect pid}"
end
{:ok, sup} = Supervisor.start_link([{Agent, fn -> 0 end}], strategy: :one_for_one)
IO.inspect sup
[{Agent, agent, :worker, [Agent]}] = Supervisor.which_children(sup)
IO.inspect agent
IO.inspect spawn_link(fn -> :ok end)
IO.inspect Task.async(fn -> self() end) |> Task.await()
