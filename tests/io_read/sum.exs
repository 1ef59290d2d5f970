# Reads all of the input at once.
numbers =
  IO.read(:stdio, :eof)
  |> String.split()
  |> Enum.map(&String.to_integer/1)

IO.puts("#{length(numbers)} numbers, total #{Enum.sum(numbers)}")
IO.inspect(IO.read(:stdio, :eof))
