# Enum.slide/3 and Enum.take_random/2 (sizes and errors only: its values are random).
IO.inspect Enum.slide([:a, :b, :c, :d, :e, :f, :g], 5, 1)
IO.inspect Enum.slide([:a, :b, :c, :d, :e, :f, :g], 3..5, 1)
IO.inspect Enum.slide([:a, :b, :c, :d, :e, :f, :g], 1..3, 5)
IO.inspect Enum.slide([:a, :b, :c, :d, :e, :f, :g], 1..3, 6)
IO.inspect Enum.slide([:a, :b, :c, :d, :e, :f, :g], -3..-2, 1)
IO.inspect Enum.slide([:a, :b, :c, :d, :e, :f, :g], 1, -1)
IO.inspect Enum.slide([:a, :b, :c], 2..0//1, 0)
IO.inspect Enum.slide([:a, :b, :c], 1..10, 0)
IO.inspect Enum.slide([:a, :b, :c], 0, 10)
IO.inspect Enum.slide([:a, :b, :c], 1..1, 1)
IO.inspect Enum.slide(1..10, 7..9, 2)
IO.inspect Enum.slide(1..10, 0..2, 8)
IO.inspect Enum.slide(%{a: 1, b: 2, c: 3}, 0, 2)
IO.inspect Enum.slide(MapSet.new([3, 1, 2]), 2, 0)
IO.inspect Enum.slide(Stream.map(1..4, &(&1 * 10)), -1, 0)

for f <- [
      fn -> Enum.slide([:a, :b, :c, :d, :e, :f, :g], -10..-9, 2) end,
      fn -> Enum.slide([1, 2, 3], 0..2//2, 1) end,
      fn -> Enum.slide([1, 2, 3, 4], 0..2, 1) end,
      fn -> Enum.slide([1, 2, 3, 4], 1..3, 3) end,
      fn -> Enum.slide([1, 2, 3], :a, 1) end,
      fn -> Enum.take_random([1, 2], -1) end,
      fn -> Enum.take_random(1..3, :a) end,
      fn -> Enum.take_random(:nope, 2) end
    ] do
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts(inspect(e.__struct__) <> ": " <> Exception.message(e))
  end
end

IO.inspect Enum.take_random(1..10, 0)
IO.inspect Enum.take_random([], 5)
IO.inspect Enum.take_random(:anything, 0)
IO.inspect Enum.take_random([], :anything)
IO.inspect Enum.take_random([:only], 1)
IO.inspect Enum.take_random(1..10, 3) |> length()
IO.inspect Enum.take_random(1..10, 30) |> Enum.sort()
IO.inspect Enum.take_random(1..200, 150) |> Enum.uniq() |> length()
IO.inspect Enum.take_random(%{a: 1}, 1)
IO.inspect Enum.take_random(1..5, 2) |> Enum.all?(&(&1 in 1..5))
IO.inspect Enum.random([:x])
IO.inspect Enum.random(1..3) in 1..3
IO.inspect Enum.slide([1, 2, 3, 4], 1..2, 2)
