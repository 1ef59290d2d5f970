# Exception.format/2,3, format_banner/2 and format_stacktrace/1.
defmodule M do
  def f(x), do: x + 1
  def g(x) do
    y = f(x)
    {:ok, y}
  end
end
try do
  M.g(:a)
rescue
  e ->
    IO.puts Exception.format(:error, e, __STACKTRACE__ |> Enum.take(2))
    IO.puts Exception.format(:error, e, [])
    IO.puts Exception.format(:error, e)
    IO.puts Exception.format_banner(:error, e)
    IO.puts Exception.format_stacktrace(Enum.take(__STACKTRACE__, 2))
    IO.inspect Exception.format_stacktrace([])
    IO.puts Exception.format(:throw, :x, Enum.take(__STACKTRACE__, 1))
    IO.puts Exception.format(:exit, :bye, [])
    IO.puts Exception.format_banner(:throw, :x)
end
