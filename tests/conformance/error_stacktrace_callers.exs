# __STACKTRACE__ in a try inside a function holds its callers' frames as
# well (the BEAM's, up to eight): tail calls leave none, Enum's builtins
# leave theirs; reraise keeps the stack it is given.
defmodule Shapes do
  def area({:square, s}), do: s * s
  def area({:circle, r}), do: 3.14 * r * r

  def safe_area(shape) do
    try do
      area(shape)
    rescue
      e -> {:error, e.__struct__, __STACKTRACE__}
    end
  end

  def total(shapes) do
    areas = Enum.map(shapes, fn s -> safe_area(s) end)
    {:ok, areas}
  end

  def nested(shape) do
    r = safe_area(shape)
    {:nested, r}
  end

  def tail(shape), do: safe_area(shape)

  def caught(v) do
    try do
      throw(v)
    catch
      kind, value -> {kind, value, length(__STACKTRACE__)}
    end
  end

  def check(x) do
    try do
      if x < 0, do: raise(ArgumentError, "negative: #{x}")
      x
    rescue
      e in ArgumentError -> reraise e, __STACKTRACE__
    end
  end

  def run(x) do
    y = check(x)
    y * 2
  end
end

IO.inspect Shapes.safe_area({:triangle, 1})
IO.inspect Shapes.nested({:square, :a})
IO.inspect Shapes.tail({:circle, "r"})
IO.inspect Shapes.total([{:square, 2}, {:hexagon, 1}])
IO.inspect Shapes.caught(:oops)
IO.inspect Shapes.run(2)
Shapes.run(-1)
IO.puts "not reached"
