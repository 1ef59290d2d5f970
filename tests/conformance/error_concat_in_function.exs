defmodule M do
  def f(x), do: x <> 1.5
end
