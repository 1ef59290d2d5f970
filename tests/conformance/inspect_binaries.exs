IO.inspect <<1, 2, 3>>
IO.inspect <<"abc", 0>>
IO.inspect <<255>>
IO.inspect <<"é">>
IO.inspect <<195>>
IO.inspect "\x00"
IO.inspect "\a\b\f\v\r"
IO.inspect "\u2603 snow"
IO.inspect "emoji 😀"
IO.inspect String.duplicate("a", 100)
IO.inspect "a\\b"
IO.inspect "\#{x}"
IO.inspect :"atom with spaces"
IO.inspect :"Elixir.lowercase"
IO.inspect :"123"
IO.inspect [:"a-b", :a_b, :"A"]
