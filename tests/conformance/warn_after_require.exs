# A plain require hides none of the compiler's warnings, nor does an
# import of Bitwise.
require Integer
IO.puts Integer.is_odd(3)
try do
  String.to_integer("12a")
rescue
  e -> IO.puts(Exception.message(e))
end
import Bitwise
try do
  bnot(:b)
rescue
  e -> IO.inspect(e)
end
x = 1.5
try do
  x <<< 2
rescue
  e -> IO.inspect(e)
end
