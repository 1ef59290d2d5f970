defmodule X do
  use GenServer
  def init(_), do: {:ok, nil}
end
{:ok, pid} = GenServer.start(X, nil)
GenServer.stop(pid)
GenServer.stop(pid)
