defmodule Check do
  defguard is_even(n) when is_integer(n) and rem(n, 2) == 0
  def even?(n) when is_even(n), do: true
  def even?(_), do: false

  def size(x) when is_list(x) and length(x) > 2, do: :long_list
  def size(x) when is_list(x), do: :short_list
  def size(x) when is_map(x) and map_size(x) == 0, do: :empty_map
  def size(x) when is_tuple(x) and tuple_size(x) in [2, 3], do: :pair_or_triple
  def size(_), do: :unknown
end
IO.inspect Enum.map([2, 3, 4.0, :x], &Check.even?/1)
IO.inspect Enum.map([[1, 2, 3], [1], %{}, {1, 2}, {1}], &Check.size/1)
