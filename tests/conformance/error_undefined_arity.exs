defmodule Math do
  def square(x), do: x * x
end
IO.inspect Math.square(4)
Math.square(4, 5)
IO.puts "never printed"
