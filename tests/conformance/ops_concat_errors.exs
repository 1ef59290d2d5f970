x = :a
try do
  IO.puts(x <> "b")
rescue
  e -> IO.inspect e
end
y = "s"
try do
  IO.puts(y <> x)
rescue
  e -> IO.inspect e
end
