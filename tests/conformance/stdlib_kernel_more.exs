# Kernel.binary_slice/2,3 (new in 1.14), get_and_update_in/3, node/0,1, is_port/1.
IO.inspect binary_slice("elixir", 0..5)
IO.inspect binary_slice("elixir", 1..3)
IO.inspect binary_slice("elixir", -3..-1)
IO.inspect binary_slice("elixir", -10..10)
IO.inspect binary_slice("elixir", 5..1//1)
IO.inspect binary_slice("elixir", 0..5//2)
IO.inspect binary_slice("elixir", 10..12)
IO.inspect binary_slice("elixir", 1, 3)
IO.inspect binary_slice("elixir", -3, 100)
IO.inspect binary_slice("elixir", 10, 2)
IO.inspect binary_slice("elixir", 0, 0)
IO.inspect binary_slice(<<1, 2, 3>>, 1..2)
IO.inspect get_and_update_in(%{a: %{b: 1}}, [:a, :b], &{&1, &1 + 1})
IO.inspect get_and_update_in(%{a: %{b: 1}}, [:a, :b], fn _ -> :pop end)
IO.inspect get_and_update_in(%{a: [x: 1, y: 2]}, [:a, :y], &{&1, &1 * 10})
IO.inspect get_and_update_in(%{a: 1}, [:z], &{&1, :new})
IO.inspect get_and_update_in([a: %{b: 2}], [:a, :b], &{&1, &1 - 1})
IO.inspect node()
IO.inspect node(self())
IO.inspect is_port(self())

for f <- [
      fn -> binary_slice("elixir", 3..0//-1) end,
      fn -> binary_slice("elixir", 1, -1) end,
      fn -> binary_slice(:atom, 1..2) end,
      fn -> get_and_update_in(%{a: 1}, [:a], fn _ -> :bad end) end,
      fn -> get_and_update_in(%{a: 1}, [], & &1) end,
      fn -> node(:atom) end
    ] do
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts(inspect(e.__struct__) <> ": " <> Exception.message(e))
  end
end
