defmodule G do
  def f(1), do: :one
  def g, do: :g
  def f(2) do
    x = 1
    :two
  end
  defp h(1), do: 1
  def f(3), do: :three
  defp h(2), do: 2
  def k, do: h(1)
  def f(a, b), do: {a, b}
  def g(x), do: x
end
IO.inspect G.f(2)
