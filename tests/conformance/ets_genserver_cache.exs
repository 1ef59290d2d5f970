defmodule Cache do
  use GenServer

  def start_link(_), do: GenServer.start_link(__MODULE__, nil, name: __MODULE__)
  def put(k, v), do: GenServer.call(__MODULE__, {:put, k, v})
  def get(k) do
    case :ets.lookup(:cache_table, k) do
      [{^k, v}] -> {:ok, v}
      [] -> :error
    end
  end
  def fetch(k, fun) do
    case get(k) do
      {:ok, v} -> v
      :error -> v = fun.(); put(k, v); v
    end
  end

  @impl true
  def init(nil) do
    table = :ets.new(:cache_table, [:named_table, :protected, read_concurrency: true])
    {:ok, table}
  end

  @impl true
  def handle_call({:put, k, v}, _from, table) do
    :ets.insert(table, {k, v})
    {:reply, :ok, table}
  end
end

{:ok, pid} = Cache.start_link(nil)
IO.inspect(Cache.get(:a))
IO.inspect(Cache.put(:a, 1))
IO.inspect(Cache.get(:a))
IO.inspect(Cache.fetch(:b, fn -> 2 * 21 end))
IO.inspect(Cache.fetch(:b, fn -> raise "not called" end))
IO.inspect(:ets.info(:cache_table, :owner) == pid)
IO.inspect(:ets.info(:cache_table, :size))
try do
  :ets.insert(:cache_table, {:c, 3})
rescue
  e -> IO.puts(Exception.message(e))
end
GenServer.stop(pid)
IO.inspect(:ets.info(:cache_table))
IO.inspect(:ets.whereis(:cache_table))
