defmodule D do
  use GenServer
  def init(_), do: {:ok, nil}
end
{:ok, pid} = GenServer.start(D, nil)
GenServer.stop(pid)
GenServer.call(pid, :hi)
