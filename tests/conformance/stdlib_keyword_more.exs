# Keyword.validate/2, validate!/2, get_and_update/3, get_and_update!/3,
# new/2 and replace_lazy/3, errors included.
IO.inspect Keyword.validate([], [one: 1, two: 2])
IO.inspect Keyword.validate([two: 3], [one: 1, two: 2])
IO.inspect Keyword.validate([one: 1], [:one, two: 2])
IO.inspect Keyword.validate([three: 3, two: 4, one: 5], [:one, :two, three: 0, four: 4])
IO.inspect Keyword.validate([three: 3, four: 4], [one: 1, two: 2])
IO.inspect Keyword.validate([one: 1, one: 2], [:one])
IO.inspect Keyword.validate([one: 1, two: 2, one: 3, five: 5], [:one, :two])
IO.inspect Keyword.validate!([], [one: 1, two: 2])
IO.inspect Keyword.validate!([two: 3], [one: 1, two: 2])

for f <- [
      fn -> Keyword.validate!([three: 3, four: 4], [one: 1, two: 2]) end,
      fn -> Keyword.validate!([one: 1, one: 2], [:one]) end,
      fn -> Keyword.validate!([one: 1, two: 2, one: 3], [:one]) end,
      fn -> Keyword.validate([:x], [:one]) end,
      fn -> Keyword.validate([one: 1], [:one, "bad"]) end,
      fn -> Keyword.validate(%{}, [:one]) end,
      fn -> Keyword.get_and_update([a: 1], :a, fn _ -> :bad end) end,
      fn -> Keyword.get_and_update([a: 1], "a", fn x -> {x, x} end) end,
      fn -> Keyword.get_and_update!([a: 1, b: 2], :c, fn x -> {x, x} end) end,
      fn -> Keyword.get_and_update!([a: 1], :a, fn _ -> 5 end) end,
      fn -> Keyword.replace_lazy([a: 1], :a, 1) end,
      fn -> Keyword.new([1, 2], fn x -> x end) end,
      fn -> Keyword.new([1, 2], fn x -> {x, x} end) end,
      fn -> Keyword.new([1], 2) end
    ] do
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts(inspect(e.__struct__) <> ": " <> Exception.message(e))
  end
end

IO.inspect Keyword.get_and_update([a: 1, b: 2, a: 3], :a, fn v -> {v, v * 10} end)
IO.inspect Keyword.get_and_update([a: 1, b: 2, a: 3], :a, fn _ -> :pop end)
IO.inspect Keyword.get_and_update([b: 2], :a, fn v -> {v, :new} end)
IO.inspect Keyword.get_and_update([b: 2], :a, fn _ -> :pop end)
IO.inspect Keyword.get_and_update!([a: 1, b: 2, a: 3], :a, fn v -> {v, v * 10} end)
IO.inspect Keyword.get_and_update!([a: 1, b: 2, a: 3], :a, fn _ -> :pop end)
IO.inspect Keyword.replace_lazy([a: 1, b: 2, a: 3], :a, &(&1 * 100))
IO.inspect Keyword.replace_lazy([b: 2], :a, &(&1 * 100))
IO.inspect Keyword.new([:a, :b, :a], fn x -> {x, Atom.to_string(x)} end)
IO.inspect Keyword.new(%{a: 1, b: 2}, fn {k, v} -> {k, v + 1} end)
IO.inspect Keyword.new([{:a, 1}, {:a, 2}], fn {k, v} -> IO.inspect({k, v}) end)
