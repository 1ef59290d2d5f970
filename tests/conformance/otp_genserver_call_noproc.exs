defmodule D do
  use GenServer
  def init(_), do: {:ok, nil}
end
{:ok, pid} = GenServer.start(D, nil)
GenServer.stop(pid)
try do
  GenServer.call(pid, :hi)
catch
  :exit, reason -> IO.inspect(reason)
end
try do
  GenServer.call(:nobody, :hi)
catch
  :exit, reason -> IO.inspect(reason)
end
GenServer.call(:nobody, :hi)
