try do
  {a, b} = {1, 2, 3}
  IO.inspect {a, b}
rescue
  e in MatchError -> IO.puts Exception.message(e)
end
try do
  [_ | _] = []
rescue
  e -> IO.inspect e
end
try do
  x = 1
  ^x = 2
rescue
  e -> IO.puts Exception.message(e)
end
try do
  %{a: _} = %{b: 1}
rescue
  e -> IO.puts Exception.message(e)
end
IO.puts "still running"
