IO.inspect List.to_charlist([?a, "bc", ['d']])
IO.inspect List.to_charlist([0x1F600, "é"])
IO.inspect List.to_charlist([])
try do List.to_charlist([:a]) rescue e -> IO.inspect(e) end
try do List.to_charlist("abc") rescue e -> IO.inspect(e) end
try do List.to_charlist([<<255>>]) rescue e -> IO.inspect(e) end
IO.inspect :erlang.list_to_binary([1, "ab", [2]])
IO.inspect :erlang.list_to_binary([])
IO.inspect :erlang.list_to_binary([200, 201])
try do :erlang.list_to_binary([256]) rescue e -> IO.inspect(e) end
x = "abc"
try do :erlang.list_to_binary(x) rescue e -> IO.inspect(e) end
