m = %{a: 1}
IO.inspect m.a
IO.inspect Map.fetch!(m, :a)
IO.inspect m.b
