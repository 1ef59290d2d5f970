# A function given to Enum raises on a later element of a list: under its
# own frame, the frames of Enum's list recursion (recorded once where the
# recursion repeats them).
defmodule Prices do
  def per_unit(items), do: Enum.map(items, fn {total, count} -> div(total, count) end)
end

IO.inspect(Prices.per_unit([{10, 2}, {9, 3}]))
Prices.per_unit([{10, 2}, {9, 3}, {5, 0}])
