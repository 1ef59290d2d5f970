not_a_map = [a: 1]
IO.puts "updating"
%{not_a_map | a: 2}
