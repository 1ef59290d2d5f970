name = "Ana"
IO.puts("Hello " <> name <> "!")
IO.puts("a" <> "b" <> "c")
f = fn x -> "<" <> to_string(x) <> ">" end
IO.puts(f.(42))
"pre" <> rest = "prefix"
IO.inspect(rest)
