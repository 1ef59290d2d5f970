# Process.get_keys/0,1 in a process of its own (the script's process holds
# keys of Elixir's compiler).
parent = self()
spawn(fn ->
  send(parent, {:empty, Process.get_keys()})
  Process.put(:b, 2)
  Process.put(:a, 1)
  Process.put(:c, 1)
  send(parent, {:keys, Process.get_keys(), Process.get_keys(1), Process.get_keys(3), Process.get()})
end)
for _ <- 1..2 do
  receive do
    m -> IO.inspect(m)
  end
end
