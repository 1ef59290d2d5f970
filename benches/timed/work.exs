defmodule Fib do
  def fib(0), do: 0
  def fib(1), do: 1
  def fib(n), do: fib(n - 1) + fib(n - 2)
end
{t, v} = :timer.tc(fn -> Fib.fib(30) end)
IO.inspect v
IO.puts :stderr, "fib(30): #{div(t, 1000)} ms"
{t, _} = :timer.tc(fn -> 1..300_000 |> Enum.map(&(&1 * 3)) |> Enum.filter(&(rem(&1, 2) == 0)) |> Enum.sum() end)
IO.puts :stderr, "enum pipeline: #{div(t, 1000)} ms"
{t, _} = :timer.tc(fn -> Enum.reduce(1..100_000, %{}, fn i, acc -> Map.put(acc, i, i * 2) end) end)
IO.puts :stderr, "100k Map.put: #{div(t, 1000)} ms"
