IO.puts "before"
defmodule T do
  def go(x), do: throw({:thrown, x})
end
T.go(1)
IO.puts "never"
