name = :atom
IO.puts "Hello " <> "world"
IO.puts "Hello " <> name
