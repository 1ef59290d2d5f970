classify = fn
  0 -> :zero
  n when n < 0 -> :negative
  n when is_integer(n) and rem(n, 2) == 0 -> :even
  n when is_integer(n) -> :odd
  _ -> :not_an_integer
end
IO.inspect Enum.map([0, -3, 4, 7, 2.5, :x], classify)
handle = fn
  {:ok, v} -> "ok: #{v}"
  {:error, r} -> "error: #{inspect r}"
end
IO.puts handle.({:ok, 1})
IO.puts handle.({:error, :timeout})
swap = fn {a, b} -> {b, a} end
IO.inspect swap.({1, 2})
guarded = fn x when x in [:a, :b] -> :ab; x when is_atom(x) -> :atom end
IO.inspect {guarded.(:a), guarded.(:z)}
try do
  handle.(:other)
rescue
  e in FunctionClauseError -> IO.puts "FunctionClauseError: #{Exception.message(e)}"
end
IO.inspect :erlang.fun_info(swap, :arity)
