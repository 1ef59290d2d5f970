# Stream functions check their arguments when called (FunctionClauseError),
# enumerables when run.
checks = [
  fn -> Stream.map(1..3, :not_a_fun) end,
  fn -> Stream.chunk_every(1..3, 0) end,
  fn -> Stream.chunk_every(1..3, 2, -1) end,
  fn -> Stream.chunk_every(1..3, 2, 2, []) |> Stream.chunk_every(:x, 1, []) end,
  fn -> Stream.chunk_by(1..3, fn -> 1 end) end,
  fn -> Stream.chunk_while(1..3, [], fn x -> x end, & &1) end,
  fn -> Stream.chunk(1..3, 0) end,
  fn -> Stream.chunk(1..3, 2, 0) end,
  fn -> Stream.dedup_by(1..3, 1) end,
  fn -> Stream.uniq_by(1..3, 1) end,
  fn -> Stream.uniq(1..3, 1) end,
  fn -> Stream.scan(1..3, & &1) end,
  fn -> Stream.scan(1..3, 0, & &1) end,
  fn -> Stream.take_every(1..3, -1) end,
  fn -> Stream.drop_every(1..3, -1) end,
  fn -> Stream.map_every(1..3, -1, & &1) end,
  fn -> Stream.map_every(1..3, 2, 3) end,
  fn -> Stream.with_index(1..3, :a) end,
  fn -> Stream.transform(1..3, 0, & &1) end,
  fn -> Stream.transform(1..3, 0, fn x, a -> {x, a} end, & &1) end,
  fn -> Stream.transform(1..3, fn -> 0 end, fn x, a -> {x, a} end, & &1, 1) end,
  fn -> Stream.resource(1, & &1, & &1) end,
  fn -> Stream.zip_with(1..3, 1..3, & &1) end,
  fn -> Stream.zip_with([1..3], fn x, y -> {x, y} end) end,
  fn -> Stream.into(1..3, [], 1) end,
  fn -> Stream.interval(-1) end,
  fn -> Stream.timer(:never) end,
  fn -> Stream.duplicate(:x, -1) end,
  fn -> Stream.iterate(0, 1) end,
  fn -> Stream.repeatedly(& &1) end,
  fn -> Stream.unfold(0, 1) end,
  fn -> Stream.flat_map(1..3, 1) end,
  fn -> Stream.cycle([]) end,
  fn -> Stream.cycle(1..0//1) |> Enum.take(1) end,
  fn -> Stream.map(:not_enumerable, & &1) |> Enum.to_list() end,
  fn -> Stream.zip(1..3, :nope) |> Enum.to_list() end,
  fn -> Stream.zip([], :nope) |> Enum.to_list() end,
  fn -> Stream.flat_map(1..3, fn x -> x end) |> Enum.to_list() end,
  fn -> Stream.unfold(0, fn _ -> :bad end) |> Enum.to_list() end,
  fn -> Stream.transform(1..3, 0, fn _, _ -> :bad end) |> Enum.to_list() end,
  fn -> Stream.chunk_while(1..3, 0, fn _, _ -> :bad end, &{:cont, &1}) |> Enum.to_list() end,
  fn -> Stream.chunk_while(1..3, 0, fn _, a -> {:cont, a} end, fn _ -> :bad end) |> Enum.to_list() end,
  fn -> Stream.chunk_every(1..3, 2, 2, :pad) |> Enum.to_list() end,
  fn -> Enum.zip_with(1..3, 1..3, & &1) end,
  fn -> Enum.zip_reduce(1..3, 1..3, 0, & &1) end,
  fn -> Enum.zip_reduce([1..3], 0, & &1) end
]

for check <- checks do
  try do
    IO.inspect(check.())
  rescue
    e -> IO.puts(inspect(e.__struct__) <> ": " <> Exception.message(e))
  end
end
