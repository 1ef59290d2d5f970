# Enumerable (and Collectable) implemented by a struct, used through Enum and for.
defmodule Countdown do
  defstruct from: 3
end

defimpl Enumerable, for: Countdown do
  def count(%Countdown{from: n}), do: {:ok, n + 1}
  def member?(%Countdown{from: n}, x), do: {:ok, is_integer(x) and x >= 0 and x <= n}
  def slice(_), do: {:error, __MODULE__}

  def reduce(_, {:halt, acc}, _fun), do: {:halted, acc}
  def reduce(c, {:suspend, acc}, fun), do: {:suspended, acc, &reduce(c, &1, fun)}
  def reduce(%Countdown{from: n}, {:cont, acc}, _fun) when n < 0, do: {:done, acc}

  def reduce(%Countdown{from: n}, {:cont, acc}, fun),
    do: reduce(%Countdown{from: n - 1}, fun.(n, acc), fun)
end

defmodule Bag do
  defstruct items: []

  defimpl Enumerable do
    def count(_bag), do: {:error, __MODULE__}
    def member?(_bag, _x), do: {:error, __MODULE__}
    def slice(_), do: {:error, __MODULE__}
    def reduce(bag, acc, fun), do: Enumerable.List.reduce(bag.items, acc, fun)
  end

  defimpl Collectable do
    def into(bag) do
      collector = fn
        b, {:cont, x} -> %Bag{b | items: b.items ++ [x]}
        b, :done -> b
        _, :halt -> :ok
      end

      {bag, collector}
    end
  end
end

defmodule Main do
  def run do
    c = %Countdown{from: 5}
    IO.inspect(Enum.to_list(c))
    IO.inspect(Enum.map(c, &(&1 * 2)))
    IO.inspect(Enum.filter(c, &(rem(&1, 2) == 0)))
    IO.inspect(Enum.reduce(c, 0, &+/2))
    IO.inspect(Enum.count(c))
    IO.inspect(Enum.member?(c, 3))
    IO.inspect(Enum.member?(c, 9))
    IO.inspect(Enum.take(c, 2))
    IO.inspect(Enum.sum(c))
    IO.inspect(Enum.sort(c))
    IO.inspect(Enum.at(c, 1))
    IO.inspect(Enum.zip(c, [:a, :b, :c]))
    IO.inspect(Enum.with_index(%Countdown{from: 2}))
    IO.inspect(Enum.join(%Countdown{from: 3}, "-"))
    IO.inspect(Enum.max(c))
    IO.inspect(Enum.find(c, &(&1 < 3)))
    IO.inspect(for x <- c, x > 2, do: x * x)
    IO.inspect(Stream.map(c, &(&1 * 3)) |> Enum.to_list())

    b = %Bag{items: [1, 2, 3]}
    IO.inspect(Enum.count(b))
    IO.inspect(Enum.member?(b, 2))
    IO.inspect(Enum.map(b, &(&1 + 1)))
    IO.inspect(Enum.take(b, 1))
    IO.inspect(Enum.into([4, 5], %Bag{}))
    IO.inspect(for x <- [1, 2], into: b, do: x * 10)
    IO.inspect(Enumerable.reduce([1, 2, 3], {:cont, 0}, fn x, acc -> {:cont, x + acc} end))
    IO.inspect(Enumerable.reduce(b, {:cont, []}, fn x, acc -> {:cont, [x | acc]} end))
    IO.inspect(Enumerable.count(c))
  end
end

Main.run()
