IO.inspect(Process.info(self(), :trap_exit))
Process.info(self(), [:links, :memory_bogus])
