# A list pattern with | holds keyword pairs only before the |.
[a: one | rest] = [a: 1, b: 2]
IO.inspect {one, rest}
