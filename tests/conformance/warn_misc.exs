# Quoted atoms that need no quotes, `try` with only `else`, invalid
# function calls and map updates of non-maps.
IO.inspect :"ok"
IO.inspect :'ok?'
IO.inspect :"Foo"
IO.inspect :"hello world"
IO.inspect ["ok": 1]
r = try do
  :value
else
  v -> {:got, v}
end
IO.inspect r
try do
  x = 5
  x.(1)
rescue
  e -> IO.puts Exception.message(e)
end
not_a_map = [a: 1]
try do
  %{not_a_map | a: 2}
rescue
  e -> IO.puts Exception.message(e)
end
try do
  Map.put(:a, 1, 2)
rescue
  e -> IO.puts Exception.message(e)
end
