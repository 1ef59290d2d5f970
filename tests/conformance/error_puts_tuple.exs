defmodule Show do
  def line(x), do: IO.puts(x)
end

Show.line({:ok, 1})
