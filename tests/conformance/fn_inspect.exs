f = fn x -> x end
IO.inspect f
IO.inspect is_function(f)
IO.puts inspect(fn -> :ok end)
g = &String.length/1
IO.inspect g
IO.inspect &Enum.map/2
IO.inspect &:lists.reverse/1
IO.inspect [f, g]
IO.inspect apply(g, ["four"])
IO.inspect apply(String, :duplicate, ["ab", 3])
IO.inspect apply(fn a, b -> a - b end, [10, 4])
