IO.inspect [a: 1, b: "two", c: :three]
IO.inspect [{:a, 1}, {:b, 2}, {:c, 3}]
IO.inspect ["my key": 1, other: 2]
IO.inspect [{:"Elixir.Foo", 1}]
IO.inspect [{:a, 1}, 2]
IO.inspect [nil: 1, true: 2]
IO.inspect %{a: [b: 1], c: %{d: [e: 2]}}
IO.inspect %{:a => 1, "b" => 2}
IO.inspect %{"b" => 2, a: 1}
IO.inspect [ok: {:error, [1, 2]}]
IO.puts inspect([x: 1])
