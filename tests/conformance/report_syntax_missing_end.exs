defmodule Open do
  def f(x) do
    x
end
