# A builtin macro not required cannot be called in a guard.
defmodule Guarded do
  def kind(x) when Integer.is_even(x), do: :even
  def kind(_), do: :odd
end
