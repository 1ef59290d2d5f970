# Captures of functions Elixir's compiler inlines name the Erlang function.
IO.inspect &Kernel.length/1
IO.inspect &Kernel.elem/2
IO.inspect &Kernel.send/2
IO.inspect &Kernel.spawn/1
IO.inspect &Atom.to_string/1
IO.inspect &Integer.to_string/2
IO.inspect &String.to_integer/1
IO.inspect &String.duplicate/2
IO.inspect &List.to_tuple/1
IO.inspect &Map.keys/1
IO.inspect &Map.get/2
IO.inspect &Process.alive?/1
IO.inspect &Process.whereis/1
IO.inspect &IO.iodata_to_binary/1
IO.inspect Enum.map([:a, :b], &Atom.to_string/1)
IO.inspect Enum.map(["1", "22"], &String.to_integer/1)
