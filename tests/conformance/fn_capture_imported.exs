IO.inspect(&length/1)
IO.inspect(&is_atom/1)
IO.inspect(&max/2)
IO.inspect(&self/0)
IO.inspect(&apply/2)
IO.inspect(&inspect/1)
IO.inspect(&struct/2)
IO.inspect(&elem/2)
IO.inspect(Enum.map([[1], [2, 3]], &length/1))
IO.inspect((&apply/2).(&Kernel.+/2, [1, 2]))
IO.inspect(is_function(&is_nil/1, 1))
defmodule Caps do
  import List, only: [flatten: 1]
  def flat, do: &flatten/1
  def wrap(x), do: [x]
  def mine, do: is_function(&wrap/1, 1)
end
IO.inspect(Caps.flat())
IO.inspect(Caps.flat().([1, [2]]))
IO.inspect(Caps.mine())
