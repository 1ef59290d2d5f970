defmodule T do
  use GenServer
  def init(parent), do: {:ok, parent, 30}
  def handle_info(:timeout, parent) do
    send(parent, :timed_out)
    {:noreply, parent}
  end
  def handle_cast(:again, parent), do: {:noreply, parent, 20}
end
{:ok, pid} = GenServer.start_link(T, self())
receive do m -> IO.inspect(m) end
GenServer.cast(pid, :again)
receive do m -> IO.inspect(m) end
receive do m -> IO.inspect(m) after 100 -> IO.puts("no more") end
