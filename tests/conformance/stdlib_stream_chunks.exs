# Stream's chunking ops, dedup/uniq, scan and the every-nth ops, lazily.
IO.inspect Stream.chunk_every(1..10, 3) |> Enum.to_list()
IO.inspect Stream.chunk_every(1..10, 3, 2) |> Enum.to_list()
IO.inspect Stream.chunk_every(1..10, 3, 3, [:a, :b]) |> Enum.to_list()
IO.inspect Stream.chunk_every(1..10, 3, 3, :discard) |> Enum.to_list()
IO.inspect Stream.chunk_every(1..10, 2, 4) |> Enum.to_list()
IO.inspect Stream.chunk_every([1, 2, 3, 4, 5], 2, 3, Stream.cycle([0])) |> Enum.to_list()
IO.inspect Stream.chunk_every(Stream.iterate(1, &(&1 + 1)), 2) |> Enum.take(3)
IO.inspect Stream.chunk_by([1, 2, 2, 3, 4, 4, 6, 7, 7], &(rem(&1, 2) == 1)) |> Enum.to_list()
IO.inspect Stream.chunk_by([], & &1) |> Enum.to_list()

chunk_fun = fn element, acc ->
  if rem(element, 2) == 0 do
    {:cont, Enum.reverse([element | acc]), []}
  else
    {:cont, [element | acc]}
  end
end

after_fun = fn
  [] -> {:cont, []}
  acc -> {:cont, Enum.reverse(acc), []}
end

IO.inspect Stream.chunk_while(1..10, [], chunk_fun, after_fun) |> Enum.to_list()
IO.inspect Stream.chunk_while([1, 3, 5, 6, 7], [], chunk_fun, after_fun) |> Enum.to_list()
halting = fn x, acc -> if x > 3, do: {:halt, acc}, else: {:cont, [x | acc]} end
IO.inspect Stream.chunk_while(1..10, [], halting, &{:cont, &1, []}) |> Enum.to_list()

# A chunking stream is the source of what comes after it.
s = Stream.chunk_every(1..7, 2) |> Stream.map(&Enum.sum/1)
IO.inspect s
IO.inspect Enum.to_list(s)
IO.inspect Stream.take(1..3, 2) |> Stream.chunk_every(2) |> Stream.take(1)
IO.inspect Stream.map(1..6, &(&1 * 10)) |> Stream.chunk_every(4) |> Enum.to_list()
IO.inspect Stream.chunk_every(1..5, 2)
IO.inspect Stream.chunk_by(1..5, &(&1 > 2))

IO.inspect Stream.dedup([1, 1, 2, 2.0, 2, 3, 3, 1]) |> Enum.to_list()
IO.inspect Stream.dedup_by([{1, :a}, {2, :b}, {2, :c}, {1, :a}], &elem(&1, 0)) |> Enum.to_list()
IO.inspect Stream.uniq([1, 2, 1, 2.0, 3, 1]) |> Enum.to_list()
IO.inspect Stream.uniq_by([{1, :x}, {2, :y}, {1, :z}], &elem(&1, 0)) |> Enum.to_list()
IO.inspect Stream.uniq(Stream.cycle([1, 2, 3])) |> Enum.take(3)
IO.inspect Stream.dedup(1..3)
IO.inspect Stream.uniq_by(1..3, & &1)

IO.inspect Stream.scan(1..5, &(&1 + &2)) |> Enum.to_list()
IO.inspect Stream.scan(1..5, 0, &(&1 + &2)) |> Enum.to_list()
IO.inspect Stream.scan([], &(&1 + &2)) |> Enum.to_list()
IO.inspect Stream.scan(Stream.iterate(1, &(&1 * 2)), &(&1 + &2)) |> Enum.take(5)
IO.inspect Stream.scan(1..5, &(&1 + &2))
IO.inspect Stream.scan(1..5, 0, &(&1 + &2))

IO.inspect Stream.take_every(1..10, 3) |> Enum.to_list()
IO.inspect Stream.take_every(1..10, 1) |> Enum.to_list()
IO.inspect Stream.take_every(1..10, 0) |> Enum.to_list()
IO.inspect Stream.drop_every(1..10, 3) |> Enum.to_list()
IO.inspect Stream.drop_every(1..10, 1) |> Enum.to_list()
IO.inspect Stream.drop_every(1..10, 0) |> Enum.to_list()
IO.inspect Stream.map_every(1..10, 3, &(&1 * 100)) |> Enum.to_list()
IO.inspect Stream.map_every(1..4, 1, &(&1 * 100)) |> Enum.to_list()
IO.inspect Stream.map_every(1..4, 0, &(&1 * 100)) |> Enum.to_list()
IO.inspect Stream.take_every(1..5, 2)
IO.inspect Stream.take_every(1..5, 0)
IO.inspect Stream.take_every([], 2)
IO.inspect Stream.drop_every(1..5, 2)
IO.inspect Stream.drop_every(1..5, 0)
IO.inspect Stream.drop_every([], 7)
IO.inspect Stream.map_every(1..5, 2, & &1)
IO.inspect Stream.map_every(1..5, 1, & &1)
IO.inspect Stream.map_every(1..5, 0, & &1)
IO.inspect Stream.map_every([], 3, & &1)
IO.inspect Stream.take(1..5, 0)
IO.inspect Stream.take([], 3)
IO.inspect Stream.take(1..5, 0) |> Stream.map(& &1)
IO.inspect Stream.with_index(1..3, 9_223_372_036_854_775_807) |> Enum.to_list()
IO.inspect Stream.with_index([:a, :b], -5) |> Enum.to_list()
