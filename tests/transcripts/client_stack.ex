defmodule Boom do
  use GenServer
  def init(n), do: {:ok, n}
  def handle_call(:boom, _from, _n), do: raise "boom"

  def api(pid) do
    r = GenServer.call(pid, :boom)
    {:ok, r}
  end
end

defmodule M do
  def f, do: raise "y"

  def g do
    f()
    1
  end
end
