# 20_000 GenServer.call round trips to a `use GenServer` counter.
defmodule Counter do
  use GenServer
  def init(n), do: {:ok, n}
  def handle_call({:add, k}, _from, n), do: {:reply, :ok, n + k}
  def handle_call(:get, _from, n), do: {:reply, n, n}
end

defmodule Client do
  def run(_pid, 0), do: :ok
  def run(pid, n) do
    :ok = GenServer.call(pid, {:add, n})
    run(pid, n - 1)
  end
end
{:ok, pid} = GenServer.start_link(Counter, 0)
Client.run(pid, 20_000)
IO.inspect GenServer.call(pid, :get)
