IO.puts "before"
{:ok, value} = {:error, :enoent}
IO.puts "never printed #{value}"
