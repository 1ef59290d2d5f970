# Process.register/2 and Process.info/2 with bad arguments.
show = fn f ->
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts(Exception.format_banner(:error, e))
  end
end

Process.register(self(), :me)
show.(fn -> Process.register(self(), :again) end)
pid = spawn(fn -> receive do: (_ -> :ok) end)
show.(fn -> Process.register(pid, :me) end)
dead = spawn(fn -> :ok end)
Process.sleep(20)
show.(fn -> Process.register(dead, :dead) end)
show.(fn -> Process.register(self(), nil) end)
show.(fn -> Process.register(self(), "name") end)
show.(fn -> Process.register(:me, :x) end)
show.(fn -> Process.info(self(), :bogus) end)
show.(fn -> Process.info(self(), [:links, :bogus]) end)
show.(fn -> Process.info(dead, :bogus) end)
show.(fn -> Process.info(dead, :links) end)
show.(fn -> Process.info(self(), "links") end)
show.(fn -> Process.info(:me, :links) end)
IO.inspect(Process.info(self(), :registered_name))
