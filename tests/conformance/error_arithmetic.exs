IO.inspect 10 / 4
n = 0
IO.inspect div(10, 2)
IO.inspect 10 / n
IO.puts "never printed"
