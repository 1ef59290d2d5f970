# Calls of builtins whose constant arguments make them fail: the Erlang
# compiler warns, sorted by line (none are run here).
show = fn f ->
  try do
    f.()
  rescue
    e -> IO.puts(Exception.message(e))
  end
end
show.(fn -> hd([]) end)
show.(fn -> tl([]) end)
show.(fn -> 1 / 0 end)
show.(fn -> div(1, 0) end)
show.(fn -> rem(1, 0) end)
show.(fn -> :a + 1 end)
show.(fn -> 2 * "a" end)
show.(fn -> length(:a) end)
show.(fn -> elem({1}, 5) end)
show.(fn -> put_elem({1}, 5, 0) end)
show.(fn -> Map.fetch!(%{a: 1}, :b) end)
show.(fn -> Map.fetch!(:a, :b) end)
show.(fn -> Atom.to_string(1) end)
show.(fn -> Integer.to_string(1.5) end)
show.(fn -> String.to_integer("x") end)
show.(fn -> String.to_float("1") end)
show.(fn -> List.to_tuple(:a) end)
show.(fn -> Tuple.to_list(1) end)
show.(fn -> byte_size(:a) end)
show.(fn -> tuple_size(:a) end)
show.(fn -> trunc(:a) end)
show.(fn -> [1] -- :a end)
show.(fn -> Map.get(:a, :b) end)
show.(fn -> String.length(:a) end)
l = []
show.(fn -> IO.inspect(hd(l)) end)
{a, _} = {[], 2}
IO.inspect(a)
r = try do
  1 / 0
rescue
  _ -> :rescued
end
IO.inspect r
x = hd([1])
IO.inspect x
_ = 1 / 1
