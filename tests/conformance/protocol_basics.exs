# A user protocol over built-in types and structs.
defprotocol Describe do
  @moduledoc "Describes a value in words."
  @doc "A short description."
  @spec describe(t) :: String.t()
  def describe(value)

  @doc "The description, repeated."
  def shout(value, times)
end

defimpl Describe, for: Integer do
  def describe(n) when n < 0, do: "a negative number"
  def describe(n), do: "the number #{n}"
  def shout(n, times), do: String.duplicate("#{n}!", times)
end

defimpl Describe, for: [List, Tuple] do
  def describe(x), do: "a collection of #{length(List.wrap(Tuple.to_list(List.to_tuple(List.wrap(x)))))}"
  def shout(_x, times), do: String.duplicate("many!", times)
end

defimpl Describe, for: BitString do
  def describe(s), do: "the text #{inspect(s)}"
  def shout(s, times), do: String.duplicate(String.upcase(s), times)
end

defimpl Describe, for: Atom do
  def describe(a), do: "the atom #{a}"
  def shout(a, _), do: @for |> inspect() |> Kernel.<>(" #{a}")
end

defmodule User do
  defstruct name: "ann", age: 30

  defimpl Describe do
    def describe(%User{name: name}), do: "the user #{name}"
    def shout(%User{name: name}, times), do: String.duplicate(String.upcase(name), times)
  end
end

defmodule Point do
  defstruct x: 0, y: 0
end

defimpl Describe, for: Point do
  def describe(%{x: x, y: y}), do: "a point at #{x},#{y}"
  def shout(p, _), do: "#{@protocol}: #{inspect(p)}"
end

defmodule Main do
  def run do
    for v <- [1, -5, [1, 2, 3], {:a, :b}, "hi", :ok, %User{}, %Point{x: 1, y: 2}] do
      IO.puts(Describe.describe(v))
    end

    IO.puts(Describe.shout(3, 2))
    IO.puts(Describe.shout("ab", 3))
    IO.puts(Describe.shout(:x, 1))
    IO.puts(Describe.shout(%User{name: "bo"}, 2))
    IO.puts(Describe.shout(%Point{}, 1))
    IO.inspect(Describe.impl_for(1))
    IO.inspect(Describe.impl_for(%User{}))
    IO.inspect(Describe.impl_for(%{}))
    IO.inspect(Describe.impl_for!("x"))
    IO.inspect(Describe.__protocol__(:functions))
    IO.inspect(Describe.__protocol__(:module))
    IO.inspect(Describe.__protocol__(:consolidated?))
    IO.inspect(Describe.__protocol__(:impls))
    IO.inspect(Describe.User.__impl__(:for))
    IO.inspect(Describe.User.__impl__(:protocol))
    IO.inspect(Describe.Integer.__impl__(:target))
    IO.inspect(Protocol.assert_impl!(Describe, Atom))
    IO.inspect(Enum.map([1, "a"], &Describe.describe/1))
  end
end

Main.run()
