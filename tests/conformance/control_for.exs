IO.inspect(for x <- 1..5, do: x * x)
IO.inspect(for x <- 1..10, rem(x, 3) == 0, do: x)
IO.inspect(for x <- [1, 2], y <- [:a, :b], do: {x, y})
IO.inspect(for {k, v} <- [a: 1, b: 2, c: 3], v > 1, do: k)
IO.inspect(for {:ok, v} <- [{:ok, 1}, {:error, 2}, {:ok, 3}], do: v)
IO.inspect(for x <- [1, 2, 3], into: %{}, do: {x, x * 10})
IO.inspect(for c <- ~w(a b c), into: "", do: String.upcase(c))
IO.inspect(for x <- [1, 1, 2, 2, 3], uniq: true, do: x)
IO.inspect(for x <- 1..5, reduce: 0 do
  acc -> acc + x
end)
IO.inspect(for x <- [3, 1, 2], reduce: [] do
  acc when x > 1 -> [x | acc]
  acc -> acc
end)
IO.inspect(for x <- 1..3, y <- x..3, x + y == 4, do: {x, y})
IO.inspect(for <<c <- "abc">>, do: c)
IO.inspect(for x <- [], do: x)
IO.inspect(for i <- 1..3, j = i * 2, do: j)
