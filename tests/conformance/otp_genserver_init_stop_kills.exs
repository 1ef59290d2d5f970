defmodule S do
  use GenServer
  def init(:stop), do: {:stop, :no_way}
end
IO.inspect(GenServer.start_link(S, :stop))
Process.sleep(50)
IO.puts("after")
