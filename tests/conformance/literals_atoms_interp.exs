n = 3
IO.inspect :"key_#{n}"
IO.inspect :"with space #{n}"
IO.inspect :"#{:ok}"
IO.inspect :"Elixir.Foo#{n}"
IO.inspect [:"a#{1}", :"b#{2}"]
IO.inspect(for i <- [1, 2], do: :"item#{i}")
IO.inspect Atom.to_string(:"x#{n}")
IO.inspect Atom.to_charlist(:abc)
IO.inspect :erlang.binary_to_atom("made", :utf8)
IO.inspect :erlang.atom_to_binary(:made)
try do
  Atom.to_string("not an atom")
rescue
  e -> IO.inspect e
end
try do
  :"#{String.duplicate("a", 256)}"
rescue
  e -> IO.inspect e
end
