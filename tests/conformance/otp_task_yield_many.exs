tasks = [Task.async(fn -> 1 end), Task.async(fn -> Process.sleep(500); 2 end)]
res = Task.yield_many(tasks, 100)
IO.inspect(Enum.map(res, fn {_t, r} -> r end))
Enum.each(res, fn {t, nil} -> Task.shutdown(t, :brutal_kill); _ -> :ok end)
IO.puts("ok")
