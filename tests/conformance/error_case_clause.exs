x = 3
IO.puts "x is #{x}"
case x do
  1 -> IO.puts "one"
  2 -> IO.puts "two"
end
IO.puts "never printed"
