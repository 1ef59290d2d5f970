m = %{a: 1}
put_in(m, 5)
