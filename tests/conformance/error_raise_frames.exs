# `raise/1` names Exception as the module that explains the error in the
# raising frame; `y = f(x); y` is a tail call, as the Erlang compiler makes it.
defmodule Checkout do
  def total(items) do
    sum = add(items)
    sum
  end

  defp add([]), do: raise("empty cart")
  defp add(items), do: Enum.sum(items)

  def checkout(items) do
    paid = total(items)
    {:ok, paid}
  end

  def pay(amount) when amount > 100, do: raise(ArgumentError, "too much")
  def pay(amount), do: amount
end

show = fn stack -> Enum.map(stack, fn {m, f, a, loc} -> {m, f, a, loc} end) end

try do
  Checkout.checkout([])
rescue
  e -> IO.inspect({e, show.(Enum.take(__STACKTRACE__, 2))})
end

try do
  Checkout.pay(500)
rescue
  e -> IO.inspect({e, show.(Enum.take(__STACKTRACE__, 1))})
end

IO.inspect(Checkout.total([1, 2]))
