# Matching bitstrings against bit patterns.
<<a::4, b::4>> = <<0x3F>>
IO.inspect {a, b}
<<x::3, rest::bitstring>> = <<0b10110000, 7>>
IO.inspect {x, rest}
<<h::bitstring-size(3), t::bits>> = <<0b10100000, 7>>
IO.inspect {h, t}
<<s::signed-4, u::4>> = <<0xF3>>
IO.inspect {s, u}
<<c::little-12, _::bits>> = <<1, 1::4>>
IO.inspect c
<<big::little-signed-16>> = <<0xFE, 0xFF>>
IO.inspect big
<<f::float-32, g::float-16, d::little-float>> = <<1.5::float-32, 2.5::float-16, -3.25::little-float>>
IO.inspect {f, g, d}
<<len::8, data::binary-size(len), tail::binary>> = <<3, "abcde">>
IO.inspect {len, data, tail}
<<n::4, bits::size(n)-bits, more::bits>> = <<0x31, 0xFF>>
IO.inspect {n, bits, more}
<<u1::utf8, u2::utf16, u3::utf32-little, r::binary>> = <<"é"::utf8, 0x1F600::utf16, ?z::utf32-little, "!">>
IO.inspect {u1, u2, u3, r}
<<"ab"::utf16, after_::binary>> = <<"ab"::utf16, "x">>
IO.inspect after_
<<1::1, 0::1, tail2::bits>> = <<0b10111111>>
IO.inspect tail2
<<wide::96>> = <<1::96>>
IO.inspect wide
<<neg::signed-80>> = <<-5::80>>
IO.inspect neg
<<bin::binary-size(1)-unit(4), _::bits>> = <<1, 2>>
IO.inspect bin
classify = fn
  <<0::1, _::bits>> -> :zero_first
  <<1::1, rest::bits>> when bit_size(rest) < 8 -> {:short, rest}
  <<1::1, _::bits>> -> :one_first
  _ -> :empty
end
IO.inspect Enum.map([<<0::1>>, <<1::3>>, <<255>>, <<>>], classify)
IO.inspect match?(<<_::7>>, <<1::7>>)
IO.inspect match?(<<_::7>>, <<1::8>>)
IO.inspect match?(<<_::binary>>, <<1::9>>)
IO.inspect match?(<<_::bits>>, <<1::9>>)
IO.inspect match?("a" <> _, <<97, 1::1>>)
IO.inspect match?(<<_::float>>, <<0x7FF0::16, 0::48>>)
IO.inspect match?(<<_::utf8>>, <<0xFF>>)
guarded = fn x when is_bitstring(x) and not is_binary(x) -> {:bits, bit_size(x)}
             x when is_binary(x) -> {:binary, byte_size(x)}
             _ -> :other end
IO.inspect Enum.map([<<1::4>>, "abc", 3], guarded)
case <<5::3>> do
  <<5::3>> -> IO.puts "five"
  _ -> IO.puts "other"
end
IO.inspect(<<1::4>> == <<1::4>>)
IO.inspect(<<1::4>> === <<16::5>>)
IO.inspect {<<1::4>> < <<1>>, <<1::4>> < <<0>>, <<16::5>> > <<1::4>>, <<0::1>> < <<>>, <<255, 1::1>> > <<255>>}
IO.inspect Enum.sort([<<1::4>>, <<1>>, <<0>>, <<0::1>>, <<>>, <<1::1>>, <<2::2>>, <<1,2::3>>, <<1,2>>])
IO.inspect(%{<<1::4>> => 1, <<1>> => 2, <<1::5>> => 3})
IO.inspect Enum.uniq([<<1::4>>, <<1::4>>, <<1::5>>])
IO.inspect(<<1::4>> > "zzz")
IO.inspect(<<1::4>> > [1])
send(self(), {:bits, <<1::3>>})
receive do
  {:bits, m} -> IO.inspect m
end
parent = self()
spawn(fn -> send(parent, <<7::3, 1::9>>) end)
receive do
  m -> IO.inspect m
end
