defmodule Point do
  defstruct x: 0, y: 0
end

IO.puts("Point is defined")

defmodule Geometry do
  def origin, do: %Point{x: 0, w: 0}
end
