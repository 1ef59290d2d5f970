# IO.stream and IO.binstream at the end of input: empty enumerables.
IO.inspect(IO.stream())
IO.inspect(IO.stream(:stdio, :line))
IO.inspect(IO.stream(:stdio, 4))
IO.inspect(IO.stream(:stderr, :line))
IO.inspect(IO.binstream())
IO.inspect(IO.binstream(:stdio, 2))
IO.inspect(IO.stream(:stdio, :line) |> Enum.to_list())
IO.inspect(IO.stream() |> Enum.count())
IO.inspect(IO.binstream(:stdio, :line) |> Enum.map(&String.trim/1))
IO.inspect(IO.stream() |> Stream.map(&String.upcase/1) |> Enum.take(3))
IO.stream(:stdio, :line) |> Enum.each(&IO.write/1)

lines =
  IO.stream(:stdio, :line)
  |> Stream.map(&String.trim/1)
  |> Stream.reject(&(&1 == ""))
  |> Enum.with_index(1)

IO.inspect(lines, label: "lines")
IO.inspect(Enum.zip(IO.stream(), 1..3))
IO.inspect(for line <- IO.stream(), do: line)
IO.inspect(Enum.reduce(IO.stream(), 0, fn _, n -> n + 1 end))

# Collecting into a stream writes each item to its device.
s = Enum.into(["one ", "two", "\n"], IO.stream())
IO.inspect(s)
Enum.into(["bin", "\n"], IO.binstream(:stdio, :line))
IO.inspect(Enumerable.impl_for(IO.stream()))
