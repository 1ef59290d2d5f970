# The frame a failing builtin or an undefined call records, as __STACKTRACE__ shows it.
defmodule BifFrames do
  def top(f) do
    try do
      f.()
    rescue
      e -> IO.inspect({e.__struct__, hd(__STACKTRACE__)})
    end
  end
  def add_lit(a), do: a + 1
  def sub_lit(a), do: a - 1
  def add(a, b), do: a + b
  def mul_lit(a), do: a * 2
  def divide(a, b), do: a / b
  def neg(a), do: -a
end
a = Enum.random([:a])
z = Enum.random([0])
BifFrames.top(fn -> BifFrames.add_lit(a) end)
BifFrames.top(fn -> BifFrames.sub_lit(a) end)
BifFrames.top(fn -> BifFrames.add(1, a) end)
BifFrames.top(fn -> BifFrames.mul_lit(a) end)
BifFrames.top(fn -> BifFrames.divide(1, z) end)
BifFrames.top(fn -> BifFrames.neg(a) end)
BifFrames.top(fn -> div(10, z) end)
BifFrames.top(fn -> rem(10, z) end)
BifFrames.top(fn -> hd(a) end)
BifFrames.top(fn -> elem({1}, 3) end)
BifFrames.top(fn -> tuple_size(a) end)
BifFrames.top(fn -> length(a) end)
BifFrames.top(fn -> abs(a) end)
BifFrames.top(fn -> Map.fetch!(%{}, a) end)
BifFrames.top(fn -> Nope.f(1, a) end)
BifFrames.top(fn -> a ++ [1] end)
