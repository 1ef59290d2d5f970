defmodule S do
  use GenServer
  def init(:stop), do: {:stop, :no_way}
  def init(:ignore), do: :ignore
  def init(:bad), do: :what
  def init(:raise), do: raise "init failed"
  def init(x), do: {:ok, x}
end
IO.inspect(GenServer.start(S, :stop))
IO.inspect(GenServer.start(S, :ignore))
IO.inspect(GenServer.start(S, :bad))
{:error, {e, st}} = GenServer.start(S, :raise)
IO.inspect(e)
IO.inspect(is_list(st))
{:ok, pid} = GenServer.start(S, 1)
IO.inspect(is_pid(pid))
Process.sleep(50)
