defmodule Bare do
  def f(x) do
    x + total
  end
end
