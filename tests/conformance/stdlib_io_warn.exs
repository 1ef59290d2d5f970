# IO.warn/1 prints the message and the current stacktrace on stderr;
# IO.warn/2 the stacktrace (or location) it is given.
IO.warn("top level")
IO.warn(["io", ?d, "ata"])
IO.warn(:an_atom)
IO.warn("no stacktrace", [])
IO.warn("given stacktrace", [{Some.Mod, :fun, 2, [file: 'lib/some/mod.ex', line: 7]}, {:lists, :map, 2, [file: 'lists.erl', line: 1]}])
IO.warn("a location", file: "lib/where.ex", line: 3)
IO.warn("in a module", file: "lib/where.ex", line: 4, module: Where)
IO.warn("in a function", file: "lib/where.ex", line: 5, module: Where, function: {:run, 1})
IO.warn("no file", line: 5)
IO.inspect IO.warn("returns")

try do
  IO.warn("bad", :nope)
rescue
  e -> IO.puts(Exception.message(e))
end

IO.puts("done")
