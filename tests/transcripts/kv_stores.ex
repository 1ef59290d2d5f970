# Managing several key-value stores with GenServer processes: a Manager,
# registered under its module name, creates a store server per name (the same
# name gives the same pid); each server keeps its values in a KeyVal.Store.
defmodule KeyVal.Store do
  def new, do: %{}
  def put(store, key, value), do: Map.put(store, key, value)
  def get(store, key), do: Map.get(store, key)
  def del(store, key), do: Map.delete(store, key)
end

defmodule KeyVal.Server do
  use GenServer

  def start, do: GenServer.start(__MODULE__, nil)
  def put(pid, key, value), do: GenServer.cast(pid, {:put, key, value})
  def get(pid, key), do: GenServer.call(pid, {:get, key})
  def del(pid, key), do: GenServer.cast(pid, {:del, key})

  @impl true
  def init(_), do: {:ok, KeyVal.Store.new()}

  @impl true
  def handle_cast({:put, key, value}, store), do: {:noreply, KeyVal.Store.put(store, key, value)}
  def handle_cast({:del, key}, store), do: {:noreply, KeyVal.Store.del(store, key)}

  @impl true
  def handle_call({:get, key}, _from, store), do: {:reply, KeyVal.Store.get(store, key), store}
end

defmodule KeyVal.Manager do
  use GenServer

  def start, do: GenServer.start(__MODULE__, nil, name: __MODULE__)
  def create_store(name), do: GenServer.call(__MODULE__, {:create_store, name})

  @impl true
  def init(_), do: {:ok, %{}}

  @impl true
  def handle_call({:create_store, name}, _from, stores) do
    case Map.fetch(stores, name) do
      {:ok, pid} ->
        {:reply, pid, stores}

      :error ->
        {:ok, pid} = KeyVal.Server.start()
        {:reply, pid, Map.put(stores, name, pid)}
    end
  end
end

