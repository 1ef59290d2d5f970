{:ok, _} = Registry.start_link(keys: :duplicate, name: Dup)
GenServer.call({:via, Registry, {Dup, :a}}, :x)
