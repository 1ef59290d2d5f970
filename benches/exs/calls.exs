# Naive recursion: fib(25) makes about 250_000 calls.
defmodule Fib do
  def fib(0), do: 0
  def fib(1), do: 1
  def fib(n), do: fib(n - 1) + fib(n - 2)
end
IO.inspect Fib.fib(25)
