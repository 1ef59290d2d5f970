defmodule Min do
  use GenServer
  def init(s), do: {:ok, s}
end
{:ok, pid} = GenServer.start(Min, :s)
GenServer.cast(pid, :hello)
Process.sleep(100)
IO.inspect(Process.alive?(pid))
