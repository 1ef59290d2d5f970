defmodule Show do
  def line(x), do: "value: #{x}"
end
IO.puts(Show.line(1))
IO.puts(Show.line({1, 2}))
