# A new process runs once its spawner waits: a monitor set up right after
# spawn always sees the process alive.
results =
  for _ <- 1..300 do
    ref = Process.monitor(spawn(fn -> :ok end))
    receive do
      {:DOWN, ^ref, :process, _, reason} -> reason
    end
  end

IO.inspect(Enum.frequencies(results))
