# Functions Elixir inlines to :erlang builtins fail in the builtin's frame.
top = fn f ->
  try do
    f.()
  rescue
    e -> IO.inspect({Exception.message(e), hd(__STACKTRACE__)})
  end
end
bad = fn -> :bad end
top.(fn -> String.to_integer(bad.()) end)
top.(fn -> String.to_integer("12", 99) end)
top.(fn -> String.to_float("x") end)
top.(fn -> String.to_atom(bad.()) end)
top.(fn -> String.to_existing_atom("never_made_atom_xyz") end)
top.(fn -> List.to_integer(~c"1x") end)
top.(fn -> List.to_integer("1") end)
top.(fn -> List.to_atom([1.5]) end)
top.(fn -> List.to_float(~c"1") end)
top.(fn -> List.to_tuple(bad.()) end)
top.(fn -> Tuple.to_list(bad.()) end)
top.(fn -> Tuple.append(bad.(), 1) end)
top.(fn -> Tuple.insert_at({}, 5, 1) end)
top.(fn -> Tuple.delete_at({}, 0) end)
top.(fn -> Tuple.duplicate(1, -1) end)
top.(fn -> Atom.to_string("a") end)
top.(fn -> Atom.to_charlist(1) end)
top.(fn -> Integer.to_string(1.5) end)
top.(fn -> Integer.to_string(5, 99) end)
top.(fn -> Integer.to_charlist(bad.()) end)
top.(fn -> IO.iodata_length(bad.()) end)
top.(fn -> IO.iodata_to_binary(bad.()) end)
top.(fn -> Map.has_key?(bad.(), :a) end)
top.(fn -> send(:nobody_registered, :hi) end)
IO.inspect List.to_integer(~c"+99999999999999999999")
IO.inspect {List.to_integer(~c"ff", 16), List.to_float(~c"1.5e3"), :erlang.integer_to_binary(255, 16)}
