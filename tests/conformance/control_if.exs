IO.inspect(if true, do: :yes, else: :no)
IO.inspect(if false, do: :yes, else: :no)
IO.inspect(if nil, do: :yes)
IO.inspect(if 0, do: :zero_is_truthy)
IO.inspect(unless false, do: :ran)
IO.inspect(unless true, do: :ran)
IO.inspect(unless true, do: :a, else: :b)
x = 7
if x > 5 do
  IO.puts "big"
else
  IO.puts "small"
end
msg =
  if rem(x, 2) == 0 do
    "even"
  else
    "odd"
  end
IO.puts msg
unless x < 0 do
  IO.puts "not negative"
end
y = if x > 0, do: (z = x * 2; z + 1)
IO.inspect y
if [] do IO.puts "empty list is truthy" end
