# Agent: state behind a GenServer, read and changed with functions.
defmodule Agent do
  def start(fun, opts \\ []), do: GenServer.start(Agent.Server, fun, opts)
  def start_link(fun, opts \\ []), do: GenServer.start_link(Agent.Server, fun, opts)
  def get(agent, fun, timeout \\ 5000), do: GenServer.call(agent, {:get, fun}, timeout)
  def update(agent, fun, timeout \\ 5000), do: GenServer.call(agent, {:update, fun}, timeout)
  def get_and_update(agent, fun, timeout \\ 5000), do: GenServer.call(agent, {:get_and_update, fun}, timeout)

  def cast(agent, fun) do
    GenServer.cast(agent, {:cast, fun})
  end

  def stop(agent, reason \\ :normal, timeout \\ :infinity), do: GenServer.stop(agent, reason, timeout)
end

defmodule Agent.Server do
  def init(fun), do: {:ok, fun.()}
  def handle_call({:get, fun}, _from, state), do: {:reply, fun.(state), state}
  def handle_call({:update, fun}, _from, state), do: {:reply, :ok, fun.(state)}

  def handle_call({:get_and_update, fun}, _from, state) do
    {reply, new_state} = fun.(state)
    {:reply, reply, new_state}
  end

  def handle_cast({:cast, fun}, state), do: {:noreply, fun.(state)}
end
