pid = spawn(fn -> receive do :go -> exit(:bye) end end)
ref = Process.monitor(pid)
IO.inspect(Process.demonitor(ref))
send(pid, :go)
receive do
  {:DOWN, _, _, _, _} = m -> IO.inspect(m)
after 50 -> IO.puts("no DOWN")
end
pid2 = spawn(fn -> exit(:x) end)
ref2 = Process.monitor(pid2)
Process.sleep(20)
IO.inspect(Process.demonitor(ref2, [:flush, :info]))
IO.inspect(Process.info(self(), :messages))
