x = "5"
IO.puts "adding"
IO.inspect 1 + x
