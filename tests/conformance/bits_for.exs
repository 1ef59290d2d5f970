# `for` with bitstring generators.
IO.inspect for <<b::1 <- <<0b10110000, 1::3>> >>, do: b
IO.inspect for <<b::3 <- <<0b10110000>> >>, do: b
IO.inspect for <<c <- "héllo">>, do: c
IO.inspect for <<c::utf8 <- "héllo">>, do: c
IO.inspect for <<1::8, x::8 <- <<1, 2, 3, 4, 1, 5, 9>> >>, do: x
IO.inspect for <<r::8, g::8, b::8 <- <<1, 2, 3, 4, 5, 6, 7>> >>, do: {r, g, b}
IO.inspect for <<c <- "abcd">>, c != ?b, into: "", do: <<c - 32>>
IO.inspect for <<b::1 <- <<0b1011::4>> >>, into: <<>>, do: <<1 - b::1>>
IO.inspect for <<c <- "aba">>, uniq: true, do: c
sum =
  for <<c <- "abc">>, reduce: 0 do
    acc -> acc + c
  end
IO.inspect sum
IO.inspect for <<n::4, v::size(n) <- <<0x21, 0x3F, 0x0>> >>, do: {n, v}
IO.inspect for x <- [1, 2], <<b::1 <- <<x::2>> >>, do: {x, b}
IO.inspect for <<ch::utf16 <- <<"hi"::utf16, 0xD800::16, ?!::utf16>> >>, do: ch
bin = <<1, 2, 3>>
IO.inspect for <<x <- bin>>, y <- [10, 20], do: x * y
IO.inspect for <<_::4 <- <<1, 2>> >>, do: :tick
