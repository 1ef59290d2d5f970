# :erlang.phash2/1,2 of every kind of term, and its range errors.
big = Map.new(1..40, fn i -> {i, i * i} end)

terms = [
  # integers: 28-bit, 64-bit and bignums of both signs
  0, 1, -1, 2, 255, 256, 134_217_727, 134_217_728, -134_217_728, -134_217_729,
  4_294_967_295, 4_294_967_296, -4_294_967_296, 576_460_752_303_423_487,
  576_460_752_303_423_488, -576_460_752_303_423_489, 9_223_372_036_854_775_807,
  -9_223_372_036_854_775_808, 9_223_372_036_854_775_808, 18_446_744_073_709_551_616,
  -18_446_744_073_709_551_617, 123_456_789_012_345_678_901_234_567_890_123_456_789,
  -(2 ** 200),
  # floats, -0.0 hashes as 0.0
  0.0, -0.0, 1.0, -1.5, 3.14159, 1.0e300, 2.5e-310,
  # atoms, including Latin-1 and other UTF-8 names
  :a, :ok, nil, true, false, :"hello world", :élan, :日本, :abcdefghijklmnopqrstuvwxyz,
  # binaries of every length modulo 12, and bitstrings
  "", "a", "abc", "abcd", "hello world!", "hello world!!", "élan",
  String.duplicate("xyz", 100), <<1::size(3)>>, <<255, 7::size(5)>>, <<1, 2, 3, 4::size(4)>>,
  # lists: proper, improper, charlists, mixed
  [], [1], [1, 2, 3], 'abc', 'abcd', 'abcdefghi', [1 | 2], [:a | :b], ['a' | 'b'],
  [256, 1, 2], [1, 2, 300, 4, 5, 6, 7], [-1], [1.0, "x"], [[1], [2, [3]]],
  # tuples
  {}, {1}, {1, 2}, {:ok, "x", [1]}, {{}, {{}}},
  # maps: flat (up to 32 keys) and HAMT (more)
  %{}, %{a: 1}, %{1 => 2, 3 => 4}, %{"k" => [1, 2], {1} => %{x: 1}},
  Map.new(1..32, &{&1, &1}), Map.new(1..33, &{&1, &1}), big,
  Map.new(1..1000, &{"k#{&1}", &1}), %{map: big, list: Enum.to_list(1..50)},
  # structs and external funs
  1..10, MapSet.new([1, 2, 3]), &Enum.map/2, &:lists.reverse/1, &Kernel.+/2
]

for {t, i} <- Enum.with_index(terms) do
  IO.puts(
    "#{i} #{:erlang.phash2(t)} #{:erlang.phash2(t, 1000)} " <>
      "#{:erlang.phash2(t, 4_294_967_296)} #{:erlang.phash2(t, 1)}"
  )
end

IO.puts(:erlang.phash2(Enum.to_list(1..100_000)))
IO.puts(:erlang.phash2(List.duplicate(7, 100_000)))
IO.puts(:erlang.phash2(Enum.reduce(1..10_000, [], &[&2, &1])))

for r <- [0, -1, -(2 ** 70), 4_294_967_297, 2 ** 70, 1.5, :a] do
  try do
    :erlang.phash2(:x, r)
  rescue
    e -> IO.puts(Exception.message(e))
  end
end
