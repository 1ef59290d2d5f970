IO.inspect 2 in [1, 2, 3]
IO.inspect 5 in [1, 2, 3]
IO.inspect 5 not in [1, 2, 3]
IO.inspect 3 in 1..5
IO.inspect 6 in 1..5
IO.inspect 1..5
IO.inspect 5..1//-1
IO.inspect 1..10//3
IO.inspect Enum.to_list(1..10//3)
IO.inspect Enum.to_list(5..1//-1)
IO.inspect Enum.to_list(1..0//1)
IO.inspect Enum.sum(1..100)
IO.inspect Range.new(1, 3)
first..last = 4..9
IO.inspect {first, last}
IO.inspect :a in [a: 1]
IO.inspect {:a, 1} in [a: 1]
IO.inspect Enum.count(1..10)
IO.inspect 3.0 in [3]
