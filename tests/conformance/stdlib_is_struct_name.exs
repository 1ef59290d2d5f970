defmodule Kinds do
  def of(x) when is_struct(x, Range), do: :range
  def of(x) when is_exception(x, ArgumentError), do: :argument_error
  def of(x) when is_exception(x), do: :exception
  def of(x) when is_struct(x), do: :struct
  def of(_), do: :other
end

IO.inspect Kinds.of(1..2)
IO.inspect Kinds.of(%ArgumentError{})
IO.inspect Kinds.of(%KeyError{})
IO.inspect Kinds.of(MapSet.new())
IO.inspect Kinds.of(%{})
IO.inspect is_struct(1..2, Range)
IO.inspect is_struct(%{}, Range)
IO.inspect is_struct(1..2, MapSet)
IO.inspect is_exception(%ArgumentError{}, KeyError)
IO.inspect is_exception(%ArgumentError{}, ArgumentError)
IO.inspect is_exception(1..2, Range)
m = Range
IO.inspect is_struct(1..2, m)
try do
  is_struct(1..2, "Range")
rescue
  e -> IO.inspect(e)
end
