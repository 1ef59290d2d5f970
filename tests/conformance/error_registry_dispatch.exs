{:ok, _} = Registry.start_link(keys: :duplicate, name: Dup)
{:ok, _} = Registry.register(Dup, :a, 1)
Registry.dispatch(Dup, :a, fn [{_, v}] -> raise "bad #{v}" end)
IO.puts("unreached")
