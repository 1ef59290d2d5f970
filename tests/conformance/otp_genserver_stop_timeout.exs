defmodule Slow do
  use GenServer
  def init(_), do: {:ok, nil}
  def terminate(_, _), do: Process.sleep(300)
end
{:ok, pid} = GenServer.start(Slow, nil)
try do
  GenServer.stop(pid, :normal, 50)
catch
  :exit, r -> IO.inspect(r)
end
