# A struct defined in a script cannot be built by the script's own
# top-level code: the whole file is expanded before any of it runs.
IO.puts("before")

defmodule Point do
  defstruct x: 0, y: 0
end

p = %Point{x: 1}
IO.inspect(p)
