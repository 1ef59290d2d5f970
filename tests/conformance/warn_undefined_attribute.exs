defmodule UA do
  def f do
    x = 1
    @nope
  end
  IO.inspect @other
end
IO.inspect UA.f()
