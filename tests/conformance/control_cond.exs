grade = fn score ->
  cond do
    score >= 90 -> "A"
    score >= 80 -> "B"
    score >= 70 -> "C"
    true -> "F"
  end
end
IO.inspect Enum.map([95, 85, 72, 10], grade)
x = 3
cond do
  x == 1 -> IO.puts "one"
  rem(x, 2) == 1 -> IO.puts "odd"
end
IO.inspect(cond do
  nil -> :nope
  "truthy" -> :yes
end)
try do
  cond do
    false -> :never
  end
rescue
  e in CondClauseError -> IO.puts Exception.message(e)
end
