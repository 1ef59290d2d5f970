defmodule Twice do
  def v, do: 1
end
IO.inspect(Twice.v())
defmodule Twice do
  def v, do: 2
end
IO.inspect(Twice.v())
