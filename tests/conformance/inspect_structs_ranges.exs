IO.inspect 1..10
IO.inspect 0..-1//1
IO.inspect [1..2, 3..4]
IO.inspect MapSet.new([:b, :a])
IO.inspect %RuntimeError{message: "x"}
IO.inspect %ArgumentError{}
IO.inspect {:pid, is_pid(self())}
IO.inspect %{1 => [1..3], "r" => {2..3}}
IO.inspect Date.new!(2024, 2, 29)
IO.inspect ~D[2020-01-01]
IO.inspect [structs: [%ArgumentError{message: "a"}]]
