# IO.stream and IO.binstream with Enum and Stream.
IO.inspect(IO.stream() |> Enum.take(2))
IO.inspect(IO.stream(:stdio, 3) |> Enum.take(3))
IO.inspect(IO.binstream(:stdio, :line) |> Enum.take(1))
IO.inspect(IO.binstream(:stdio, 2) |> Enum.take(2))
IO.inspect(IO.read(:line))

IO.stream(:stdio, :line)
|> Stream.map(&String.trim/1)
|> Stream.reject(&(&1 == ""))
|> Stream.map(&String.to_integer/1)
|> Enum.take_while(&(&1 > 0))
|> Enum.sum()
|> IO.inspect(label: "sum")

IO.inspect(IO.stream() |> Enum.count(), label: "lines left")
IO.inspect(IO.stream() |> Enum.to_list())
