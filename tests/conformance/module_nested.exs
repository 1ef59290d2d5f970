defmodule Outer do
  def hi, do: "outer"
  defmodule Inner do
    def hi, do: "inner"
    def parent, do: Outer.hi()
  end
  def call_inner, do: Inner.hi()
end
IO.puts Outer.hi()
IO.puts Outer.Inner.hi()
IO.puts Outer.Inner.parent()
IO.puts Outer.call_inner()
IO.inspect Outer.Inner
IO.inspect Module.split(Outer.Inner)
defmodule A.B.C do
  def where, do: __MODULE__
end
IO.inspect A.B.C.where()
IO.inspect Code.ensure_loaded?(A.B)
