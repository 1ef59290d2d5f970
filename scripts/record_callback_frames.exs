# Records the frames Elixir 1.14's own functions leave in a stack trace when
# a function they were given raises: the frames between the raising
# function's and the caller's, for a list, a range and a map, when the first
# call of the function raises and when a later one does.
#
#   elixir scripts/record_callback_frames.exs > src/stdlib/data/callback_frames.txt
#
# One line per case, fields separated by tabs:
#
#   Module name arity kind call frame frame ...
#
# where `kind` is list, range or map, `call` is 1 (the first call of the
# given function raised) or 2 (a later one), and each frame is
# `Module|function|arity|file|line`, innermost first.
:erlang.system_flag(:backtrace_depth, 40)

defmodule Rec do
  # A function of arity `n` that raises on its `k`-th call and otherwise returns `ret`.
  def cb(1, k, ret), do: fn _ -> tick(k, ret) end
  def cb(2, k, ret), do: fn _, acc -> tick(k, if(ret == :acc, do: acc, else: ret)) end

  defp tick(k, ret) do
    n = Process.get(:calls, 0) + 1
    Process.put(:calls, n)
    if n == k, do: raise("boom")
    ret
  end

  def frames(call) do
    Process.put(:calls, 0)

    try do
      call.()
      :none
    rescue
      _ -> __STACKTRACE__
    end
  end

  def run(call) do
    case frames(call) do
      :none ->
        :none

      stack ->
        stack
        |> Enum.drop_while(fn {m, _, _, _} -> m == Rec end)
        |> Enum.take_while(fn {m, f, _, _} -> not (m == Rec and f == :frames) end)
    end
  end
end

enumerables = [list: [1, 2, 3, 4, 5], range: 1..5, map: %{a: 1, b: 2, c: 3, d: 4, e: 5}]

# {module, name, arity, the call given an enumerable and a callback maker}
cases = [
  {Enum, :map, 2, fn e, f -> Enum.map(e, f.(1, 1)) end},
  {Enum, :each, 2, fn e, f -> Enum.each(e, f.(1, :ok)) end},
  {Enum, :filter, 2, fn e, f -> Enum.filter(e, f.(1, true)) end},
  {Enum, :reject, 2, fn e, f -> Enum.reject(e, f.(1, false)) end},
  {Enum, :reduce, 3, fn e, f -> Enum.reduce(e, 0, f.(2, :acc)) end},
  {Enum, :reduce, 2, fn e, f -> Enum.reduce(e, f.(2, :acc)) end},
  {Enum, :find, 2, fn e, f -> Enum.find(e, f.(1, false)) end},
  {Enum, :find, 3, fn e, f -> Enum.find(e, nil, f.(1, false)) end},
  {Enum, :find_index, 2, fn e, f -> Enum.find_index(e, f.(1, false)) end},
  {Enum, :find_value, 2, fn e, f -> Enum.find_value(e, f.(1, nil)) end},
  {Enum, :any?, 2, fn e, f -> Enum.any?(e, f.(1, false)) end},
  {Enum, :all?, 2, fn e, f -> Enum.all?(e, f.(1, true)) end},
  {Enum, :count, 2, fn e, f -> Enum.count(e, f.(1, true)) end},
  {Enum, :flat_map, 2, fn e, f -> Enum.flat_map(e, f.(1, [1])) end},
  {Enum, :map_reduce, 3, fn e, f -> Enum.map_reduce(e, 0, f.(2, {1, 0})) end},
  {Enum, :group_by, 2, fn e, f -> Enum.group_by(e, f.(1, 1)) end},
  {Enum, :sort_by, 2, fn e, f -> Enum.sort_by(e, f.(1, 1)) end},
  {Enum, :min_by, 2, fn e, f -> Enum.min_by(e, f.(1, 1)) end},
  {Enum, :max_by, 2, fn e, f -> Enum.max_by(e, f.(1, 1)) end},
  {Enum, :uniq_by, 2, fn e, f -> Enum.uniq_by(e, f.(1, 1)) end},
  {Enum, :take_while, 2, fn e, f -> Enum.take_while(e, f.(1, true)) end},
  {Enum, :drop_while, 2, fn e, f -> Enum.drop_while(e, f.(1, true)) end},
  {Enum, :split_with, 2, fn e, f -> Enum.split_with(e, f.(1, true)) end},
  {Enum, :map_join, 2, fn e, f -> Enum.map_join(e, f.(1, "x")) end},
  {Enum, :map_join, 3, fn e, f -> Enum.map_join(e, ",", f.(1, "x")) end},
  {Enum, :reduce_while, 3, fn e, f -> Enum.reduce_while(e, 0, f.(2, {:cont, 0})) end},
  {Enum, :frequencies_by, 2, fn e, f -> Enum.frequencies_by(e, f.(1, 1)) end},
  {Enum, :chunk_by, 2, fn e, f -> Enum.chunk_by(e, f.(1, 1)) end},
  {Enum, :dedup_by, 2, fn e, f -> Enum.dedup_by(e, f.(1, 1)) end},
  {Enum, :scan, 2, fn e, f -> Enum.scan(e, f.(2, 0)) end},
  {Enum, :scan, 3, fn e, f -> Enum.scan(e, 0, f.(2, 0)) end},
  {Enum, :sort, 2, fn e, f -> Enum.sort(e, f.(2, true)) end},
  {Enum, :into, 3, fn e, f -> Enum.into(e, [], f.(1, 1)) end},
  {Enum, :with_index, 2, fn e, f -> Enum.with_index(e, f.(2, 1)) end},
  {Enum, :min_max_by, 2, fn e, f -> Enum.min_max_by(e, f.(1, 1)) end},
  {Enum, :map_every, 3, fn e, f -> Enum.map_every(e, 1, f.(1, 1)) end},
  {Enum, :each_with_index, 2, fn e, f -> Enum.each(Enum.with_index(e), f.(1, 1)) end},
  {Map, :new, 2, fn e, f -> Map.new(e, f.(1, {1, 1})) end}
]

