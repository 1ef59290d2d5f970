# A do-block of clauses binds to the outer call when parentheses are missing.
x = 7
IO.puts cond do
  x > 5 -> "big"
  true -> "small"
end
