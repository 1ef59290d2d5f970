# List.keyfind!/3, keytake/3, keysort/3, myers_difference/2,3 and
# ascii_printable?/1,2; String.myers_difference/2 walks the same script.
IO.inspect List.keyfind!([a: 1, b: 2], :b, 0)
IO.inspect List.keyfind!([{1, :x}, {2, :y}], :y, 1)
IO.inspect List.keytake([a: 1, b: 2, a: 3], :a, 0)
IO.inspect List.keytake([a: 1], :z, 0)
IO.inspect List.keysort([a: 5, b: 1, c: 3], 1)
IO.inspect List.keysort([a: 5, b: 1, c: 3], 1, :asc)
IO.inspect List.keysort([a: 5, b: 1, c: 3, d: 1], 1, :desc)
IO.inspect List.keysort([a: 5, b: 1, c: 3], 1, &(&1 >= &2))
IO.inspect List.keysort([{~D[2020-03-02], 1}, {~D[2019-01-01], 2}], 0, Date)
IO.inspect List.keysort([{~D[2020-03-02], 1}, {~D[2019-01-01], 2}], 0, {:desc, Date})
IO.inspect List.keysort([{~D[2020-03-02], 1}, {~D[2019-01-01], 2}], 0, {:asc, Date})

IO.inspect List.myers_difference([1, 4, 2, 3], [1, 2, 3, 4])
IO.inspect List.myers_difference([], [1, 2])
IO.inspect List.myers_difference([1, 2], [])
IO.inspect List.myers_difference([1, 2, 3], [1, 2, 3])
IO.inspect List.myers_difference([:a, :b, :c, :a, :b, :b, :a], [:c, :b, :a, :b, :a, :c])
IO.inspect List.myers_difference([1, 2, 3, 1, 2], [2, 1, 2, 3])
IO.inspect List.myers_difference(["a", "db", "c"], ["a", "bc"], &String.myers_difference/2)
IO.inspect List.myers_difference([1, 2, 3], [1, 5, 3], fn _, _ -> nil end)
IO.inspect String.myers_difference("abc", "adc")
IO.inspect String.myers_difference("kitten", "sitting")
IO.inspect String.myers_difference("", "abc")
IO.inspect String.myers_difference("héllo wörld", "hello world!")
IO.inspect String.myers_difference("abcabba", "cbabac")

IO.inspect List.ascii_printable?('abc')
IO.inspect List.ascii_printable?('abc' ++ [0])
IO.inspect List.ascii_printable?('abc' ++ [0], 2)
IO.inspect List.ascii_printable?('é')
IO.inspect List.ascii_printable?([])
IO.inspect List.ascii_printable?([?a | ?b])
IO.inspect List.ascii_printable?([?a | ?b], 1)
IO.inspect List.ascii_printable?('\e\a\n', :infinity)

for f <- [
      fn -> List.keyfind!([a: 1], :b, 0) end,
      fn -> List.keyfind!([a: 1], :b, :x) end,
      fn -> List.keytake([a: 1], :a, :x) end,
      fn -> List.keysort([a: 1], 0, :nope!) end,
      fn -> List.keysort([a: 1], :x, :desc) end,
      fn -> List.myers_difference([1], :x) end,
      fn -> List.myers_difference([1], [2], :x) end,
      fn -> List.ascii_printable?('a', -1) end,
      fn -> List.ascii_printable?(:a) end
    ] do
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts(inspect(e.__struct__) <> ": " <> Exception.message(e))
  end
end

IO.inspect MapSet.filter(MapSet.new(1..6), &(rem(&1, 2) == 0))
IO.inspect MapSet.reject(MapSet.new(1..6), &(rem(&1, 2) == 0))
IO.inspect MapSet.symmetric_difference(MapSet.new([1, 2, 3]), MapSet.new([2, 3, 4]))
IO.inspect Function.capture(String, :length, 1).("héllo")
IO.inspect Function.capture(:lists, :reverse, 1)
IO.inspect Float.ratio(0.75)
IO.inspect Float.ratio(-0.0)
IO.inspect Float.ratio(3.0)
IO.inspect Float.ratio(-1.5e-3)
IO.inspect Float.ratio(1.0e300)
IO.inspect Float.ratio(5.0e-324)
IO.inspect Float.max_finite()
IO.inspect Float.min_finite()
IO.inspect Float.to_charlist(1.0e10)
IO.inspect Float.to_charlist(0.1)