for {m, name, arity, call} <- cases, {kind, e} <- enumerables, {k, label} <- [{1, 1}, {2, 2}],
    name != :each_with_index do
  case Rec.run(fn -> call.(e, fn n, ret -> Rec.cb(n, k, ret) end) end) do
    :none ->
      :ok

    frames ->
      shown =
        for {fm, ff, fa, loc} <- frames do
          a = if is_list(fa), do: length(fa), else: fa
          Enum.join([inspect(fm), ff, a, loc[:file], loc[:line]], "|")
        end

      IO.puts(Enum.join([inspect(m), name, arity, kind, label | shown], "\t"))
  end
end

# Map's and Keyword's functions that call a function they were given on
# one entry: kind map or list, call 1.
single = [
  {Map, :update!, 3, :map, fn f -> Map.update!(%{a: 1}, :a, f.(1, 1)) end},
  {Map, :update, 4, :map, fn f -> Map.update(%{a: 1}, :a, 0, f.(1, 1)) end},
  {Map, :get_and_update, 3, :map, fn f -> Map.get_and_update(%{a: 1}, :a, f.(1, {1, 1})) end},
  {Map, :get_and_update!, 3, :map, fn f -> Map.get_and_update!(%{a: 1}, :a, f.(1, {1, 1})) end},
  {Map, :replace_lazy, 3, :map, fn f -> Map.replace_lazy(%{a: 1}, :a, f.(1, 1)) end},
  {Keyword, :update!, 3, :list, fn f -> Keyword.update!([a: 1], :a, f.(1, 1)) end},
  {Keyword, :update, 4, :list, fn f -> Keyword.update([a: 1], :a, 0, f.(1, 1)) end},
  {Keyword, :get_and_update, 3, :list, fn f -> Keyword.get_and_update([a: 1], :a, f.(1, {1, 1})) end},
  {Keyword, :get_and_update!, 3, :list, fn f -> Keyword.get_and_update!([a: 1], :a, f.(1, {1, 1})) end}
]

for {m, name, arity, kind, call} <- single do
  frames = Rec.run(fn -> call.(fn n, ret -> Rec.cb(n, 1, ret) end) end)

  shown =
    for {fm, ff, fa, loc} <- frames do
      a = if is_list(fa), do: length(fa), else: fa
      Enum.join([inspect(fm), ff, a, loc[:file], loc[:line]], "|")
    end

  IO.puts(Enum.join([inspect(m), name, arity, kind, 1 | shown], "\t"))
end

# Then the frames of each Enum function given something that is not
# enumerable (Protocol.UndefinedError): kind `none`, call 0.
candidates = [fn x -> x end, fn x, _ -> x end, 1, [], ","]

args_for = fn arity ->
  Enum.reduce(2..arity//1, [[:not_enumerable]], fn _, acc ->
    for a <- acc, c <- candidates, do: a ++ [c]
  end)
end

for {name, arity} <- Enum.__info__(:functions), arity >= 1 do
  found =
    Enum.find_value(args_for.(arity), fn args ->
      try do
        apply(Enum, name, args)
        nil
      rescue
        e in Protocol.UndefinedError ->
          if e.value == :not_enumerable, do: __STACKTRACE__

        _ ->
          nil
      end
    end)

  if found do
    shown =
      found
      |> Enum.take_while(fn {m, _, _, _} -> m != :elixir_compiler_0 end)
      |> Enum.map(fn {fm, ff, fa, loc} ->
        a = if is_list(fa), do: length(fa), else: fa
        Enum.join([inspect(fm), ff, a, loc[:file], loc[:line]], "|")
      end)

    IO.puts(Enum.join(["Enum", name, arity, "none", 0 | shown], "\t"))
  end
end
