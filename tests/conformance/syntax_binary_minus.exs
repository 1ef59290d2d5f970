x = 5
IO.inspect -x
IO.inspect(-(-3))
IO.inspect [1, -2]
IO.inspect 10 -(3)
IO.inspect -(-3)
IO.puts "not reached"
