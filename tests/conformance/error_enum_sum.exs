# Enum.sum adds each element to the sum so far, in :lists.foldl.
IO.inspect Enum.sum([1, 2.5, 3])
IO.inspect Enum.product([2, 3])
try do
  Enum.product([2, "3"])
rescue
  e -> IO.inspect({e, Enum.take(__STACKTRACE__, 2)})
end
Enum.sum([1, 2, "3"])
