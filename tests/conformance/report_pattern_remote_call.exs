# A call cannot be a pattern.
IO.puts "compiled first, so never printed"
String.length(s) = "abc"
