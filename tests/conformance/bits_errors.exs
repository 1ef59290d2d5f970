# Errors from building and using bitstrings.
t = fn f ->
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end
n = -1
t.(fn -> <<1::size(n)>> end)
n = :a
t.(fn -> <<1::size(n)>> end)
n = 1.0
t.(fn -> <<1::size(n)>> end)
x = 1.5
t.(fn -> <<x>> end)
t.(fn -> <<x::utf8>> end)
x = "ab"
t.(fn -> <<x>> end)
t.(fn -> <<1, 2, x::utf8>> end)
x = 0xD800
t.(fn -> <<x::utf8>> end)
x = -1
t.(fn -> <<x::utf16>> end)
t.(fn -> <<x::utf32>> end)
x = "abc"
n = 5
t.(fn -> <<1, x::binary-size(n)>> end)
x = 1.0e300
t.(fn -> <<x::float-32>> end)
n = 8
t.(fn -> <<x::float-size(n)>> end)
x = :a
t.(fn -> <<x::float>> end)
t.(fn -> <<x::binary>> end)
x = <<1::4>>
t.(fn -> <<1, x::bits-size(6)>> end)
t.(fn -> <<x::binary>> end)
t.(fn -> x <> "a" end)
t.(fn -> "a" <> x end)
y = :atom
t.(fn -> "a" <> y end)
n = 100000000000000000000
t.(fn -> <<1::size(n)>> end)
t.(fn -> to_string(x) end)
t.(fn -> "interpolated #{x}" end)
t.(fn -> IO.iodata_to_binary([x]) end)
t.(fn -> IO.iodata_to_binary([1 | 2]) end)
t.(fn -> IO.iodata_to_binary([256]) end)
t.(fn -> IO.iodata_length([x, "a"]) end)
t.(fn -> IO.iodata_length(["ab", ?c | "de"]) end)
t.(fn -> IO.iodata_to_binary(["ab", ?c | "de"]) end)
t.(fn -> :erlang.iolist_to_binary(x) end)
t.(fn -> IO.write([x]) end)
t.(fn -> IO.puts(x) end)
t.(fn -> List.to_string([x]) end)
t.(fn -> IO.chardata_to_string(["a", x]) end)
t.(fn -> :erlang.list_to_bitstring([:a]) end)
t.(fn -> :erlang.bitstring_to_list(:a) end)
t.(fn -> bit_size(:a) end)
t.(fn -> byte_size([]) end)
t.(fn -> String.length(x) end)
t.(fn -> for <<c <- :notbits>>, do: c end)
<<a::4>> = x
IO.inspect a
<<b::8>> = x
