t = Task.async(fn -> Process.sleep(500) end)
Task.await(t, 50)
