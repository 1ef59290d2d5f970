t = Task.async(fn -> 1 + 1 end)
IO.inspect Task.await(t)
tasks = Enum.map(1..5, fn i -> Task.async(fn -> i * 10 end) end)
IO.inspect Task.await_many(tasks)
slow = Task.async(fn -> Process.sleep(500); :late end)
IO.inspect Task.yield(slow, 10)
IO.inspect Task.await(slow)
{:ok, pid} = Task.start(fn -> :ok end)
IO.inspect is_pid(pid)
t2 = Task.async(fn -> Process.sleep(300) end)
try do
  Task.await(t2, 20)
catch
  :exit, {reason, {Task, :await, _}} -> IO.inspect reason
end
