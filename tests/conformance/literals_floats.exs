IO.inspect 3.14
IO.inspect 1.0
IO.inspect -0.5
IO.inspect 1.0e10
IO.inspect 1.5e-7
IO.inspect 1_000.5
IO.inspect 0.1 + 0.2
IO.inspect 1.0e16
IO.inspect 123456789.123
IO.inspect 2.0e-5
IO.inspect 1 / 3
IO.puts 2.5
IO.puts 1.0e20
IO.inspect 10 / 2
IO.inspect 7.0 * 3
