"hello world"
|> String.split()
|> Enum.map(&String.capitalize/1)
|> Enum.join(" ")
|> IO.puts()
IO.inspect 5 |> Kernel.+(3) |> Kernel.*(2)
IO.inspect [3, 1, 2] |> Enum.sort() |> Enum.reverse()
double = fn x -> x * 2 end
IO.inspect 4 |> double.()
IO.inspect 1..5 |> Enum.map(&(&1 * &1)) |> Enum.filter(&(rem(&1, 2) == 1))
"  padded  " |> String.trim() |> IO.inspect()
IO.inspect(-2 |> abs())
