# Protocol.UndefinedError rescued, and uncaught at the end of the script.
defprotocol Area do
  def area(shape)
end

defmodule Square do
  defstruct side: 1
end

defmodule Circle do
  defstruct r: 1
end

defimpl Area, for: Square do
  def area(%Square{side: s}), do: s * s
end

defmodule Main do
  def run do
    IO.inspect(Area.area(%Square{side: 3}))

    for v <- [42, 1.5, :atom, "text", [1], {1}, %{a: 1}, %Circle{}, nil, <<1::3>>] do
      try do
        Area.area(v)
      rescue
        e in Protocol.UndefinedError ->
          IO.puts(Exception.message(e))
          IO.inspect({e.protocol, e.value == v, e.description})
      end
    end

    try do
      Enum.map(%Circle{}, & &1)
    rescue
      e -> IO.puts(Exception.message(e))
    end

    try do
      to_string(%Circle{})
    rescue
      e -> IO.puts(Exception.message(e))
    end

    IO.inspect(Area.impl_for(%Circle{}))
  end

  def crash(x), do: Area.area(x)
end

Main.run()
Main.crash(struct(Circle, r: 2))
