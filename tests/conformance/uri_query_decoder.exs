# URI.query_decoder/1,2 is a lazy stream: it prints as the fun Elixir's
# Stream.unfold/2 makes and decodes each pair as it is taken.
s = URI.query_decoder("a=1&b=2&c")
IO.inspect(s)
IO.inspect(s, label: "decoder")
IO.inspect([URI.query_decoder("")])
IO.inspect(Enum.to_list(s))
IO.inspect(Enum.take(s, 1))
IO.inspect(Enum.count(s))
IO.inspect(Enum.into(s, %{}))
IO.inspect(Enum.zip(s, 1..5))
IO.inspect(Enum.member?(s, {"a", "1"}))
IO.inspect(Enum.slice(s, 1, 1))
IO.inspect(Enum.to_list(URI.query_decoder("")))
IO.inspect(Enum.to_list(URI.query_decoder("&")))
IO.inspect(Enum.to_list(URI.query_decoder("a&&b=&=c&")))
IO.inspect(Enum.to_list(URI.query_decoder("a+b=c%20d+e")))
IO.inspect(Enum.to_list(URI.query_decoder("a+b=c%20d+e", :rfc3986)))
IO.inspect(Enum.to_list(URI.query_decoder("x=1=2&y")))

# Stream ops on it, and how streams print.
m = s |> Stream.map(&elem(&1, 0))
IO.inspect(m)
IO.inspect(Enum.to_list(m))
IO.inspect(s |> Stream.filter(&match?({"b", _}, &1)) |> Stream.take(1))
IO.inspect(s |> Stream.flat_map(&Tuple.to_list/1))
IO.inspect(s |> Stream.flat_map(&Tuple.to_list/1) |> Stream.with_index() |> Enum.to_list())
IO.inspect(Stream.take([1, 2], 0))
IO.inspect(Stream.iterate(1, &(&1 * 2)))
IO.inspect(Stream.repeatedly(fn -> 1 end))
IO.inspect(Stream.cycle([1, 2]))
IO.inspect(Stream.cycle(1..2))
IO.inspect(Stream.concat([1], [2]))
IO.inspect(1..3 |> Stream.map(& &1) |> Stream.reject(& &1) |> Stream.drop(1) |> Stream.dedup())
IO.inspect(Stream.unfold(5, fn 0 -> nil; n -> {n, n - 1} end) |> Stream.each(& &1) |> Stream.take_while(& &1) |> Stream.drop_while(& &1))

# A bad encoding fails only when a pair is decoded.
bad = URI.query_decoder("a=1", :bad)
IO.inspect(bad)
IO.inspect(Enum.to_list(URI.query_decoder("", :bad)))

for f <- [fn -> Enum.to_list(bad) end, fn -> URI.query_decoder(:x) end, fn -> URI.query_decoder(nil, :rfc3986) end] do
  try do
    f.()
  rescue
    e -> IO.puts(Exception.message(e))
  end
end
