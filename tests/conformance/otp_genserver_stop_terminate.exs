defmodule St do
  use GenServer
  def init(s), do: {:ok, s}
  def handle_call(:stop, _from, s), do: {:stop, :normal, :bye, s}
  def handle_cast(:stop_bad, s), do: {:stop, :bad_thing, s}
  def terminate(reason, state) do
    IO.inspect({reason, state}, label: "terminate")
  end
end
{:ok, pid} = GenServer.start(St, 1)
IO.inspect(GenServer.call(pid, :stop))
Process.sleep(20)
{:ok, pid} = GenServer.start(St, 2)
GenServer.cast(pid, :stop_bad)
Process.sleep(100)
IO.puts("end")
