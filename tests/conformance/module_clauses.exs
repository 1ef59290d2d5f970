defmodule Shapes do
  def area({:square, side}), do: side * side
  def area({:rect, w, h}), do: w * h
  def area({:circle, r}), do: Float.round(3.14159 * r * r, 2)

  def describe(shape) do
    "area #{area(shape)}"
  end

  def sum_list([]), do: 0
  def sum_list([h | t]), do: h + sum_list(t)

  def kind(x) when is_integer(x) and x > 0, do: :positive_integer
  def kind(x) when is_integer(x), do: :integer
  def kind(x) when is_float(x) or is_binary(x), do: :float_or_binary
  def kind(_), do: :other
end
IO.inspect Shapes.area({:square, 3})
IO.inspect Shapes.area({:rect, 2, 5})
IO.inspect Shapes.area({:circle, 2})
IO.puts Shapes.describe({:square, 4})
IO.inspect Shapes.sum_list([1, 2, 3, 4])
IO.inspect Enum.map([5, -5, 1.5, "s", :a], &Shapes.kind/1)
IO.inspect Shapes.area {:square, 2}
