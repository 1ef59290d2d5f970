IO.inspect Enum.to_list(1..10), limit: 3
IO.inspect Enum.to_list(1..10), limit: :infinity
IO.inspect %{a: 1, b: 2, c: 3}, limit: 2
IO.inspect {1, 2, 3, 4, 5}, limit: 2
IO.inspect "a long string", printable_limit: 4
IO.inspect [1, 2, 3], label: "numbers"
IO.inspect %{x: 1}, label: "map"
IO.inspect 'abc', charlists: :as_lists
IO.inspect [104, 105], charlists: :as_charlists
IO.inspect "abc", binaries: :as_binaries
IO.inspect 255, base: :hex
IO.inspect 5, base: :binary
IO.inspect Enum.to_list(1..30), width: 20
IO.puts inspect(Enum.to_list(1..60))
IO.puts inspect(Enum.to_list(1..60), pretty: true)
IO.inspect Enum.to_list(1..200)
