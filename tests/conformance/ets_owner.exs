parent = self()
pid = spawn(fn ->
  t = :ets.new(:owned, [:public])
  :ets.insert(t, {:k, :v})
  p = :ets.new(:secret, [:private, :named_table])
  :ets.insert(p, {:x, 1})
  send(parent, {:table, t})
  receive do: (:stop -> :ok)
end)
t = receive do: ({:table, t} -> t)
IO.inspect(:ets.lookup(t, :k))
IO.inspect(:ets.insert(t, {:from_parent, 1}))
IO.inspect(:ets.info(t, :owner) == pid)
try do
  :ets.lookup(:secret, :x)
rescue
  e -> IO.puts(Exception.message(e))
end
ref = Process.monitor(pid)
send(pid, :stop)
receive do: ({:DOWN, ^ref, _, _, _} -> :ok)
IO.inspect(:ets.info(t))
IO.inspect(:ets.info(:secret))
try do
  :ets.lookup(t, :k)
rescue
  e -> IO.puts(Exception.message(e))
end
g = :ets.new(:gift, [])
heir = spawn(fn ->
  receive do
    {:"ETS-TRANSFER", tab, from, data} ->
      send(parent, {:got, tab == g, from == parent, data, :ets.info(tab, :owner) == self()})
  end
end)
IO.inspect(:ets.give_away(g, heir, :hello))
IO.inspect(receive do: ({:got, _, _, _, _} = m -> m))
h = spawn(fn -> receive do: (m -> send(parent, {:heir_got, elem(m, 0), elem(m, 3)})) end)
owner = spawn(fn ->
  :ets.new(:inherited, [:named_table, {:heir, h, :my_data}])
  send(parent, :made)
end)
receive do: (:made -> :ok)
IO.inspect(receive do: ({:heir_got, _, _} = m -> m))
_ = owner
