x = IO.inspect({:ok, 1})
IO.inspect x == {:ok, 1}
[1, 2, 3]
|> IO.inspect(label: "before")
|> Enum.map(&(&1 * 2))
|> IO.inspect(label: "after")
|> Enum.sum()
|> IO.inspect()
IO.inspect inspect(:atom)
IO.inspect inspect("str")
IO.inspect inspect('cl')
IO.inspect inspect(1.0)
IO.inspect inspect({1, [2]})
IO.puts IO.inspect("nested")
