# Stream.resource/3, transform/3,4,5, flat_map, concat and intersperse: lazy,
# halted early, and with their after funs run once.
counter = fn name, stop ->
  Stream.resource(
    fn -> IO.puts("start #{name}"); 0 end,
    fn
      ^stop -> {:halt, stop}
      n -> {[n], n + 1}
    end,
    fn acc -> IO.puts("after #{name} #{acc}") end
  )
end

IO.inspect counter.(:a, 3) |> Enum.to_list()
IO.inspect counter.(:b, 100) |> Enum.take(2)
IO.inspect counter.(:c, 100) |> Stream.take(2) |> Stream.chunk_every(3) |> Enum.to_list()
IO.inspect counter.(:d, 100) |> Stream.take_while(&(&1 < 2)) |> Enum.to_list()
IO.inspect counter.(:e, 100) |> Stream.map(&(&1 * 2)) |> Enum.find(&(&1 > 4))
IO.inspect Stream.zip(counter.(:f, 3), Stream.map(1..5, &IO.inspect/1)) |> Enum.to_list()
IO.inspect Stream.zip(Stream.map(1..5, &IO.inspect/1), counter.(:g, 3)) |> Enum.to_list()
IO.inspect Enum.zip(counter.(:h, 10), [:x, :y])
IO.inspect Stream.zip([], counter.(:m, 3)) |> Enum.to_list()
IO.inspect Stream.zip([[1], [], counter.(:n, 3)]) |> Enum.to_list()

try do
  counter.(:i, 100) |> Stream.map(fn 1 -> raise "boom"; x -> x end) |> Enum.to_list()
rescue
  e -> IO.inspect(e)
end

try do
  Stream.resource(fn -> 0 end, fn _ -> :bad end, fn _ -> IO.puts("not run") end) |> Enum.to_list()
rescue
  e -> IO.inspect(e)
end

# A resource may give many elements at once, or any enumerable.
chunks = Stream.resource(fn -> 1 end, fn
  4 -> {:halt, 4}
  n -> {Enum.to_list(1..n), n + 1}
end, fn _ -> :ok end)
IO.inspect Enum.to_list(chunks)
IO.inspect Enum.take(chunks, 4)
ranges = Stream.resource(fn -> 1 end, fn
  3 -> {:halt, 3}
  n -> {n..(n * 10)//5, n + 1}
end, fn _ -> IO.puts("ranges done") end)
IO.inspect Enum.to_list(ranges)

t5 = fn source ->
  Stream.transform(
    source,
    fn -> IO.puts("tstart"); 10 end,
    fn x, acc -> {[x, acc], acc + 1} end,
    fn acc -> {[:last, acc], acc} end,
    fn acc -> IO.puts("tafter #{acc}") end
  )
end

IO.inspect t5.(counter.(:j, 3)) |> Enum.to_list()
IO.inspect t5.(counter.(:k, 3)) |> Enum.take(3)
IO.inspect t5.([]) |> Enum.to_list()

halting =
  Stream.transform(counter.(:l, 9), fn -> 0 end, fn
    x, acc when x >= 2 -> {:halt, acc}
    x, acc -> {[x], acc + x}
  end, fn acc -> IO.puts("halted at #{acc}") end)

IO.inspect Enum.to_list(halting)
IO.inspect Stream.transform(1..10, 0, fn x, acc -> if acc > 10, do: {:halt, acc}, else: {[x * 2], acc + x} end) |> Enum.to_list()
IO.inspect Stream.transform(1..3, nil, fn x, _ -> {1..x, nil} end) |> Enum.to_list()
IO.inspect Stream.transform(Stream.iterate(1, &(&1 + 1)), 0, fn x, acc -> {[acc + x], acc + x} end) |> Enum.take(5)

IO.inspect Stream.flat_map(1..3, &[&1, &1 * 10]) |> Enum.to_list()
IO.inspect Stream.flat_map(Stream.cycle([1, 2]), &List.duplicate(&1, &1)) |> Enum.take(7)
IO.inspect Stream.flat_map([[1, [2]], [[3]]], & &1) |> Enum.to_list()
IO.inspect Stream.concat([1..3, [4, 5], Stream.map([6], &(&1 * 2))]) |> Enum.to_list()
IO.inspect Stream.concat(1..2, Stream.cycle([:x])) |> Enum.take(5)
IO.inspect Stream.intersperse(1..4, 0) |> Enum.to_list()
IO.inspect Stream.intersperse([], 0) |> Enum.to_list()
IO.inspect Stream.intersperse(Stream.iterate(1, &(&1 + 1)), :sep) |> Enum.take(4)

IO.inspect Stream.transform(1..5, 0, fn x, a -> {[x], a} end)
IO.inspect Stream.transform(1..5, fn -> 0 end, fn x, a -> {[x], a} end, & &1)
IO.inspect Stream.transform(1..5, fn -> 0 end, fn x, a -> {[x], a} end, & &1, & &1)
IO.inspect Stream.resource(fn -> 0 end, & &1, & &1)
IO.inspect Stream.flat_map(1..5, &[&1])
IO.inspect Stream.concat([1..2])
IO.inspect Stream.intersperse(1..5, 0)
IO.inspect Stream.map(1..3, & &1) |> Stream.flat_map(&[&1]) |> Stream.map(& &1)
