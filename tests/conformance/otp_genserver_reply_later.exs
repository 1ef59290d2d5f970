defmodule R do
  use GenServer
  def init(_), do: {:ok, nil}
  def handle_call(:slow, from, _) do
    Process.send_after(self(), :answer, 20)
    {:noreply, from}
  end
  def handle_info(:answer, from) do
    GenServer.reply(from, :here_you_go)
    {:noreply, nil}
  end
end
{:ok, pid} = GenServer.start_link(R, nil)
IO.inspect(GenServer.call(pid, :slow))
