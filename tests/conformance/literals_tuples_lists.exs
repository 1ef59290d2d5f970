IO.inspect {}
IO.inspect {1}
IO.inspect {1, :two, "three", 4.0}
IO.inspect []
IO.inspect [1, 2, 3]
IO.inspect [1 | [2 | [3 | []]]]
IO.inspect [1 | 2]
IO.inspect [[1, 2], [3, [4, 5]]]
IO.inspect %{}
IO.inspect %{a: 1, b: 2}
IO.inspect %{"key" => "value", 1 => :one}
IO.inspect %{{1, 2} => [3]}
IO.inspect [a: 1, b: 2]
IO.inspect [{:a, 1}, {:b, 2}]
IO.inspect [{:a, 1}, {"b", 2}]
IO.inspect tuple_size({1, 2, 3})
IO.inspect elem({:x, :y}, 1)
