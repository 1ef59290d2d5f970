# A duplicate Registry as a pubsub: dispatch, match, count_match, keys.
{:ok, _} = Registry.start_link(keys: :duplicate, name: PubSub)
parent = self()

for n <- 1..3 do
  spawn(fn ->
    {:ok, _} = Registry.register(PubSub, "topic", {n, :sub, n * 2})
    send(parent, {:ready, n})
    receive do
      {:broadcast, msg} -> send(parent, {:got, n, msg})
    end
  end)
  receive do: ({:ready, ^n} -> :ok)
end

{:ok, _} = Registry.register(PubSub, "topic", {0, :me, 0})
{:ok, _} = Registry.register(PubSub, "other", :x)
{:ok, _} = Registry.register(PubSub, "topic", {9, :me, 18})
IO.inspect(Registry.lookup(PubSub, "topic") |> Enum.map(&elem(&1, 1)))
IO.inspect(Registry.keys(PubSub, self()))
IO.inspect(Registry.values(PubSub, "topic", self()))
IO.inspect(Registry.match(PubSub, "topic", {:_, :sub, :_}) |> Enum.map(&elem(&1, 1)))
IO.inspect(Registry.match(PubSub, "topic", {:"$1", :_, :"$2"}, [{:>, :"$2", 3}]) |> Enum.map(&elem(&1, 1)))
IO.inspect(Registry.match(PubSub, "topic", {:_, :"$1", :_}, [{:is_atom, :"$1"}, {:"=/=", :"$1", :me}]) |> length())
IO.inspect(Registry.count_match(PubSub, "topic", {:_, :me, :_}))
IO.inspect(Registry.count_match(PubSub, "topic", :_))
IO.inspect(Registry.count(PubSub))

Registry.dispatch(PubSub, "topic", fn entries ->
  IO.inspect(length(entries), label: "entries")
  for {pid, _} <- entries, pid != self(), do: send(pid, {:broadcast, :hello})
end)

got = for _ <- 1..3, do: receive(do: ({:got, n, msg} -> {n, msg}))
IO.inspect(Enum.sort(got))

Registry.dispatch(PubSub, "nobody", fn _ -> IO.puts("never") end)
IO.inspect(Registry.dispatch(PubSub, "other", {IO, :inspect, [[label: "mfa"]]}))
IO.inspect(Registry.unregister_match(PubSub, "topic", {0, :_, :_}))
IO.inspect(Registry.keys(PubSub, self()))
Process.sleep(50)
IO.inspect(Registry.lookup(PubSub, "topic") |> Enum.map(&elem(&1, 1)))
