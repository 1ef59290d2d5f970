defmodule Greeter do
  def hello(name, greeting \\ "Hello", punct \\ "!") do
    "#{greeting}, #{name}#{punct}"
  end

  def join(a, b \\ nil)
  def join(a, nil), do: a
  def join(a, b), do: a <> " " <> b
end
IO.puts Greeter.hello("Ann")
IO.puts Greeter.hello("Bob", "Hi")
IO.puts Greeter.hello("Cy", "Yo", "?")
IO.inspect Greeter.join("x")
IO.inspect Greeter.join("x", "y")
IO.inspect function_exported?(Greeter, :hello, 1)
IO.inspect function_exported?(Greeter, :hello, 3)
f = &Greeter.hello/1
IO.puts f.("Dee")
