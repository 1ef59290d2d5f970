defmodule Greeter do
  @greeting "Hello"
  @punct ["!", "?"]
  def greet(name, greeting \\ @greeting, punct \\ hd(@punct))
  def greet(name, greeting, punct) when is_binary(name), do: "#{greeting}, #{name}#{punct}"
  def greet(_, _, _), do: :error

  def punct, do: @punct
  def mod, do: __MODULE__
  defp secret, do: :hidden
  def reveal, do: secret()
end
IO.puts Greeter.greet("Ann")
IO.puts Greeter.greet("Bob", "Hi")
IO.puts Greeter.greet("Cy", "Yo", "?")
IO.inspect Greeter.greet(1)
IO.inspect Greeter.punct()
IO.inspect Greeter.mod()
IO.inspect Greeter.reveal()
IO.inspect function_exported?(Greeter, :greet, 1)
IO.inspect function_exported?(Greeter, :secret, 0)
try do
  apply(Greeter, :secret, [])
rescue
  e -> IO.puts Exception.message(e)
end
defmodule Nested.Inner.Deep do
  def where, do: __MODULE__ |> Module.split() |> Enum.join("/")
end
IO.puts Nested.Inner.Deep.where()
alias Nested.Inner.Deep, as: D
IO.puts D.where()
