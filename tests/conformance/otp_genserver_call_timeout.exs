defmodule Slow do
  use GenServer
  def init(_), do: {:ok, nil}
  def handle_call(:slow, _, s) do
    Process.sleep(200)
    {:reply, :done, s}
  end
end
{:ok, pid} = GenServer.start_link(Slow, nil)
GenServer.call(pid, :slow, 50)
