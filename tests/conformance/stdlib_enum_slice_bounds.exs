l = Enum.to_list(1..10)
IO.inspect Enum.slice(l, -20..2)
IO.inspect Enum.slice(l, -20..-8)
IO.inspect Enum.slice(l, -3..-1//2)
IO.inspect Enum.slice(l, 2..-1//3)
IO.inspect Enum.slice(l, 8..20)
IO.inspect Enum.slice(l, 5..2)
IO.inspect Enum.slice(1..6, -3..-1//2)
IO.inspect Enum.slice(Stream.iterate(1, &(&1 + 1)), 2, 3)
IO.inspect Enum.slice(Stream.iterate(1, &(&1 + 1)), 2..4)
IO.inspect Enum.slice(Stream.cycle([1, 2, 3]), 1..5//2)
IO.inspect Enum.slice(l, -4, 2)
IO.inspect Enum.slice(l, -40, 2)
try do
  Enum.slice(l, 1..2//-1)
rescue
  e -> IO.inspect(e)
end
