r = try do
  raise "oops"
rescue
  e in RuntimeError -> "rescued: #{e.message}"
end
IO.puts r
r = try do
  :ok
rescue
  _ -> :rescued
else
  :ok -> :else_branch
end
IO.inspect r
try do
  IO.puts "body"
after
  IO.puts "after runs"
end
r = try do
  raise ArgumentError, "bad arg"
rescue
  e in [ArgumentError, KeyError] -> {:caught, e.__struct__, Exception.message(e)}
after
  IO.puts "cleanup"
end
IO.inspect r
r = try do
  1 / 0
rescue
  e -> e
end
IO.inspect r
IO.puts Exception.message(r)
