IO.puts "about to raise"
raise ArgumentError, "expected a positive number, got: -1"
