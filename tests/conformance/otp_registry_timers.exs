pid = spawn(fn ->
  receive do
    {:hello, from} -> send from, :hi
  end
end)
IO.inspect Process.register(pid, :greeter)
IO.inspect Process.whereis(:greeter) == pid
send :greeter, {:hello, self()}
receive do
  :hi -> IO.puts "got hi"
end
Process.sleep(20)
IO.inspect Process.whereis(:greeter)
IO.inspect :greeter in Process.registered()
try do
  send :nobody_here, :x
rescue
  _ in ArgumentError -> IO.puts "ArgumentError"
end
Process.register(self(), :main_proc)
IO.inspect Process.unregister(:main_proc)
IO.inspect Process.whereis(:main_proc)
ref = Process.send_after(self(), :tick, 50)
IO.inspect is_reference(ref)
receive do
  :tick -> IO.puts "tick"
after
  1000 -> IO.puts "no tick"
end
ref2 = Process.send_after(self(), :tock, 1000)
left = Process.cancel_timer(ref2)
IO.inspect is_integer(left) and left > 0
IO.inspect Process.cancel_timer(ref2)
receive do
  :tock -> IO.puts "tock"
after
  50 -> IO.puts "cancelled"
end
receive do
  _ -> :unexpected
after
  0 -> IO.puts "after 0"
end
Process.put(:k, 1)
IO.inspect Process.get(:k)
IO.inspect Process.put(:k, 2)
IO.inspect Process.delete(:k)
IO.inspect Process.get(:k, :default)
:timer.sleep(10)
IO.puts "done"
