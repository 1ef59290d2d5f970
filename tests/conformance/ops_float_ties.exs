for x <- [0.3, 0.7, 0.4, 0.6, 1.3, 1.7], do: IO.puts(Float.to_string(1.0e15 + x)); IO.puts Float.to_string(2.0e15 + 0.75); IO.inspect 1.0e15+0.3; IO.inspect 0.1+0.2
