# __info__/1 lists a module's public functions, sorted.
defmodule Calc do
  def add(a, b), do: a + b
  def sub(a, b), do: a - b
  def greet(name, greeting \\ "Hi"), do: "#{greeting} #{name}"
  defp hidden, do: :no
  def use_hidden, do: hidden()
end
IO.inspect Calc.__info__(:functions)
IO.inspect Calc.__info__(:macros)
IO.inspect Calc.__info__(:module)
IO.inspect function_exported?(Calc, :add, 2)
IO.inspect function_exported?(Calc, :__info__, 1)
