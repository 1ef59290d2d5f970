# Ranges built at run time check their sides and step in Range.new.
step = 2
IO.inspect Enum.to_list(1..9//step)
IO.inspect Range.new(5, 1, -2) |> Enum.to_list()
for args <- [[1, :b], [1.5, 3]] do
  try do
    apply(Range, :new, args)
  rescue
    e in ArgumentError -> IO.puts(e.message)
  end
end
try do
  Range.new(1, 10, 0)
rescue
  e in ArgumentError -> IO.puts(e.message)
end
zero = 0
IO.inspect 1..10//zero
