# A range of strings is refused while the script is compiled.
IO.puts "never printed"
for c <- "a".."e", do: IO.puts(c)
