# What the Access functions raise, and where.
defmodule P do
  defstruct a: 1
end

show = fn f ->
  try do
    f.()
  rescue
    e ->
      IO.puts(inspect(e.__struct__) <> ": " <> Exception.message(e))
      IO.inspect(Enum.take(__STACKTRACE__, 3) |> Enum.map(fn {m, f, a, _} -> {m, f, if(is_list(a), do: length(a), else: a)} end))
  end
end

s = struct(P)
show.(fn -> s[:a] end)
show.(fn -> get_in(s, [:a]) end)
show.(fn -> put_in(s, [:a], 2) end)
show.(fn -> get_in([1, 2], [:a, Access.all()]) end)
show.(fn -> update_in(%{a: 5}, [:a, Access.all()], & &1) end)
show.(fn -> update_in(%{a: nil}, [:a, :b], fn _ -> 1 end) end)
show.(fn -> pop_in(nil, [:a]) end)
show.(fn -> get_in([a: 1], ["x"]) end)
show.(fn -> get_in(%{a: 1}, [Access.key!(:b)]) end)
show.(fn -> get_in(5, [Access.key!(:b)]) end)
show.(fn -> get_in(%{a: 5}, [:a, Access.elem(0)]) end)
show.(fn -> pop_in({1, 2}, [Access.elem(0)]) end)
show.(fn -> get_in([1], [Access.at!(3)]) end)
show.(fn -> Access.slice(5..1//-1) end)
show.(fn -> Access.fetch!(%{}, :x) end)
show.(fn -> Map.get_and_update(%{}, :a, fn _ -> :bad end) end)
show.(fn -> m = %{a: %{}}; put_in(m.a.b, 1) end)
show.(fn -> m = %{a: %{b: 1}}; update_in(m.a.b, fn _ -> raise "inner" end) end)
