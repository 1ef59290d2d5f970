# A user module as a :via name registry.
defmodule MyNames do
  def start, do: Agent.start_link(fn -> %{} end, name: __MODULE__)

  def register_name(name, pid) do
    Agent.get_and_update(__MODULE__, fn names ->
      if Map.has_key?(names, name), do: {:no, names}, else: {:yes, Map.put(names, name, pid)}
    end)
  end

  def unregister_name(name), do: Agent.update(__MODULE__, &Map.delete(&1, name))
  def whereis_name(name), do: Agent.get(__MODULE__, &Map.get(&1, name, :undefined))

  def send(name, msg) do
    case whereis_name(name) do
      :undefined -> :erlang.error(:badarg, [name, msg])
      pid -> Kernel.send(pid, msg)
    end
  end
end

defmodule Counter do
  use GenServer
  def init(n), do: {:ok, n}
  def handle_call(:get, _, n), do: {:reply, n, n}
  def handle_cast(:inc, n), do: {:noreply, n + 1}
end

{:ok, _} = MyNames.start()
name = {:via, MyNames, {:counter, 1}}
{:ok, pid} = GenServer.start_link(Counter, 10, name: name)
IO.inspect(MyNames.whereis_name({:counter, 1}) == pid)
GenServer.cast(name, :inc)
GenServer.cast({:via, MyNames, :nobody}, :inc)
IO.inspect(GenServer.call(name, :get))
IO.inspect(GenServer.start_link(Counter, 0, name: name) == {:error, {:already_started, pid}})
IO.inspect(GenServer.start(Counter, 0, name: {:via, MyNames, :other}) |> elem(0))

defmodule Failing do
  use GenServer
  def init(_), do: {:stop, :no_way}
end

IO.inspect(GenServer.start(Failing, 0, name: {:via, MyNames, :failing}))
IO.inspect(MyNames.whereis_name(:failing))

try do
  GenServer.call({:via, MyNames, :missing}, :get)
catch
  :exit, reason -> IO.inspect(reason)
end
