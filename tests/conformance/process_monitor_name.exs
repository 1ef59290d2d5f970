# Monitors set up by registered name name the process as {name, node}.
ref = Process.monitor(:nobody_here)
receive do
  {:DOWN, ^ref, :process, who, reason} -> IO.inspect({who, reason})
end

pid = spawn(fn -> receive do: (:stop -> :ok) end)
Process.register(pid, :worker)
ref = Process.monitor(:worker)
IO.inspect(Process.info(self(), :monitors))
send(:worker, :stop)

receive do
  {:DOWN, ^ref, :process, who, reason} -> IO.inspect({who, reason})
end

pid = spawn(fn -> receive do: (:stop -> exit(:boom)) end)
Process.register(pid, :other)
ref = Process.monitor({:other, node()})
send(pid, :stop)

receive do
  {:DOWN, ^ref, :process, who, reason} -> IO.inspect({who, reason})
end

ref = Process.monitor(spawn(fn -> :ok end))
receive do
  {:DOWN, ^ref, :process, who, reason} -> IO.inspect({is_pid(who), reason})
end
