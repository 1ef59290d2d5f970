apply_twice = fn f, x -> f.(f.(x)) end
IO.inspect apply_twice.(&(&1 * 3), 2)
IO.inspect apply_twice.(&String.reverse/1, "abc")
multiplier = fn n -> &(&1 * n) end
triple = multiplier.(3)
IO.inspect Enum.map([1, 2, 3], triple)
pipeline = [&(&1 + 1), &(&1 * 10), &Integer.to_string/1]
IO.inspect Enum.reduce(pipeline, 4, fn f, acc -> f.(acc) end)
defmodule HO do
  def map_all(list, f), do: for(x <- list, do: f.(x))
  def ops, do: %{add: &+/2, sub: &-/2}
end
IO.inspect HO.map_all([1, 2], &(-&1))
IO.inspect HO.ops().add.(2, 3)
IO.inspect HO.ops()[:sub].(2, 3)
