IO.puts(:stderr, "x")
bits = <<1::3>>
to_string(bits)
