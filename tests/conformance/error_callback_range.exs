# A function given to Enum raises while Enum walks a range: Enum's own
# frames for ranges, and the script's frame, as the call is not its last.
total =
  Enum.reduce(1..5, 0, fn x, acc ->
    if x == 4, do: raise(ArgumentError, "no fours"), else: acc + x
  end)

IO.puts(total)
