defmodule G do
  use GenServer
  def init(x), do: {:ok, x}
  def handle_cast(:crash, s), do: {:noreply, 1 / s}
  def handle_info(:crash, s), do: {:noreply, 1 / s}
end
{:ok, g} = GenServer.start(G, 0)
GenServer.cast(g, :crash)
Process.sleep(100)
{:ok, g} = GenServer.start(G, 0)
send(g, :crash)
Process.sleep(100)
