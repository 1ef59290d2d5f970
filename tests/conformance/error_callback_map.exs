# Functions given to Enum, rescued: the frames Elixir's functions leave
# between the callback and its caller, for lists, ranges and maps.
defmodule Walk do
  def frames(f) do
    try do
      f.()
      :no_error
    rescue
      _ ->
        __STACKTRACE__
        |> Enum.drop(1)
        |> Enum.take_while(fn {m, _, _, _} -> m != Walk end)
        |> Enum.map(fn {m, f, a, loc} -> {m, f, a, loc[:line]} end)
    end
  end

  def boom(x), do: raise("boom #{inspect(x)}")
end

prices = %{apple: 3, pear: 0}

IO.inspect(Walk.frames(fn -> Enum.map(prices, &Walk.boom/1) end))
IO.inspect(Walk.frames(fn -> Enum.filter([1, 2, 3], fn x -> x < 2 or Walk.boom(x) end) end))
IO.inspect(Walk.frames(fn -> Enum.find(1..3, fn x -> x > 1 and Walk.boom(x) end) end))
IO.inspect(Walk.frames(fn -> Enum.sort_by([3, 1, 2], &Walk.boom/1) end))
IO.inspect(Walk.frames(fn -> Enum.each(prices, &Walk.boom/1) end))
IO.inspect(Walk.frames(fn -> Map.new([1, 2], &Walk.boom/1) end))
IO.inspect(Walk.frames(fn -> Enum.flat_map([1, 2], fn x -> if x > 1, do: Walk.boom(x), else: [x] end) end))
IO.inspect(Walk.frames(fn -> Enum.group_by(1..4, fn x -> if x == 3, do: Walk.boom(x), else: rem(x, 2) end) end))
