# Agent: state behind a GenServer, read and changed with functions or
# {module, function, args}.
defmodule Agent do
  def start_link(fun, options \\ []) when is_function(fun, 0),
    do: GenServer.start_link(Agent.Server, fun, options)

  def start_link(module, fun, args, options \\ []),
    do: GenServer.start_link(Agent.Server, {module, fun, args}, options)

  def start(fun, options \\ []) when is_function(fun, 0), do: GenServer.start(Agent.Server, fun, options)
  def start(module, fun, args, options \\ []), do: GenServer.start(Agent.Server, {module, fun, args}, options)

  def get(agent, fun, timeout \\ 5000) when is_function(fun, 1), do: GenServer.call(agent, {:get, fun}, timeout)
  def get(agent, module, fun, args, timeout \\ 5000), do: GenServer.call(agent, {:get, {module, fun, args}}, timeout)

  def get_and_update(agent, fun, timeout \\ 5000) when is_function(fun, 1),
    do: GenServer.call(agent, {:get_and_update, fun}, timeout)

  def get_and_update(agent, module, fun, args, timeout \\ 5000),
    do: GenServer.call(agent, {:get_and_update, {module, fun, args}}, timeout)

  def update(agent, fun, timeout \\ 5000) when is_function(fun, 1),
    do: GenServer.call(agent, {:update, fun}, timeout)

  def update(agent, module, fun, args, timeout \\ 5000),
    do: GenServer.call(agent, {:update, {module, fun, args}}, timeout)

  def cast(agent, fun) when is_function(fun, 1), do: GenServer.cast(agent, {:cast, fun})
  def cast(agent, module, fun, args), do: GenServer.cast(agent, {:cast, {module, fun, args}})

  def stop(agent, reason \\ :normal, timeout \\ :infinity), do: GenServer.stop(agent, reason, timeout)

  def child_spec(arg), do: %{id: Agent, start: {Agent, :start_link, [arg]}}
end

defmodule Agent.Server do
  use GenServer

  def init(fun), do: {:ok, run(fun, [])} # elixir: lib/agent/server.ex:8

  def handle_call({:get, fun}, _from, state) do
    {:reply, run(fun, [state]), state} # elixir: lib/agent/server.ex:12
  end

  def handle_call({:get_and_update, fun}, _from, state) do
    case run(fun, [state]) do # elixir: lib/agent/server.ex:16
      {reply, state} -> {:reply, reply, state}
      other -> {:stop, {:bad_return_value, other}, state}
    end
  end

  def handle_call({:update, fun}, _from, state) do
    {:reply, :ok, run(fun, [state])} # elixir: lib/agent/server.ex:23
  end

  def handle_cast({:cast, fun}, state) do
    {:noreply, run(fun, [state])} # elixir: lib/agent/server.ex:27
  end

  defp run({m, f, a}, extra), do: apply(m, f, extra ++ a)
  defp run(fun, extra), do: apply(fun, extra)
end
