# Inspect implementations for structs: strings, Inspect.Algebra, @derive.
defmodule Secret do
  defstruct value: nil

  defimpl Inspect do
    def inspect(_secret, _opts), do: "#Secret<redacted>"
  end
end

defmodule Pair do
  defstruct left: nil, right: nil
end

defimpl Inspect, for: Pair do
  import Inspect.Algebra

  def inspect(%Pair{left: l, right: r}, opts) do
    concat(["#Pair<", to_doc(l, opts), " & ", to_doc(r, opts), ">"])
  end
end

defmodule Bag do
  defstruct items: []

  defimpl Inspect do
    import Inspect.Algebra

    def inspect(bag, opts) do
      container_doc("#Bag<", bag.items, ">", opts, fn i, o -> to_doc(i, o) end, separator: ";")
    end
  end
end

defmodule Account do
  @derive {Inspect, only: [:name]}
  defstruct name: "ann", password: "hunter2", balance: 10
end

defmodule Login do
  @derive {Inspect, except: [:password]}
  defstruct user: "bo", password: "pw", tries: 0
end

defmodule Full do
  @derive Inspect
  defstruct a: 1, b: 2
end

defmodule Main do
  def run do
    IO.inspect(%Secret{value: 42})
    IO.puts(inspect(%Secret{}))
    IO.inspect([%Secret{}, %{s: %Secret{}}])
    IO.inspect(%Pair{left: 1, right: [a: 2]})
    IO.inspect(%Pair{left: %Secret{}, right: "x"})
    IO.inspect(%Bag{items: [1, :two, "three"]})
    IO.inspect(%Bag{items: Enum.to_list(1..30)})
    IO.inspect(%Account{})
    IO.inspect(%Login{})
    IO.inspect(%Full{})
    IO.inspect({%Account{name: "x"}, %Login{tries: 3}})
    IO.inspect(%Pair{left: Enum.to_list(1..40), right: String.duplicate("y", 30)})
    IO.puts(inspect(%Login{}, pretty: true, width: 10))
    IO.inspect(Inspect.Algebra.format(Inspect.Algebra.glue("a", "b"), 80) |> IO.iodata_to_binary())
  end
end

Main.run()
