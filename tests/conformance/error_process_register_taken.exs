pid = spawn(fn -> Process.sleep(1000) end)
Process.register(pid, :taken)
IO.puts("registered")
Process.register(self(), :taken)
