# IO.warn/1 inside functions prints the current stacktrace: the function,
# its callers, the script and the runner, six frames.
defmodule W do
  def f(x) do
    IO.warn("careful #{x}")
    x
  end
  def g(x) do
    y = f(x)
    y + 1
  end
end
W.g(1)
IO.puts "done"
