defmodule Ring do
  def start(n, parent) do
    Enum.reduce(1..n, parent, fn i, next ->
      spawn(fn -> relay(i, next) end)
    end)
  end

  def relay(i, next) do
    receive do
      {:token, hops} ->
        send next, {:token, [i | hops]}
    end
  end
end
first = Ring.start(10, self())
send first, {:token, []}
receive do
  {:token, hops} -> IO.inspect hops
end
big = Ring.start(1000, self())
send big, {:token, []}
receive do
  {:token, hops} -> IO.inspect {length(hops), hd(hops), List.last(hops)}
end
