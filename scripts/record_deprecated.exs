# Records the functions and macros Elixir 1.14 deprecates with a warning
# (`@deprecated`), and why, for the compile-time "is deprecated" warnings.
#
#   elixir scripts/record_deprecated.exs > src/stdlib/data/deprecated.txt
#
# One line per function, fields separated by tabs: the module as Elixir
# prints it, the name, the arity and the reason.
modules = [
  Access, Agent, Atom, Code, Date, Enum, Exception, Float, Function, GenServer,
  IEx.Helpers, IO, Integer, Kernel, Keyword, List, Logger, Map, MapSet, Module,
  Process, Range, Regex, Registry, Stream, String, Supervisor, System, Task, Tuple
]

for m <- modules, {{f, a}, reason} <- Enum.sort(m.__info__(:deprecated)) do
  IO.puts(Enum.join([inspect(m), f, a, reason], "\t"))
end
