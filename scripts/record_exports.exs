# Records the public functions of the modules iexr provides, as Elixir 1.14
# reports them, for the "Did you mean" hints of UndefinedFunctionError.
#
#   elixir scripts/record_exports.exs > src/stdlib/data/exports.txt
#
# One line per module: the module, its exports in Elixir's order, and after
# a `|` the deprecated ones (never suggested for a misspelt name).
modules = [
  Access, Agent, Atom, Code, Date, Enum, Exception, Float, Function, GenServer,
  IEx.Helpers, IO, Integer, Kernel, Keyword, List, Logger, Map, MapSet, Module,
  Process, Range, Regex, Registry, Stream, String, Supervisor, System, Task, Tuple,
  :erlang, :io, :io_lib, :lists, :maps, :math, :os, :rand, :timer
]

fa = fn {f, a} -> "#{f}/#{a}" end

for m <- modules do
  Code.ensure_loaded!(m)

  {exports, deprecated} =
    if function_exported?(m, :__info__, 1) do
      {m.__info__(:functions), Enum.map(m.__info__(:deprecated), &elem(&1, 0))}
    else
      {m.module_info(:exports), []}
    end

  IO.puts(Enum.join([inspect(m) | Enum.map(exports, fa)], " ") <> " | " <> Enum.map_join(deprecated, " ", fa))
end
