spawn(fn -> raise "boom" end)
Process.sleep(50)
spawn(fn -> 1 = 2 end)
Process.sleep(50)
spawn(fn -> exit(:normal) end)
spawn(fn -> exit(:bad) end)
Process.sleep(50)
Process.flag(:trap_exit, true)
pid = spawn_link(fn -> exit(:oops) end)
receive do m -> IO.inspect m end
ref = Process.monitor(spawn(fn -> :ok end))
receive do m -> IO.inspect m end
IO.inspect Process.monitor(pid) |> is_reference()
receive do {:DOWN, _, :process, _, r} -> IO.inspect r end
Process.register(self(), :me)
IO.inspect Process.whereis(:me) == self()
send(:me, :hi)
receive do :hi -> IO.puts "got hi" end
try do send(:nobody, 1) rescue e -> IO.inspect e end
Process.send_after(self(), :later, 10)
receive do :later -> IO.puts "later" end
