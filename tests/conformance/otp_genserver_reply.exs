defmodule Slow do
  use GenServer
  def init(n), do: {:ok, n}
  def handle_call(:later, from, n) do
    spawn(fn -> GenServer.reply(from, {:late, n}) end)
    {:noreply, n}
  end
  def handle_call(:sleep, _from, n) do
    Process.sleep(200)
    {:reply, :woke, n}
  end
  def handle_call(:stop, _from, n), do: {:stop, :normal, :stopping, n}
  def terminate(reason, n), do: IO.inspect({:terminate, reason, n})
end
{:ok, pid} = GenServer.start(Slow, 7)
IO.inspect GenServer.call(pid, :later)
try do
  GenServer.call(pid, :sleep, 50)
catch
  :exit, reason -> IO.inspect reason
end
Process.sleep(300)
IO.inspect GenServer.call(pid, :stop)
Process.sleep(50)
IO.inspect Process.alive?(pid)
try do
  GenServer.call(pid, :later)
catch
  :exit, reason -> IO.inspect reason
end
defmodule Refuse do
  use GenServer
  def init(:no), do: {:stop, :refused}
  def init(:ignore), do: :ignore
end
IO.inspect GenServer.start(Refuse, :no)
IO.inspect GenServer.start(Refuse, :ignore)
