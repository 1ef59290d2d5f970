IO.puts "start"
IO.puts "Age: " <> 25
