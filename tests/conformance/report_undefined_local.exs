IO.puts("before")

defmodule Greeter do
  def hello(name), do: greeting() <> ", " <> name
end
