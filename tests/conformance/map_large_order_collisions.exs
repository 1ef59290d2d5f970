# Keys whose first 32-bit hash collides are told apart by a salted second
# hash, deeper in the trie: 37563 and -48642 share all eight first levels.
pair = Map.new([37563, -48642 | Enum.to_list(1..40)], &{&1, 0})
IO.inspect(Map.keys(pair) |> Enum.filter(&(&1 in [37563, -48642])))
big = Map.new(-100_000..99_999, &{&1, 0})
keys = Map.keys(big)
i = Enum.find_index(keys, &(&1 == 37563))
IO.inspect(Enum.slice(keys, i - 2, 5))
IO.inspect(Enum.take(keys, 8))
IO.inspect(Enum.take(Map.keys(Map.new(1..10_000, &{"s#{&1}", 0})), 8))
IO.inspect(Enum.take(Map.keys(Map.new(1..1000, &{{&1, &1 * 1.5}, 0})), 6))
