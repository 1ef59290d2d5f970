m = %{a: %{b: 1}}
IO.inspect(m)
pop_in(m.a.b)
