# A builtin that can fail, whose result is thrown away.
defmodule WarnIgnored do
  def a(x) do
    x + 1
    hd(x)
    elem(x, 0)
    if x do
      x * 2
    end
    case x do
      1 -> x - 1
      _ -> :ok
    end
    x
  end

  def b(list) do
    try do
      list ++ [1]
      hd(list)
    rescue
      _ -> 1
    end
    receive do
      m -> m + 1
      :ok
    after 0 -> :ok
    end
  end
end
x = 5
x + 1
-x
IO.inspect WarnIgnored.a([1])
IO.inspect WarnIgnored.b([2])
