defmodule Shape do
  def area({:square, s}), do: s * s
  def area({:circle, r}), do: 3 * r * r
end
IO.inspect Shape.area({:square, 2})
IO.inspect Shape.area({:triangle, 1, 2})
