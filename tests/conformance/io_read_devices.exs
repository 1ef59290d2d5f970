# Devices that cannot be read, and bad arguments, as Elixir reports them.
IO.inspect(IO.gets(:nodevice, "x"))
IO.inspect(IO.read(:nodevice, :line))
IO.inspect(IO.read(:nodevice, :eof))
IO.inspect(IO.read(:nodevice, :all))
IO.inspect(IO.binread(:nodevice, :eof))
IO.inspect(IO.getn(:nodevice, "x", 2))
IO.inspect(:io.get_line(:nodevice, "x"))
IO.inspect(IO.gets(:stderr, "e> "))
IO.inspect(IO.gets(:standard_error, "e> "))
IO.inspect(IO.read(:stderr, :line))
IO.inspect(IO.read(:stderr, 3))
IO.inspect(IO.read(:stderr, :eof))
IO.inspect(IO.binread(:stderr, :line))
IO.inspect(IO.binread(:stderr, 3))
IO.inspect(IO.binread(:stderr, :eof))
IO.inspect(IO.getn(:stderr, "x", 3))
IO.inspect(IO.gets(self(), "x"))

for {label, f} <- [
      {"read(-1)", fn -> IO.read(-1) end},
      {"read(:foo)", fn -> IO.read(:stdio, :foo) end},
      {"read(1.5)", fn -> IO.read(1.5) end},
      {"binread(:nope)", fn -> IO.binread(:nope) end},
      {"getn(0)", fn -> IO.getn("p", 0) end},
      {"getn/3 float", fn -> IO.getn(:stdio, "p", 1.5) end},
      {"stream(0)", fn -> IO.stream(:stdio, 0) end},
      {"binstream(:x)", fn -> IO.binstream(:stdio, :x) end},
      {"gets(1, _)", fn -> IO.gets(1, "x") end},
      {"gets map prompt", fn -> IO.gets(:stdio, %{}) end},
      {"stream of no device", fn -> IO.stream(:nodevice, :line) |> Enum.to_list() end}
    ] do
  try do
    f.()
  rescue
    e -> IO.puts("#{label}: #{inspect(e.__struct__)} #{Exception.message(e)}")
  end
end
