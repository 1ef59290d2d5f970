# Binary constructions the Erlang compiler sees fail, once constants are
# propagated (into fns too), and those it gives up on silently.
t = fn f -> try do f.() rescue _ -> :err end end
nn = 33
n = :a
x = "abc"
t.(fn -> <<x::binary-size(n)>> end)
n = -2
t.(fn -> <<x::binary-size(n)>> end)
t.(fn -> <<x::binary-size(2)>> end)
t.(fn -> <<x::binary-size(4)>> end)
t.(fn -> <<x::bits-size(25)>> end)
t.(fn -> <<x::binary-size(3)-unit(9)>> end)
y = 1.5
t.(fn -> <<y::float-16>> end)
t.(fn -> <<y::float-size(n)>> end)
n = :a
t.(fn -> <<y::float-size(n)>> end)
t.(fn -> <<y::float-size(32)-little>> end)
t.(fn -> <<y::float-size(nn)>> end)
t.(fn -> <<y::float-size(nn)-native>> end)
t.(fn -> <<1::float-size(nn)>> end)
t.(fn -> <<1.5::float-size(nn)>> end)
t.(fn -> <<1.5::size(nn)>> end)
z = 0x110000
t.(fn -> <<z::utf8>> end)
t.(fn -> <<z::utf16-little>> end)
t.(fn -> <<z::utf32-native>> end)
t.(fn -> <<0x110000::utf8>> end)
t.(fn -> <<"x"::utf8>> end)
t.(fn -> <<1::size(-1)>> end)
t.(fn -> <<y::size(-1)>> end)
t.(fn -> <<x::size(-1)>> end)
t.(fn -> <<x::binary-size(-1)>> end)
w = "ab"
t.(fn -> <<w::binary-size(-1)>> end)
t.(fn -> <<w::float-size(-1)>> end)
t.(fn -> <<w::utf8, 1::size(-1)>> end)
t.(fn -> <<1::size(-1), w::utf8>> end)
t.(fn -> <<t::size(-1), w::utf8>> end)
t.(fn -> <<w::utf8, t::size(-1)>> end)
t.(fn -> <<t, w::utf8>> end)
t.(fn -> <<w::utf8, t>> end)
t.(fn -> <<1::size(300), w::utf8>> end)
t.(fn -> <<1::size(1000), w::utf8>> end)
t.(fn -> <<1::size(n), w::utf8>> end)
b = <<1::3>>
t.(fn -> <<b::binary>> end)
t.(fn -> <<b::bits>> end)
t.(fn -> b <> b end)
c = <<1, 2, 3>>
t.(fn -> <<c::binary-size(4)>> end)
t.(fn -> <<c::binary-size(1)-unit(32)>> end)
t.(fn -> <<0xD800::utf16>> end)
t.(fn -> <<-1::utf8>> end)
e = [1]
t.(fn -> <<e::binary>> end)
t.(fn -> <<e::utf8>> end)
t.(fn -> <<e::size(-1)>> end)
k = 2.5
t.(fn -> <<k::utf8>> end)
t.(fn -> <<k::integer-size(8)>> end)
t.(fn -> <<1::size(k)>> end)
q = 100000000000000000000
t.(fn -> <<q::utf8>> end)
t.(fn -> <<x::binary-size(q)>> end)
t.(fn -> <<1::size(q)>> end)
t.(fn -> <<y::float-size(q)>> end)
n = -1
w = "ab"
m = <<1, 2, 3>>
t.(fn -> y = <<w::utf8>>; y end)
t.(fn -> y = <<w::utf8>>; :ok end)
t.(fn -> y = <<1::size(n)>>; y end)
t.(fn -> y = <<m::binary-size(5)>>; y end)
t.(fn -> {a, b} = {<<w::utf8>>, 1}; {a, b} end)
t.(fn -> [y] = [<<w::utf8>>]; y end)
t.(fn -> y = {<<w::utf8>>}; y end)
t.(fn -> y = [<<w::utf8>>]; y end)
t.(fn -> y = hd([]); y end)
t.(fn -> y = <<w::utf8, 1>>; y end)
t.(fn -> y = <<1, w::utf8>>; y end)
t.(fn -> y = <<m::binary-size(5), 1>>; y end)
t.(fn -> y = <<1, m::binary-size(5)>>; y end)
t.(fn -> y = IO.inspect(<<w::utf8>>); y end)
t.(fn -> _ = <<m::binary-size(5)>> end)
t.(fn -> <<m::binary-size(5)>>; 1 end)
t.(fn -> ^m = <<m::binary-size(5)>> end)
t.(fn -> <<w::utf8>> = <<w::utf8>> end)
t.(fn -> y = (<<w::utf8>>); y end)
t.(fn -> y = if(true, do: <<w::utf8>>); y end)
t.(fn -> <<w::utf8>> |> IO.inspect() end)
t.(fn -> %{a: <<w::utf8>>} end)
t.(fn -> [<<w::utf8>> | 1] end)
t.(fn -> y = [1 | <<w::utf8>>]; y end)
t.(fn -> m <> m <> <<w::utf8>> end)
t.(fn -> y = m <> <<w::utf8>>; y end)
t.(fn -> y = <<1>> <> <<w::utf8>>; y end)
k = fn -> :rand.uniform(2) end
t.(fn -> case 1 do 1 -> :a; _ -> <<w::utf8>> end end)
t.(fn -> case k.() do 1 -> :a; _ -> <<w::utf8>> end end)
t.(fn -> case k.() do 1 -> :a; _ -> <<1::size(n)>> end end)
t.(fn -> if k.() == 1, do: <<1::size(n)>>, else: <<w::utf8>> end)
t.(fn -> IO.puts("x"); <<w::utf8>>; <<1::size(n)>> end)
t.(fn -> <<1::size(n)>>; <<w::utf8>> end)
t.(fn -> :erlang.error(:x); <<1::size(n)>> end)
t.(fn -> try do k.() rescue _ -> <<1::size(n)>> end end)
t.(fn -> try do k.() rescue _ -> <<w::utf8>> end end)
t.(fn -> try do k.() catch _ -> <<1::size(n)>> end end)
t.(fn -> try do <<1::size(n)>> rescue _ -> 1 end end)
t.(fn -> cond do k.() == 1 -> <<1::size(n)>>; true -> 2 end end)
t.(fn -> for x <- [1], do: <<x::size(n)>> end)
t.(fn -> for x <- [1], do: <<w::utf8>> end)
t.(fn -> with 1 <- k.() do <<1::size(n)>> else _ -> <<w::utf8>> end end)
t.(fn -> fn y -> <<y::size(n)>> end end)
t.(fn -> receive do _ -> <<1::size(n)>> after 0 -> <<w::utf8>> end end)
t.(fn -> y = <<1::size(n)>>; y end)
t.(fn -> _ = <<1::size(n)>> end)
defmodule M do
  def f(w) do
    n = -1
    v = "x"
    <<w::size(n), v::utf8>>
  end

  def g(x) do
    w = "ab"
    y = <<w::utf8>>
    {x, y, <<w::utf8>>, x <> "a", <<x::binary, 1>>}
  end

  def h(n) when n > 0, do: <<n::size(n)>>
  def i, do: <<"ab"::utf16, "é"::utf8>>
end

b = <<1, 2>>
c = <<b::binary, 3::4>>
IO.inspect(c)
d = <<c::bits, 1::4>>
IO.inspect(<<d::binary-size(3), 0>>)
IO.inspect(byte_size(<<1::size(2), 1::size(6)>>))
IO.inspect(<<1.5::float-16, 2.5::32, -1::8, 300::16-little>>)
IO.inspect(<<0xFFFF::utf16, 0x10000::utf16, 0x10FFFF::utf32, 65::utf8>>)
IO.inspect(M.i())
