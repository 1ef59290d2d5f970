# Map functions given something that is not a map: BadMapError in the frame
# of the call Elixir compiles them to (a :maps builtin, with its arguments)
# or of Map's own function, which replaces its caller's in tail position.
defmodule Cart do
  def items(cart), do: Map.keys(cart)
  def count(cart, item), do: Map.get(cart, item, 0)

  def frames(f) do
    try do
      f.()
    rescue
      e ->
        stack =
          __STACKTRACE__
          |> Enum.take_while(fn {m, f, _, _} -> not (m == Cart and f == :frames) end)
          |> Enum.map(fn {m, f, a, loc} -> {m, f, a, loc} end)

        {Exception.message(e), stack}
    end
  end
end

IO.inspect(Cart.frames(fn -> Cart.items(nil) end))
IO.inspect(Cart.frames(fn -> Cart.count([apple: 1], :apple) end))
IO.inspect(Cart.frames(fn -> Map.fetch("cart", :a) end))
IO.inspect(Cart.frames(fn -> Map.delete(nil, :a) end))
IO.inspect(Cart.frames(fn -> Map.to_list(:cart) end))
IO.inspect(Map.values(%{a: 1}))
Map.values(nil)
