m = %{a: 1, b: 2, c: 3}
IO.inspect Enum.map(m, fn {k, v} -> {k, v * 10} end)
IO.inspect Enum.into(Enum.map(m, fn {k, v} -> {k, v * 10} end), %{})
IO.inspect Enum.filter(m, fn {_k, v} -> v > 1 end)
IO.inspect Enum.reduce(m, 0, fn {_k, v}, acc -> v + acc end)
IO.inspect Enum.count(m)
IO.inspect Enum.to_list(m)
IO.inspect Map.new(m, fn {k, v} -> {v, k} end)
IO.inspect Enum.sum(Map.values(m))
IO.inspect for {k, v} <- m, into: %{}, do: {k, -v}
