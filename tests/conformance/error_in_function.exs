defmodule Deep do
  def a(x), do: b(x) + 1
  def b(x), do: c(x) * 2
  def c(x) when x > 0, do: x
end
IO.inspect Deep.a(1)
IO.inspect Deep.a(0)
