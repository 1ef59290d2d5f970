# @fallback_to_any, Any implementations and @derive.
defprotocol Blank do
  @fallback_to_any true
  def blank?(data)
end

defimpl Blank, for: List do
  def blank?([]), do: true
  def blank?(_), do: false
end

defimpl Blank, for: Map do
  def blank?(map), do: map_size(map) == 0
end

defimpl Blank, for: Any do
  def blank?(nil), do: true
  def blank?(false), do: true
  def blank?(_), do: false
end

defprotocol Size do
  def size(data)
end

defimpl Size, for: Any do
  def size(_), do: :unknown
end

defmodule Box do
  @derive [Size]
  defstruct items: []
end

defmodule Crate do
  @derive Blank
  @derive {Size, []}
  defstruct n: 0
end

defmodule Plain do
  defstruct n: 0
end

defmodule Main do
  def run do
    IO.inspect(Enum.map([[], [1], %{}, %{a: 1}, nil, false, 0, "", %Plain{}], &Blank.blank?/1))
    IO.inspect(Blank.impl_for(42))
    IO.inspect(Blank.impl_for(%Plain{}))
    IO.inspect(Blank.impl_for!(:x))
    IO.inspect(Size.size(%Box{}))
    IO.inspect(Size.size(%Crate{}))
    IO.inspect(Size.impl_for(%Box{}))
    IO.inspect(Size.Box.__impl__(:target))
    IO.inspect(Size.Box.__impl__(:for))
    IO.inspect(Blank.blank?(%Crate{}))
    IO.inspect(Size.impl_for(%Plain{}))
    IO.inspect(Size.impl_for(1))

    try do
      Size.size(%Plain{n: 1})
    rescue
      e in Protocol.UndefinedError ->
        IO.puts(Exception.message(e))
        IO.inspect(e)
    end
  end
end

Main.run()
