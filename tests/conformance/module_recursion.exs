defmodule Rec do
  def len([]), do: 0
  def len([_ | t]), do: 1 + len(t)

  def sum_to(0), do: 0
  def sum_to(n), do: n + sum_to(n - 1)

  def count_down(0, acc), do: acc
  def count_down(n, acc), do: count_down(n - 1, acc + 1)

  def fib(0), do: 0
  def fib(1), do: 1
  def fib(n), do: fib(n - 1) + fib(n - 2)

  def build(0), do: []
  def build(n), do: [n | build(n - 1)]
end
IO.inspect Rec.len(Enum.to_list(1..100_000))
IO.inspect Rec.sum_to(100_000)
IO.inspect Rec.count_down(1_000_000, 0)
IO.inspect Rec.fib(20)
IO.inspect Rec.build(100_000) |> length()
IO.inspect Rec.build(5)
