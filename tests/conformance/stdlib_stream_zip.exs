# Stream.zip/zip_with advance their enumerables in step; Stream.into,
# interval, timer, duplicate and the generators.
IO.inspect Stream.zip(1..3, [:a, :b, :c, :d]) |> Enum.to_list()
IO.inspect Stream.zip([1..3, [:a, :b], Stream.cycle([:x])]) |> Enum.to_list()
IO.inspect Stream.zip([[1, 2], [3, 4]]) |> Enum.to_list()
IO.inspect Stream.zip([]) |> Enum.take(3)
IO.inspect Stream.zip(%{}) |> Enum.to_list()
IO.inspect Stream.zip(Stream.iterate(1, &(&1 + 1)), Stream.cycle([:a, :b])) |> Enum.take(4)
IO.inspect Stream.zip_with(1..3, 4..6, &(&1 + &2)) |> Enum.to_list()
IO.inspect Stream.zip_with([1, 2], [3, 4, 5], &{&2, &1}) |> Enum.to_list()
IO.inspect Stream.zip_with([1..3, 4..6, 7..9], &Enum.sum/1) |> Enum.to_list()
IO.inspect Stream.zip_with([], & &1) |> Enum.take(2)
IO.inspect Stream.zip(Stream.map(1..3, &IO.inspect/1), Stream.map(4..6, &IO.inspect/1)) |> Enum.to_list()
IO.inspect Enum.zip(Stream.map(1..3, &IO.inspect/1), Stream.map(4..6, &IO.inspect/1))
IO.inspect Enum.zip_with([Stream.map(1..2, &IO.inspect/1), 10..30], &List.to_tuple/1)
IO.inspect Enum.zip_reduce([1, 2], [3, 4], 0, fn x, y, acc -> x + y + acc end)
IO.inspect Enum.zip_reduce(1..3, Stream.cycle([10]), [], fn x, y, acc -> [x * y | acc] end)
IO.inspect Enum.zip_reduce([[1, 1], [2, 2], [3, 3]], [], fn els, acc -> [List.to_tuple(els) | acc] end)
IO.inspect Enum.zip_reduce([[1, 2], %{a: 3, b: 4}, [5, 6]], [], fn els, acc -> [List.to_tuple(els) | acc] end)
IO.inspect Enum.zip_reduce([], :acc, fn _, _ -> :never end)
IO.inspect Enum.zip([[1, 2], [3]])
IO.inspect Enum.zip([])
IO.inspect Enum.zip_with([], fn _ -> :never end)

IO.inspect Stream.zip(1..5, 1..5)
IO.inspect Stream.zip([1..5, 1..5])
IO.inspect Stream.zip([[1], [2]])
IO.inspect Stream.zip([1], [2])
IO.inspect Stream.zip_with(1..5, 1..5, &+/2)
IO.inspect Stream.zip_with([1], [2], &+/2)
IO.inspect Stream.zip_with([[1], [2]], & &1)

IO.inspect Stream.into([1, 2, 3], []) |> Enum.to_list()
IO.inspect Stream.into([1, 2, 3], MapSet.new(), &IO.inspect/1) |> Enum.take(2)
IO.inspect Stream.into([a: 1], %{}) |> Enum.to_list()
IO.inspect Stream.into(["a", "b"], "") |> Enum.to_list()
IO.inspect Stream.into(1..5, [])
IO.inspect Stream.into(1..5, [], & &1)

for {s, what} <- [
      {Stream.into([1], %{}), "map"},
      {Stream.into([1], ""), "binary"},
      {Stream.into([1], :atom), "atom"}
    ] do
  try do
    Stream.run(s)
  rescue
    e -> IO.puts("#{what}: " <> Exception.message(e))
  end
end

IO.inspect Stream.duplicate(:x, 3) |> Enum.to_list()
IO.inspect Stream.duplicate(:x, 0) |> Enum.to_list()
IO.inspect Stream.duplicate(1, 3)
IO.inspect Stream.interval(1) |> Enum.take(3)
IO.inspect Stream.timer(1) |> Enum.to_list()
IO.inspect Stream.interval(10)
IO.inspect Stream.timer(10)
IO.inspect Stream.cycle(1..3) |> Enum.take(7)
IO.inspect Stream.cycle(Stream.map([1, 2], &(&1 * 3))) |> Enum.take(5)
IO.inspect Stream.cycle(1..3)
IO.inspect Stream.cycle([1, 2])
IO.inspect Stream.iterate(0, &(&1 + 3)) |> Stream.drop(2) |> Enum.take(3)
IO.inspect Stream.unfold(5, fn 0 -> nil; n -> {n, n - 1} end) |> Enum.to_list()
IO.inspect Stream.unfold(1, &{&1, &1 * 2}) |> Enum.take(6)
{:ok, agent} = Agent.start_link(fn -> 0 end)
next = fn -> Agent.get_and_update(agent, &{&1, &1 + 1}) end
IO.inspect Stream.repeatedly(next) |> Enum.take(3)
IO.inspect Stream.repeatedly(next) |> Stream.filter(&(rem(&1, 2) == 0)) |> Enum.take(2)
IO.inspect Stream.each(1..3, &IO.inspect/1) |> Stream.run()
IO.inspect Stream.filter_map(1..6, &(rem(&1, 2) == 0), &(&1 * 10)) |> Enum.to_list()
IO.inspect Stream.chunk(1..5, 2) |> Enum.to_list()
IO.inspect Stream.chunk(1..6, 2, 2) |> Enum.to_list()
try do
  Stream.chunk(1..5, 2, 2) |> Enum.to_list()
rescue
  e -> IO.inspect(e)
end
IO.inspect Stream.chunk(1..5, 2, 2, [0]) |> Enum.to_list()
IO.inspect Stream.uniq([1, 2, 1], &rem(&1, 2)) |> Enum.to_list()
