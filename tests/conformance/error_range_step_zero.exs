# A literal step of 0 is refused while the script is compiled.
IO.puts "never printed"
IO.inspect Enum.to_list(1..10//0)
