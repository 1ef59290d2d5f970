IO.inspect 1 == 1.0
IO.inspect 1 === 1.0
IO.inspect 1 != 1.0
IO.inspect 1 !== 1.0
IO.inspect 1 < 2
IO.inspect 2 >= 2
IO.inspect "abc" < "abd"
IO.inspect :a < :b
IO.inspect 1 < :atom
IO.inspect :atom < "string"
IO.inspect {1, 2} < [1]
IO.inspect %{} < {}
IO.inspect [] < "a"
IO.inspect 1.0 < 2
IO.inspect self() < make_ref()
IO.inspect fn -> 1 end < self()
IO.inspect Enum.sort([3, "b", :a, 1.5, {1}, [1], %{a: 1}, nil, 2])
IO.inspect {1, 2} < {1, 3}
IO.inspect {2} < {1, 1}
IO.inspect [1, 2] < [1, 2, 0]
IO.inspect %{a: 2} < %{b: 1}
IO.inspect 1 == 1
IO.inspect [1, 2] == [1, 2]
IO.inspect %{a: 1.0} == %{a: 1}
