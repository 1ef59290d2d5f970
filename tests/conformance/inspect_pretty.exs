IO.inspect Enum.to_list(1..40)
IO.inspect Enum.to_list(1..100)
IO.inspect Enum.map(1..12, fn i -> "string number #{i}" end)
IO.inspect Map.new(1..20, fn i -> {:"key_#{i}", i} end)
IO.inspect {:a_fairly_long_atom_name, "a fairly long string value here", [1, 2, 3, 4, 5, 6, 7, 8]}
IO.inspect %{users: Enum.map(1..4, fn i -> %{id: i, name: "user #{i}", roles: [:admin, :editor]} end)}
