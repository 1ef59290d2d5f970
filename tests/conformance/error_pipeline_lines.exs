# A pipeline split over lines: each call stands on its `|>` line.
defmodule Pipe do
  def run(list) do
    list
    |> Enum.map(&(&1 * 2))
    |> Enum.filter(&(&1 > 2))
    |> Enum.map(fn x -> 10 / (x - 4) end)
  end
end

try do
  Pipe.run([1, 2, 3])
rescue
  e ->
    IO.puts(Exception.message(e))
    for {m, _f, a, loc} <- __STACKTRACE__, do: IO.inspect({m, a, loc[:line]})
end

[1, 2]
|> Enum.map(&(&1 + 1))
|> Enum.sum()
|> IO.inspect()

"abc"
|> String.upcase()
|> String.to_integer()
