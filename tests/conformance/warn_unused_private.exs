# Private functions no public function reaches are warned about, by name.
IO.puts "before"
defmodule Shop do
  def total(items), do: items |> Enum.map(&price/1) |> sum()
  def label(name), do: format(name, "!")
  defp price({_, p}), do: p
  defp sum(l), do: Enum.sum(l)
  defp format(name, suffix \\ "."), do: name <> suffix
  defp zebra, do: chain()
  defp chain, do: :chained
  defp alpha(x), do: x
  defp pad(s, n \\ 2, c \\ " "), do: String.pad_leading(s, n, c)
  def padded(s), do: pad(s, 4)
end
IO.inspect Shop.total([{:a, 2}, {:b, 3}])
IO.puts Shop.label("hi")
IO.inspect Shop.padded("x")
