# Closures in __STACKTRACE__ are named as the Erlang compiler names them:
# `-fun/arity-fun-N-`, numbered within their function, the inner first.
defmodule Shapes do
  def areas(shapes) do
    check = fn s -> is_map(s) end
    Enum.map(shapes, fn s -> if check.(s), do: s.w * s.h, else: raise("not a shape") end)
  end

  def names(shapes), do: for(s <- shapes, do: Map.fetch!(s, :name))
end

show = fn stack -> Enum.map(stack, fn {m, f, a, loc} -> {m, f, a, loc[:line]} end) end

try do
  Shapes.areas([%{w: 1, h: 2}, :circle])
rescue
  e -> IO.inspect({e.message, show.(Enum.take(__STACKTRACE__, 3))})
end

try do
  Shapes.names([%{name: "a"}, %{}])
rescue
  e -> IO.inspect({e.__struct__, show.(Enum.take(__STACKTRACE__, 4))})
end

try do
  Enum.each([1, 2], fn x -> if x > 1, do: throw(x) end)
catch
  :throw, x -> IO.inspect({x, show.(Enum.take(__STACKTRACE__, 2))})
end
