f = fn a, b -> a + b end
try do
  f.(1)
rescue
  e in BadArityError -> IO.puts Exception.message(e)
end
try do
  x = 5
  x.(1)
rescue
  e in BadFunctionError -> IO.puts Exception.message(e)
end
IO.puts "after"
