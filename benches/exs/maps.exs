# 100_000 Map.put updates on a growing map, then lookups.
m = Enum.reduce(1..100_000, %{}, fn i, acc -> Map.put(acc, i, i * 2) end)
IO.inspect map_size(m)
IO.inspect Enum.reduce(1..100_000, 0, fn i, acc -> acc + Map.get(m, i) end)
