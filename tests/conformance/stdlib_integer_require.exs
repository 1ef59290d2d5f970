# Integer.is_even/1 and is_odd/1 are macros: they need `require Integer`.
# In a module's function the module checker warns; called, they are undefined.
defmodule Parity do
  def odd?(x), do: Integer.is_odd(x)
  def both(x), do: {Integer.is_even(x), String.strip(" #{x} ")}
end

defmodule Required do
  require Integer
  def even?(x), do: Integer.is_even(x)
  def kind(x) when Integer.is_even(x), do: :even
  def kind(_), do: :odd
end

IO.inspect Required.even?(4)
IO.inspect Required.kind(3)

try do
  Parity.odd?(3)
rescue
  e -> IO.puts(Exception.message(e))
end

f = fn x -> Integer.is_even(x) end

try do
  f.(2)
rescue
  e -> IO.puts(Exception.message(e))
end

require Integer
IO.inspect Integer.is_even(10)
IO.inspect Integer.is_odd(-3)
IO.inspect Enum.filter(1..6, &Integer.is_odd/1)
