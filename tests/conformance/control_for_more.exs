IO.inspect(for x <- 1..3, y <- 1..3, x < y, do: {x, y})
IO.inspect(for {name, age} when age >= 18 <- [{"a", 20}, {"b", 10}, {"c", 30}], do: name)
IO.inspect(for <<c <- "abc">>, do: c + 1)
IO.inspect(for x <- ~w(a b a c), into: MapSet.new(), do: x)
IO.inspect(for x <- [1, 2, 3], into: "", do: Integer.to_string(x))
IO.inspect(for {k, v} <- %{a: 1, b: 2}, do: {v, k}, into: %{})
IO.inspect(for x <- 1..10, rem(x, 3) == 0, do: x * x)
IO.inspect(for x <- [], do: x)
IO.inspect(for x <- 1..4, reduce: {[], []} do
  {evens, odds} when rem(x, 2) == 0 -> {[x | evens], odds}
  {evens, odds} -> {evens, [x | odds]}
end)
IO.inspect(for n <- [1, 2, 3], m = n * 10, do: m)
