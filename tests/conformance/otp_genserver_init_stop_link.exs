defmodule S do
  use GenServer
  def init(:stop), do: {:stop, :no_way}
end
Process.flag(:trap_exit, true)
IO.inspect(GenServer.start_link(S, :stop))
receive do
  m -> IO.inspect(m, label: "msg")
after 50 -> IO.puts("no msg")
end
