IO.inspect 1..3, structs: false
IO.inspect %ArgumentError{message: "x"}, structs: false
IO.inspect [MapSet.new([1]), 1..2], structs: false
IO.inspect %{r: 1..2}, structs: false
IO.puts inspect(~D[2020-01-02], structs: false)
IO.inspect 2 ** 100, base: :hex
IO.inspect(-(2 ** 70), base: :binary)
IO.inspect 2 ** 64, base: :octal
IO.inspect [255, 2 ** 65], base: :hex
