defmodule Me do
  use GenServer
  def init(_), do: {:ok, nil}
  def handle_call(:self, _, s), do: {:reply, GenServer.call(self(), :x), s}
end
try do
  GenServer.call(self(), :x)
catch
  :exit, r -> IO.inspect(r)
end
