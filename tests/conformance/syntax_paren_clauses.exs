# `->` clauses in parentheses: a keyword value such as `do: (1 -> :a; _ -> :b)`.
x = 2
IO.inspect(case x, do: (1 -> :one; _ -> :other))
r = with {:ok, v} <- {:error, 1}, do: v, else: (_ -> :failed)
IO.inspect r
IO.inspect (fn x -> x * 2 end).(4)
IO.inspect((1 + 2) * 3)
f = fn
  (x) when x > 0 -> :pos
  (_) -> :other
end
IO.inspect f.(1)
IO.inspect(if true, do: (:a), else: (:b))
r = try do: (raise "x"), rescue: (e -> e.message)
IO.inspect r
