x = 5
IO.puts "checking #{x}"
cond do
  x > 10 -> IO.puts "big"
  x < 0 -> IO.puts "negative"
end
