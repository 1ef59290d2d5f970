# More of Enum: every nth element, chunks decided by a function, flat_map
# with an accumulator, zip_with over a list of enumerables, and friends.
IO.inspect(Enum.map_every(1..10, 3, &(&1 * 100)))
IO.inspect(Enum.map_every([1, 2, 3], 0, &(&1 * 100)))
IO.inspect(Enum.drop_every(1..10, 2))
IO.inspect(Enum.drop_every([1, 2, 3], 0))
IO.inspect(Enum.drop_every([1, 2, 3], 1))
IO.inspect(Enum.map_intersperse([1, 2, 3], :sep, &(&1 * 2)))

chunk_fun = fn element, acc ->
  if rem(element, 2) == 0 do
    {:cont, Enum.reverse([element | acc]), []}
  else
    {:cont, [element | acc]}
  end
end

after_fun = fn
  [] -> {:cont, []}
  acc -> {:cont, Enum.reverse(acc), []}
end

IO.inspect(Enum.chunk_while(1..10, [], chunk_fun, after_fun))
IO.inspect(Enum.chunk_while([1, 3, 5], [], chunk_fun, after_fun))

IO.inspect(
  Enum.flat_map_reduce(1..100, 0, fn x, acc ->
    if acc < 3, do: {[x, x * 10], acc + 1}, else: {:halt, acc}
  end)
)

IO.inspect(Enum.zip_with([[1, 2, 3], [4, 5], [7, 8, 9]], fn [a, b, c] -> a + b + c end))
IO.inspect(Enum.zip_with([], fn x -> x end))
IO.inspect(Enum.count_until(1..20, 5))
IO.inspect(Enum.count_until([1, 2], 5))
IO.inspect(Enum.count_until(1..20, &(rem(&1, 2) == 0), 7))
IO.inspect(Enum.reverse_slice([1, 2, 3, 4, 5, 6], 2, 3))
IO.inspect(Enum.reverse_slice([1, 2, 3], 2, 10))
IO.inspect(Enum.reverse_slice(1..6, 10, 2))
Enum.map_every(["a", "b"], -1, &String.upcase/1)
