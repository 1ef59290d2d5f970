# A closure called (not in tail position) from a function: the function's frame names the line of the call.
defmodule M do
  def f(g) do
    IO.puts "x"
    x = g.(1, 2)
    {x}
  end
end
M.f(fn _, _ -> :erlang.error(:x) end)
