# Unused variables inside a module's functions name the function; a
# variable bound before a module is never reported.
before = 1
defmodule WarnUnused do
  def f(x) do
    y = 1
    :ok
  end

  def g(a, b \\ 2), do: a

  def h([head | tail]) do
    Enum.map(tail, fn t -> head end)
  end
end
IO.inspect WarnUnused.f(1)
IO.inspect WarnUnused.g(1)
IO.inspect WarnUnused.h([1, 2])
after_module = 2
