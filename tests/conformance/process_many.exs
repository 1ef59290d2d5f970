parent = self()
pids = for i <- 1..1000 do
  spawn(fn -> send(parent, {:done, i, i * i}) end)
end
IO.inspect length(pids)
results = for _ <- 1..1000 do
  receive do
    {:done, i, sq} -> {i, sq}
  end
end
IO.inspect length(results)
IO.inspect results |> Enum.map(fn {_, sq} -> sq end) |> Enum.sum()
IO.inspect results |> Enum.sort() |> Enum.take(3)
