# Records the clause heads of the public functions of the Elixir modules iexr
# provides, as Elixir 1.14's `Exception.blame_mfa/3` reads them from the
# modules' debug info, for the "Attempted function clauses" block a
# FunctionClauseError of a builtin prints.
#
#   elixir scripts/record_clauses.exs > src/stdlib/data/clauses.txt
#
# A function whose clauses cannot all fail (only variables, no guards) is
# left out. The format, one item per line, fields separated by tabs
# (a tab, newline or backslash inside a field is written \t, \n, \\):
#
#   = Module name arity kind file line      a function; `line` is its frame's
#   > print eval print eval ...             a clause: each argument's pattern as
#                                           Elixir prints it, and as iexr evaluates it
#   ? print eval op print eval ...          a guard of the clause above: its
#                                           leaves, joined by `and`/`or`
#   ~ Module name arity full_arity arg ...  a default-argument wrapper: `$i` is its
#                                           i-th argument, anything else a default
modules = [
  Access, Agent, Atom, Date, Enum, Float, Function, GenServer, IO, Integer,
  Keyword, List, Map, MapSet, Process, Range, Regex, Stream, String, System,
  Task, Tuple, URI
]

esc = fn s -> s |> String.replace("\\", "\\\\") |> String.replace("\t", "\\t") |> String.replace("\n", "\\n") end
text = fn ast -> esc.(Macro.to_string(ast)) end

# The leaves of a guard blamed by `Exception.blame_mfa/3`, with the operators between them.
flatten = fn
  {op, _, [l, r]}, f when op in [:and, :or] -> f.(l, f) ++ [Atom.to_string(op)] ++ f.(r, f)
  %{node: node}, _ -> [{text.(node), text.(node)}]
end

var? = fn
  {name, _, ctx} when is_atom(name) and is_atom(ctx) -> true
  _ -> false
end

for m <- modules do
  Code.ensure_loaded!(m)
  {:ok, {_, [debug_info: {:debug_info_v1, backend, data}]}} = :beam_lib.chunks(:code.which(m), [:debug_info])
  {:ok, %{definitions: defs}} = backend.debug_info(:elixir_v1, m, data, [])
  source = List.to_string(m.module_info(:compile)[:source])
  [_, file] = String.split(source, "lib/elixir/", parts: 2)

  for {{name, arity}, :def, _meta, clauses} <- Enum.sort(defs) do
    case clauses do
      [{_, params, [], {:super, _, call}}] ->
        names = Enum.map(params, fn {n, _, _} -> n end)

        args =
          Enum.map(call, fn
            {n, _, _} = v ->
              if var?.(v) and n in names,
                do: "$#{Enum.find_index(names, &(&1 == n))}",
                else: text.(v)

            other ->
              text.(other)
          end)

        IO.puts(Enum.join(["~", inspect(m), name, arity, length(call) | args], "\t"))

      _ ->
        can_fail = Enum.any?(clauses, fn {_, params, guards, _} -> guards != [] or not Enum.all?(params, var?) end)
        {:ok, kind, blamed} = Exception.blame_mfa(m, name, List.duplicate(nil, arity))

        if can_fail do
          [{meta, _, _, _} | _] = clauses
          IO.puts(Enum.join(["=", inspect(m), name, arity, kind, file, meta[:line]], "\t"))

          for {{_, params, _, _}, {args, guards}} <- Enum.zip(clauses, blamed) do
            pairs = Enum.zip_with(args, params, fn %{node: p}, e -> [text.(p), text.(e)] end)
            IO.puts(Enum.join([">" | List.flatten(pairs)], "\t"))

            for g <- guards do
              parts = Enum.flat_map(flatten.(g, flatten), fn {p, e} -> [p, e]; op -> [op] end)
              IO.puts(Enum.join(["?" | parts], "\t"))
            end
          end
        end
    end
  end
end
