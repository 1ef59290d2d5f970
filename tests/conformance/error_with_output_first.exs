for i <- 1..3, do: IO.puts("line #{i}")
Enum.each([1, 2], &IO.inspect/1)
[a, b] = [1, 2, 3]
IO.inspect {a, b}
