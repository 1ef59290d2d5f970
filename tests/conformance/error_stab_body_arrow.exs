IO.puts("never printed: a syntax error stops the whole file")
r = case 1 do
  1 ->
  2 -> :two
end
IO.inspect(r)
