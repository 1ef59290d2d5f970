defmodule Access do
  @moduledoc false
  # The Access behaviour and its accessors, and Kernel's path functions
  # below, which call them. The `# elixir:` markers name the line of
  # Elixir's own source a frame there carries.

  def fetch(%mod{} = container, key) do
    mod.fetch(container, key) # elixir: lib/access.ex:212
  rescue
    e in UndefinedFunctionError -> no_behaviour(e, mod, :fetch, [container, key], __STACKTRACE__)
  end

  def fetch(map, key) when is_map(map) do
    case map do
      %{^key => value} -> {:ok, value}
      _ -> :error
    end
  end

  def fetch(list, key) when is_list(list) and is_atom(key) do
    case :lists.keyfind(key, 1, list) do
      {_, value} -> {:ok, value}
      false -> :error
    end
  end

  def fetch(list, key) when is_list(list) do
    raise ArgumentError, "the Access calls for keywords expect the key to be an atom, got: " <> inspect(key) # elixir: lib/access.ex:233
  end
  def fetch(nil, _key), do: :error

  def fetch!(container, key) do
    case fetch(container, key) do # elixir: lib/access.ex:254
      {:ok, value} -> value
      :error -> raise KeyError, key: key, term: container # elixir: lib/access.ex:256
    end
  end

  def get(container, key, default \\ nil)

  def get(%mod{} = container, key, default) do
    try do
      mod.fetch(container, key) # elixir: lib/access.ex:288
    rescue
      e in UndefinedFunctionError -> no_behaviour(e, mod, :fetch, [container, key], __STACKTRACE__)
    else
      {:ok, value} -> value
      :error -> default
    end
  end

  def get(map, key, default) when is_map(map) do
    case map do
      %{^key => value} -> value
      _ -> default
    end
  end

  def get(list, key, default) when is_list(list) and is_atom(key) do
    case :lists.keyfind(key, 1, list) do
      {_, value} -> value
      false -> default
    end
  end

  def get(list, key, _default) when is_list(list) do
    raise ArgumentError, "the Access calls for keywords expect the key to be an atom, got: " <> inspect(key) # elixir: lib/access.ex:313
  end
  def get(nil, _key, default), do: default

  def get_and_update(%mod{} = container, key, fun) do
    mod.get_and_update(container, key, fun) # elixir: lib/access.ex:349
  rescue
    e in UndefinedFunctionError ->
      no_behaviour(e, mod, :get_and_update, [container, key, fun], __STACKTRACE__)
  end

  def get_and_update(map, key, fun) when is_map(map), do: Map.get_and_update(map, key, fun)
  def get_and_update(list, key, fun) when is_list(list), do: Keyword.get_and_update(list, key, fun)

  def get_and_update(nil, key, _fun) do
    raise ArgumentError, "could not put/update key #{inspect(key)} on a nil value" # elixir: lib/access.ex:368
  end

  def pop(%mod{} = container, key) do
    mod.pop(container, key) # elixir: lib/access.ex:399
  rescue
    e in UndefinedFunctionError -> no_behaviour(e, mod, :pop, [container, key], __STACKTRACE__)
  end

  def pop(map, key) when is_map(map), do: Map.pop(map, key)
  def pop(list, key) when is_list(list), do: Keyword.pop(list, key)

  def pop(nil, key) do
    raise ArgumentError, "could not pop key #{inspect(key)} on a nil value" # elixir: lib/access.ex:414
  end

  # A struct without the callback: the error names the behaviour, when the
  # missing function is the struct's own callback (not one it calls).
  defp no_behaviour(e, mod, fun, args, stack) do
    e =
      case stack do
        [{^mod, ^fun, ^args, _} | _] ->
          %{e | reason: "#{inspect(mod)} does not implement the Access behaviour. If you are using get_in/put_in/update_in, you can specify the field to be accessed using Access.key!/1"}

        _ ->
          e
      end

    reraise e, stack
  end

  def key(key, default \\ nil) do
    fn
      :get, data, next ->
        next.(Map.get(data, key, default)) # elixir: lib/access.ex:459

      :get_and_update, data, next ->
        value = Map.get(data, key, default) # elixir: lib/access.ex:462

        case next.(value) do # elixir: lib/access.ex:464
          {got, new} -> {got, Map.put(data, key, new)}
          :pop -> {value, Map.delete(data, key)}
        end
    end
  end

  def key!(key) do
    fn
      :get, %{} = data, next ->
        next.(Map.fetch!(data, key)) # elixir: lib/access.ex:503

      :get_and_update, %{} = data, next ->
        value = Map.fetch!(data, key) # elixir: lib/access.ex:506

        case next.(value) do # elixir: lib/access.ex:508
          {got, new} -> {got, Map.put(data, key, new)}
          :pop -> {value, Map.delete(data, key)}
        end

      _op, data, _next ->
        raise "Access.key!/1 expected a map/struct, got: #{inspect(data)}" # elixir: lib/access.ex:514
    end
  end

  def elem(index) when is_integer(index) and index >= 0 do
    at = index + 1

    fn
      :get, data, next when is_tuple(data) ->
        next.(:erlang.element(at, data)) # elixir: lib/access.ex:553

      :get_and_update, data, next when is_tuple(data) ->
        value = :erlang.element(at, data) # elixir: lib/access.ex:556

        case next.(value) do # elixir: lib/access.ex:558
          {got, new} -> {got, :erlang.setelement(at, data, new)}
          :pop -> raise "cannot pop data from a tuple" # elixir: lib/access.ex:560
        end

      _op, data, _next ->
        raise "Access.elem/1 expected a tuple, got: #{inspect(data)}" # elixir: lib/access.ex:564
    end
  end

  def all(), do: &all/3

  defp all(:get, data, next) when is_list(data), do: Enum.map(data, next) # elixir: lib/access.ex:607
  defp all(:get_and_update, data, next) when is_list(data), do: each_of(data, next, fn _, _ -> true end, 0, [], []) # elixir: lib/access.ex:611
  defp all(_op, data, _next), do: raise("Access.all/0 expected a list, got: #{inspect(data)}") # elixir: lib/access.ex:615

  def filter(pred) when is_function(pred) do
    fn op, data, next -> filter(op, data, pred, next) end
  end

  defp filter(:get, data, pred, next) when is_list(data), do: data |> Enum.filter(pred) |> Enum.map(next) # elixir: lib/access.ex:804
  defp filter(:get_and_update, data, pred, next) when is_list(data), do: each_of(data, next, fn x, _ -> pred.(x) end, 0, [], []) # elixir: lib/access.ex:808
  defp filter(_op, data, _pred, _next), do: raise("Access.filter/1 expected a list, got: #{inspect(data)}") # elixir: lib/access.ex:812

  # Updates the elements of a list `take` selects (given each element and
  # its index), gathering what `next` got.
  defp each_of([], _next, _take, _i, gets, updates), do: {:lists.reverse(gets), :lists.reverse(updates)}

  defp each_of([x | rest], next, take, i, gets, updates) do
    if take.(x, i) do
      case next.(x) do
        {got, new} -> each_of(rest, next, take, i + 1, [got | gets], [new | updates])
        :pop -> each_of(rest, next, take, i + 1, [x | gets], updates)
      end
    else
      each_of(rest, next, take, i + 1, gets, [x | updates])
    end
  end

  def at(index) when is_integer(index) do
    fn op, data, next -> at(op, data, index, next) end
  end

  defp at(:get, data, index, next) when is_list(data), do: next.(Enum.at(data, index)) # elixir: lib/access.ex:682
  defp at(:get_and_update, data, index, next) when is_list(data), do: at_index(data, index, next, fn -> nil end) # elixir: lib/access.ex:686
  defp at(_op, data, _index, _next), do: raise("Access.at/1 expected a list, got: #{inspect(data)}") # elixir: lib/access.ex:690

  def at!(index) when is_integer(index) do
    fn op, data, next -> at!(op, data, index, next) end
  end

  defp at!(:get, data, index, next) when is_list(data) do
    case Enum.fetch(data, index) do # elixir: lib/access.ex:737
      {:ok, value} -> next.(value) # elixir: lib/access.ex:738
      :error -> raise Enum.OutOfBoundsError # elixir: lib/access.ex:739
    end
  end

  defp at!(:get_and_update, data, index, next) when is_list(data) do
    at_index(data, index, next, fn -> raise Enum.OutOfBoundsError end) # elixir: lib/access.ex:744
  end

  defp at!(_op, data, _index, _next), do: raise("Access.at!/1 expected a list, got: #{inspect(data)}") # elixir: lib/access.ex:748

  # The element at `index` (from the end when negative) updated by `next`;
  # `missing` answers when there is none.
  defp at_index(list, index, next, missing) when index < 0 do
    case length(list) + index do
      i when i >= 0 -> at_index(list, i, next, missing)
      _ -> {missing.(), list}
    end
  end

  defp at_index(list, index, next, missing), do: at_index(list, index, next, missing, [])

  defp at_index([], _index, _next, missing, before), do: {missing.(), :lists.reverse(before)}
  defp at_index([x | rest], index, next, missing, before) when index > 0, do: at_index(rest, index - 1, next, missing, [x | before])

  defp at_index([x | rest], 0, next, _missing, before) do
    case next.(x) do
      {got, new} -> {got, :lists.reverse(before, [new | rest])}
      :pop -> {x, :lists.reverse(before, rest)}
    end
  end

  def slice(%Range{step: step} = range) when step > 0 do
    fn op, data, next -> slice(op, data, range, next) end
  end

  def slice(%Range{} = range) do
    raise ArgumentError, "Access.slice/1 does not accept ranges with negative steps, got: #{inspect(range)}" # elixir: lib/access.ex:887
  end

  defp slice(:get, data, range, next) when is_list(data), do: data |> Enum.slice(range) |> Enum.map(next) # elixir: lib/access.ex:895

  defp slice(:get_and_update, data, first..last//step, next) when is_list(data) do
    count = length(data)
    first = if first < 0, do: max(first + count, 0), else: first
    last = if last < 0, do: last + count, else: last

    if first > last do
      {[], data}
    else
      range = first..last//step
      each_of(data, next, fn _, i -> i in range end, 0, [], [])
    end
  end

  defp slice(_op, data, _range, _next), do: raise(ArgumentError, "Access.slice/1 expected a list, got: #{inspect(data)}") # elixir: lib/access.ex:909
end

defmodule Kernel do
  @moduledoc false

  def get_in(nil, [_ | _]), do: nil
  def get_in(data, [h]) when is_function(h), do: h.(:get, data, & &1)
  def get_in(data, [h | t]) when is_function(h), do: h.(:get, data, &get_in(&1, t))
  def get_in(data, [h]), do: Access.get(data, h)
  def get_in(data, [h | t]), do: get_in(Access.get(data, h), t)

  def put_in(data, [_ | _] = keys, value) do
    elem(get_and_update_in(data, keys, fn _ -> {nil, value} end), 1) # elixir: lib/kernel.ex:2701
  end

  def update_in(data, [_ | _] = keys, fun) when is_function(fun) do
    elem(get_and_update_in(data, keys, fn x -> {nil, fun.(x)} end), 1) # elixir: lib/kernel.ex:2734
  end

  def get_and_update_in(data, [h], fun) when is_function(h, 3), do: h.(:get_and_update, data, fun)
  def get_and_update_in(data, [h | t], fun) when is_function(h, 3), do: h.(:get_and_update, data, &get_and_update_in(&1, t, fun))
  def get_and_update_in(data, [h], fun) when is_function(fun, 1), do: Access.get_and_update(data, h, fun)
  def get_and_update_in(data, [h | t], fun) when is_function(fun, 1), do: Access.get_and_update(data, h, &get_and_update_in(&1, t, fun))

  def pop_in(nil, [key | _]) do
    raise ArgumentError, "could not pop key #{inspect(key)} on a nil value" # elixir: lib/kernel.ex:2857
  end

  def pop_in(data, [_ | _] = keys), do: pop_path(data, keys)

  defp pop_path(nil, [_ | _]), do: :pop
  defp pop_path(data, [f]) when is_function(f), do: f.(:get_and_update, data, fn _ -> :pop end)
  defp pop_path(data, [f | t]) when is_function(f), do: f.(:get_and_update, data, &pop_path(&1, t))
  defp pop_path(data, [key]), do: Access.pop(data, key)
  defp pop_path(data, [key | t]), do: Access.get_and_update(data, key, &pop_path(&1, t))
end
