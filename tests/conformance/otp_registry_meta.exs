# Registry metadata, and the errors of start_link's options.
{:ok, _} = Registry.start_link(keys: :unique, name: MetaReg, meta: [custom: "value"])
IO.inspect(Registry.meta(MetaReg, :custom))
IO.inspect(Registry.meta(MetaReg, :unknown))
IO.inspect(Registry.put_meta(MetaReg, {:tuple, :key}, 42))
IO.inspect(Registry.meta(MetaReg, {:tuple, :key}))
IO.inspect(Registry.delete_meta(MetaReg, :custom))
IO.inspect(Registry.meta(MetaReg, :custom))
IO.inspect(Registry.child_spec(keys: :duplicate, name: Other))
IO.inspect(Registry.child_spec(keys: :duplicate))

show = fn f ->
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts(Exception.format_banner(:error, e))
  end
end

show.(fn -> Registry.start_link(keys: :wrong, name: X) end)
show.(fn -> Registry.start_link(name: X) end)
show.(fn -> Registry.start_link(keys: :unique) end)
show.(fn -> Registry.start_link(keys: :unique, name: "x") end)
show.(fn -> Registry.start_link(keys: :unique, name: X, meta: :bad) end)
show.(fn -> Registry.start_link(keys: :unique, name: X, partitions: 0) end)
show.(fn -> Registry.start_link(keys: :unique, name: X, listeners: ["a"]) end)
show.(fn -> Registry.lookup(Nope, 1) end)
show.(fn -> Registry.register(Nope, 1, 1) end)
show.(fn -> Registry.meta(Nope, :a) end)
show.(fn -> Registry.put_meta(Nope, :a, 1) end)
show.(fn -> Registry.count(Nope) end)
{:ok, _} = Registry.start_link(keys: :duplicate, name: Dup)
show.(fn -> Registry.update_value(Dup, :a, & &1) end)
show.(fn -> Registry.whereis_name({Dup, :a}) end)
show.(fn -> Registry.select(Dup, [:bad]) end)
