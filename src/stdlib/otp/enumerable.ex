defmodule Enumerable do
  @moduledoc false
  def count(enumerable), do: impl_for!(enumerable).count(enumerable)
  def member?(enumerable, element), do: impl_for!(enumerable).member?(enumerable, element)
  def reduce(enumerable, acc, fun), do: impl_for!(enumerable).reduce(enumerable, acc, fun)
  def slice(enumerable), do: impl_for!(enumerable).slice(enumerable)

  def impl_for(%{__struct__: Range}), do: Enumerable.Range
  def impl_for(%{__struct__: MapSet}), do: Enumerable.MapSet
  def impl_for(%{__struct__: Stream}), do: Enumerable.Stream
  def impl_for(%{__struct__: IO.Stream}), do: Enumerable.IO.Stream
  def impl_for(data), do: Protocol.__impl_for__(Enumerable, data, false)

  def impl_for!(data) do
    impl_for(data) || raise(Protocol.UndefinedError, protocol: Enumerable, value: data)
  end

  def __protocol__(:module), do: Enumerable
  def __protocol__(:functions), do: [count: 1, member?: 2, reduce: 3, slice: 1]
  def __protocol__(:consolidated?), do: false
  def __protocol__(:impls), do: :not_consolidated
end

defimpl Enumerable, for: List do
  def count(list), do: {:ok, length(list)}

  def member?([], _value), do: {:ok, false}
  def member?(_list, _value), do: {:error, __MODULE__}

  def slice([]), do: {:ok, 0, fn _, _, _ -> [] end}
  def slice(_list), do: {:error, __MODULE__}

  def reduce(_list, {:halt, acc}, _fun), do: {:halted, acc}
  def reduce(list, {:suspend, acc}, fun), do: {:suspended, acc, &reduce(list, &1, fun)}
  def reduce([], {:cont, acc}, _fun), do: {:done, acc}
  def reduce([head | tail], {:cont, acc}, fun), do: reduce(tail, fun.(head, acc), fun)
end

defimpl Enumerable, for: Map do
  def count(map), do: {:ok, map_size(map)}

  def member?(map, {key, value}), do: {:ok, match?(%{^key => ^value}, map)}
  def member?(_map, _other), do: {:ok, false}

  def slice(map), do: {:ok, map_size(map), &Map.to_list/1}

  def reduce(map, acc, fun), do: Enumerable.List.reduce(Map.to_list(map), acc, fun)
end

defimpl Enumerable, for: Function do
  def count(_function), do: {:error, __MODULE__}
  def member?(_function, _value), do: {:error, __MODULE__}
  def slice(_function), do: {:error, __MODULE__}

  def reduce(function, acc, fun) when is_function(function, 2), do: function.(acc, fun)

  def reduce(function, _acc, _fun) do
    raise Protocol.UndefinedError,
      protocol: @protocol,
      value: function,
      description: "only anonymous functions of arity 2 are enumerable"
  end
end

# Ranges, MapSets and streams are enumerated natively; called through the
# protocol, they reduce as the list of their elements. `otp.rs` defines
# `Enumerable.Range`, `Enumerable.MapSet`, `Enumerable.Stream` and
# `Enumerable.IO.Stream` from this
# one, named `Enumerable.NATIVE`, which must stay the file's last module.
defmodule Enumerable.NATIVE do
  @moduledoc false
  def count(enumerable), do: {:ok, Enum.count(enumerable)}
  def member?(enumerable, value), do: {:ok, Enum.member?(enumerable, value)}
  def slice(_enumerable), do: {:error, __MODULE__}

  def reduce(enumerable, acc, fun) do
    Enumerable.List.reduce(Enum.to_list(enumerable), acc, fun)
  end
end
