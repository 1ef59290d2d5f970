IO.puts "a" <> 'xy' <> "b"
