defmodule Frames do
  def add_one(x) do
    x + 1
  end

  def double_all(list), do: Enum.map(list, fn x -> x * 2 end)
end
