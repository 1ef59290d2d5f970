[a, b, c] = [1, 2, 3]
IO.inspect a + b + c
[head | tail] = [1, 2, 3]
IO.inspect head
IO.inspect tail
[h | t] = [:only]
IO.inspect {h, t}
[first, second | rest] = Enum.to_list(1..6)
IO.inspect {first, second, rest}
[_, [inner | _]] = [0, [10, 20]]
IO.inspect inner
"hello " <> name = "hello world"
IO.inspect name
[x, x] = [7, 7]
IO.inspect x
'ab' ++ rest = 'abcd'
IO.inspect rest
IO.inspect match?([_ | _], [])
IO.inspect match?([], [])
