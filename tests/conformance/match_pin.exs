x = 1
^x = 1
IO.puts "pinned match ok"
x = 2
IO.inspect x
y = 2
case 2 do
  ^y -> IO.puts "matched pinned y"
  _ -> IO.puts "no"
end
case 3 do
  ^y -> IO.puts "matched pinned y"
  other -> IO.puts "other #{other}"
end
{^x, z} = {2, :z}
IO.inspect z
f = fn ^x -> :same; _ -> :different end
IO.inspect f.(2)
IO.inspect f.(3)
a = 1
a = a + 1
IO.inspect a
_ = :discarded
_unused = 5
IO.puts "done"
