m = %{a: %{b: 1}}
IO.inspect(put_in(m.a.b, 2))
put_in(m.a.zz, 1)
