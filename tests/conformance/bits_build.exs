# Building bitstrings: sizes, units, types, endianness.
IO.inspect <<1::4>>
IO.inspect <<1, 2::3>>
IO.inspect <<1::1, 0::1, 1::1>>
IO.inspect <<5::3, 1::5>>
x = 7
IO.inspect <<x::4*2>>
IO.inspect <<x::size(2)-unit(4)>>
n = 12
IO.inspect <<0x101::size(n)-little>>
IO.inspect <<0x123456::little-24>>
IO.inspect <<-1::signed-4>>
IO.inspect <<-2::12>>
IO.inspect <<300::size(2)-unit(8)>>
IO.inspect <<1::100>>
IO.inspect <<-1::70>>
IO.inspect <<123456789012345678901234567890::128>>
IO.inspect <<123456789012345678901234567890::little-100>>
IO.inspect <<1.5::float-32>>
IO.inspect <<1.5::float-16>>
IO.inspect <<-0.1::float-16>>
IO.inspect <<1.5::little-float>>
IO.inspect <<3::float>>
IO.inspect <<"ab"::utf16, "c"::utf32-little, "é"::utf8>>
IO.inspect <<0x1F600::utf16, 0x1F600::utf16-little>>
IO.inspect <<?a::utf32>>
bs = <<1::4>>
IO.inspect <<bs::bitstring, bs::bits, 3::2>>
IO.inspect <<bs::bits, "abc">>
abc = "abc"
IO.inspect <<abc::binary-size(2), bs::bits-size(2)>>
b = "hello"
IO.inspect <<b::binary-size(2)-unit(8), 1::1>>
IO.inspect {bit_size(<<1::4>>), byte_size(<<1::4>>), byte_size(<<1, 2::9>>), bit_size("abc")}
IO.inspect {is_bitstring(<<1::4>>), is_binary(<<1::4>>), is_bitstring("a"), is_binary("a"), is_bitstring(1)}
IO.inspect <<>>
IO.inspect <<1::0>>
IO.inspect <<1::4, 2::4>>
IO.inspect <<1::1, 2::7, 3::3>>
IO.inspect inspect(<<1, 2, 3, 4::4>>, limit: 2)
IO.inspect inspect(<<1, 2, 3::4>>, limit: 3)
IO.inspect inspect(<<255, 4::4>>, base: :hex)
IO.inspect inspect("abc", base: :hex)
IO.inspect inspect(<<7::3>>, base: :binary)
IO.inspect :erlang.bitstring_to_list(<<1, 2::3>>)
IO.inspect :erlang.list_to_bitstring([<<1::4>>, 1, [<<2::4>>], "a"])
IO.inspect :erlang.list_to_bitstring([1 | <<1::1>>])
IO.inspect String.duplicate(<<0>>, 40) <> <<1>>
IO.inspect [<<1::1>>, {<<2::2>>}, %{a: <<3::3>>}]
IO.puts inspect(for(i <- 1..30, into: <<>>, do: <<i::7>>), pretty: true, width: 40)
