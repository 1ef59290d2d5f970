IO.puts("modules compile when they run")
defmodule Shapes do
  def area(%Square{side: s}), do: s * s
end
