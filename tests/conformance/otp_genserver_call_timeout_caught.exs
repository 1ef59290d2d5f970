defmodule Slow do
  use GenServer
  def init(_), do: {:ok, nil}
  def handle_call(:slow, _, s) do
    Process.sleep(100)
    {:reply, :done, s}
  end
end
{:ok, pid} = GenServer.start_link(Slow, nil)
try do
  GenServer.call(pid, :slow, 20)
catch
  :exit, reason -> IO.inspect(reason)
end
Process.sleep(150)
IO.inspect(Process.info(self(), :messages))
