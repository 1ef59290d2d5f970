# A ring of 500 processes passing a token 50_000 hops.
defmodule Ring do
  def hop(next) do
    receive do
      {:token, 0, from} ->
        send from, :done

      {:token, n, from} ->
        send next, {:token, n - 1, from}
        hop(next)
    end
  end

  # Builds a chain of n processes ending at `last`; returns its first.
  def chain(0, last), do: last
  def chain(n, last), do: chain(n - 1, spawn(fn -> hop(last) end))

  def wait(first) do
    receive do
      :done -> :done
      {:token, 0, from} ->
        send from, :done
        wait(first)

      {:token, n, from} ->
        send first, {:token, n - 1, from}
        wait(first)
    end
  end
end
first = Ring.chain(500, self())
send first, {:token, 50_000, self()}
IO.inspect Ring.wait(first)
