IO.puts("never printed: the file fails to compile")
f = fn
  a -> a
  a, b \\ 2 -> a + b
end
IO.inspect(f.(1))
