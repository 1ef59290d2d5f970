t = Task.async(fn -> raise "async crash" end)
Task.await(t)
