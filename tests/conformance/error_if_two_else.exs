defmodule Check do
  def check(x) do
    unless x, do: :no, else: :yes
  end
end
IO.inspect(Check.check(true))
IO.puts("before")
if Check.check(false) do
  IO.puts("a")
else
  IO.puts("b")
else
  IO.puts("c")
end
