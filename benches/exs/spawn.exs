# 5_000 short-lived processes, each sending one message back.
defmodule Spawner do
  def collect(0, acc), do: acc
  def collect(n, acc) do
    receive do
      {:done, i} -> collect(n - 1, acc + i)
    end
  end
end
parent = self()
n = 5_000
Enum.each(1..n, fn i -> spawn(fn -> send(parent, {:done, i}) end) end)
IO.inspect Spawner.collect(n, 0)
