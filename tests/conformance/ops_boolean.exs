IO.inspect true and false
IO.inspect true or false
IO.inspect not true
IO.inspect false and raise("never evaluated")
IO.inspect true or raise("never evaluated")
IO.inspect nil || "default"
IO.inspect false || nil
IO.inspect 1 || 2
IO.inspect nil && 1
IO.inspect 1 && 2
IO.inspect !nil
IO.inspect !1
IO.inspect !!:x
IO.inspect (fn -> IO.puts "side effect"; true end).() || false
IO.inspect false || (fn -> IO.puts "evaluated"; :yes end).()
try do
  1 and true
rescue
  e in BadBooleanError -> IO.puts Exception.message(e)
end
