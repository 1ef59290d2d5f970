IO.inspect(for x <- 1..5, reduce: 0 do
  acc -> acc + x
end)
IO.inspect(for x <- [3, 1, 2], x > 1, reduce: [] do
  acc -> [x | acc]
end)
IO.inspect(for {k, v} <- [a: 1, b: 2], into: %{}, do: {v, k})
IO.inspect(for x <- [1, 2], y <- [:a], reduce: %{} do
  acc -> Map.put(acc, x, y)
end)
result =
  for x <- 1..3, reduce: {0, 1} do
    {sum, prod} -> {sum + x, prod * x}
  end
IO.inspect result
