# List.pop_at/3, List.improper?/1, Map.replace_lazy/3, Map.from_keys/2,
# Integer.undigits/2 and Integer.extended_gcd/2, errors included.
IO.inspect(List.pop_at([1, 2, 3], 5, :none))
IO.inspect(List.pop_at([1, 2, 3], -1, :none))
IO.inspect({List.improper?([1 | 2]), List.improper?([1, 2]), List.improper?([])})
IO.inspect(Map.replace_lazy(%{a: 1}, :a, &(&1 + 10)))
IO.inspect(Map.replace_lazy(%{a: 1}, :b, &(&1 + 10)))
IO.inspect(Map.from_keys([:a, :b, :c], 0))
IO.inspect(Integer.undigits([1, 0, 1], 2))
IO.inspect(Integer.undigits([15, 15], 16))
IO.inspect(Integer.undigits([], 10))

for {a, b} <- [{240, 46}, {-240, 46}, {240, -46}, {0, 5}, {5, 0}, {0, 0}, {7, 7}, {-3, -9}, {12_345_678_901_234_567_890, 987_654_321}] do
  IO.inspect({a, b, Integer.extended_gcd(a, b)})
end

try do
  Integer.undigits([1, 10], 10)
rescue
  e -> IO.inspect(e)
end

List.improper?(:a)
