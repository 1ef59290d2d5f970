f = fn x ->
  try do
    if x == 0, do: raise(ArgumentError, "zero"), else: 10 / x
  rescue
    e in ArgumentError -> {:arg, e.message}
    e in [ArithmeticError, RuntimeError] -> {:other, e.__struct__}
  else
    v when v > 5 -> {:big, v}
    v -> {:small, v}
  after
    IO.puts "after #{x}"
  end
end
IO.inspect f.(0)
IO.inspect f.(1)
IO.inspect f.(4)
IO.inspect(try do throw({:a, 1}) catch {:a, n} -> n end)
IO.inspect(try do exit(:x) catch :exit, r -> {:exit, r} end)
IO.inspect(try do raise "plain" rescue RuntimeError -> :runtime end)
IO.inspect(try do :erlang.error(:badarg) rescue e -> e end)
IO.inspect(try do Integer.parse(nil) rescue e -> e.__struct__ end)
r = try do
  try do
    raise "inner"
  rescue
    e -> reraise RuntimeError, [message: "outer: " <> e.message], __STACKTRACE__
  end
rescue
  e -> e.message
end
IO.inspect r
IO.inspect(try do
  1 + 1
catch
  _ -> :never
end)
