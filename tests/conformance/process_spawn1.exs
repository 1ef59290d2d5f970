parent = self()
pid = spawn(fn -> send(parent, {:hello_from, self()}) end)
IO.inspect is_pid(pid)
receive do
  {:hello_from, ^pid} -> IO.puts "got hello from the spawned pid"
end
IO.inspect pid != self()
Process.sleep(20)
IO.inspect Process.alive?(pid)
IO.inspect Process.alive?(self())
