# `->` clauses in parentheses anywhere but a keyword value.
IO.puts "never printed"
x = (1 -> 2)
