# GenServer, Agent and Supervisor named {:via, Registry, {reg, key}}.
defmodule Room do
  use GenServer
  def start_link(name), do: GenServer.start_link(__MODULE__, name, name: via(name))
  def via(name), do: {:via, Registry, {Rooms, name}}
  def init(name), do: {:ok, {name, []}}
  def handle_call(:messages, _from, {_, msgs} = state), do: {:reply, Enum.reverse(msgs), state}
  def handle_cast({:post, m}, {name, msgs}), do: {:noreply, {name, [m | msgs]}}
  def handle_info({:post, m}, {name, msgs}), do: {:noreply, {name, [m | msgs]}}
end

{:ok, _} = Registry.start_link(keys: :unique, name: Rooms)
{:ok, pid} = Room.start_link("room:1")
IO.inspect(Registry.lookup(Rooms, "room:1") == [{pid, nil}])
IO.inspect(GenServer.whereis(Room.via("room:1")) == pid)
IO.inspect(GenServer.whereis(Room.via("room:2")))
IO.inspect(Room.start_link("room:1") == {:error, {:already_started, pid}})
GenServer.cast(Room.via("room:1"), {:post, "hi"})
GenServer.cast(Room.via("room:2"), {:post, "lost"})
Registry.send({Rooms, "room:1"}, {:post, "sent"})
IO.inspect(GenServer.call(Room.via("room:1"), :messages))
IO.inspect(Registry.keys(Rooms, pid))

try do
  GenServer.call(Room.via("room:2"), :messages)
catch
  :exit, reason -> IO.inspect(reason)
end

try do
  Registry.send({Rooms, "room:2"}, :hi)
rescue
  e -> IO.inspect(e)
end

{:ok, agent} = Agent.start_link(fn -> 0 end, name: {:via, Registry, {Rooms, :counter, :with_value}})
IO.inspect(Registry.lookup(Rooms, :counter) == [{agent, :with_value}])
Agent.update({:via, Registry, {Rooms, :counter}}, &(&1 + 5))
IO.inspect(Agent.get({:via, Registry, {Rooms, :counter}}, & &1))
GenServer.stop(pid)
Process.sleep(50)
IO.inspect(Registry.lookup(Rooms, "room:1"))
IO.inspect(Registry.whereis_name({Rooms, "room:1"}))
IO.inspect(Registry.register_name({Rooms, "mine"}, self()))
IO.inspect(Registry.register_name({Rooms, "mine"}, self()))
IO.inspect(Registry.whereis_name({Rooms, "mine"}) == self())
IO.inspect(Registry.unregister_name({Rooms, "mine"}))
IO.inspect(Registry.whereis_name({Rooms, "mine"}))
