_a = 1
IO.inspect _a
f = fn _x -> _x + 1 end
IO.inspect f.(1)
case {1, 2} do
  {_p, _} -> IO.inspect(_p)
end
defmodule U do
  def f(_x, y) do
    _z = y
    {_z, _x, _z}
  end
end
IO.inspect U.f(1, 2)
