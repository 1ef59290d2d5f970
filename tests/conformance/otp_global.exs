# :global names on one node, and GenServers named {:global, name}.
IO.inspect(:global.register_name(:me, self()))
IO.inspect(:global.register_name(:me, self()))
IO.inspect(:global.whereis_name(:me) == self())
IO.inspect(:global.whereis_name(:nobody))
IO.inspect(:global.registered_names())
IO.inspect(:global.send(:me, :hello) == self())
receive do: (m -> IO.inspect(m))

try do
  :global.send(:nobody, :hi)
catch
  :exit, reason -> IO.inspect(reason)
end

IO.inspect(:global.unregister_name(:me))
IO.inspect(:global.unregister_name(:me))
IO.inspect(:global.registered_names())

defmodule Stack do
  use GenServer
  def init(items), do: {:ok, items}
  def handle_call(:pop, _, [h | t]), do: {:reply, h, t}
  def handle_cast({:push, x}, items), do: {:noreply, [x | items]}
end

{:ok, pid} = GenServer.start_link(Stack, [1], name: {:global, :stack})
IO.inspect(:global.whereis_name(:stack) == pid)
IO.inspect(GenServer.whereis({:global, :stack}) == pid)
IO.inspect(GenServer.whereis({:global, :none}))
GenServer.cast({:global, :stack}, {:push, 2})
GenServer.cast({:global, :none}, {:push, 3})
IO.inspect(GenServer.call({:global, :stack}, :pop))
IO.inspect(GenServer.start_link(Stack, [], name: {:global, :stack}) == {:error, {:already_started, pid}})
{:ok, agent} = Agent.start(fn -> :state end, name: {:global, {:agent, 1}})
IO.inspect(Agent.get({:global, {:agent, 1}}, & &1))
IO.inspect(Enum.sort(:global.registered_names()))
Agent.stop(agent)
Process.sleep(50)
IO.inspect(:global.whereis_name({:agent, 1}))

try do
  GenServer.call({:global, :none}, :pop)
catch
  :exit, reason -> IO.inspect(reason)
end
