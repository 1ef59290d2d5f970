# An implementation's own errors name its module; a missing function warns.
defprotocol Shape do
  def area(shape)
  def name(shape)
end

defmodule Tri do
  defstruct b: 1, h: 2
end

defimpl Shape, for: Tri do
  def area(%Tri{b: b, h: h}), do: b * h / 2
end

defmodule Main do
  def run do
    IO.inspect(Shape.area(%Tri{}))
    IO.inspect(function_exported?(Shape.Tri, :name, 1))
    Shape.area(%{__struct__: Tri, b: nil, h: 2})
  end
end

Main.run()
