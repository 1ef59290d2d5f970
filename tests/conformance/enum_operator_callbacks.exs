# Functions that only apply operators, given to Enum: values of every type,
# captured variables, and the errors they raise with their frames.
k = 3
IO.inspect Enum.map(1..5, &(&1 * k))
IO.inspect Enum.map([1, 2.5, 3], fn x -> x * 2 end)
IO.inspect Enum.filter(1..10, &(rem(&1, 3) == 0))
IO.inspect Enum.filter([1, :a, "b", 2.0], &(&1 > 1))
IO.inspect Enum.reject([1, 2, 3, 4], fn x -> x - k < 0 end)
IO.inspect Enum.map(["a", "b"], &(&1 <> "!"))
IO.inspect Enum.map([[1], [2, 3]], &(&1 ++ [0]))
IO.inspect Enum.reduce(1..4, 0, &(&1 + &2))
IO.inspect Enum.reduce([1, 2, 3], fn x, acc -> x * acc end)
IO.inspect Enum.map([9_223_372_036_854_775_807], &(&1 + 1))
IO.inspect Enum.map([10, 7], &div(&1, 2))
IO.inspect Enum.map([1, 2], fn _ -> k end)
IO.inspect Enum.map([1, 2], fn x -> x end)
IO.inspect Enum.sort_by([3, 1, 2], &(-&1))
IO.inspect Enum.filter([true, false, nil], &(&1 == false))

for {name, f} <- [
      {"badarith in map", fn -> Enum.map([1, :a], &(&1 * 2)) end},
      {"rem by zero", fn -> Enum.filter(1..3, &(rem(&1, 0) == 0)) end},
      {"div by zero", fn -> Enum.map([4], fn x -> div(x, x - 4) end) end},
      {"concat of non-binary", fn -> Enum.map([1], &(&1 <> "x")) end},
      {"list concat", fn -> Enum.map([1], &(&1 ++ [])) end}
    ] do
  try do
    f.()
  rescue
    e ->
      IO.puts("#{name}: #{inspect(e.__struct__)} #{Exception.message(e)}")
      [{m, fun, arity, _} | _] = __STACKTRACE__
      IO.inspect(if m == :erlang, do: {m, fun, arity}, else: m)
  end
end

Enum.map([1, 2, :three], &(&1 * k))
