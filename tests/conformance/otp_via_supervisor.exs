# A Registry as a Supervisor child, with workers named through it.
defmodule Worker do
  use GenServer
  def start_link(id), do: GenServer.start_link(__MODULE__, id, name: {:via, Registry, {Workers, id}})
  def init(id), do: {:ok, id}
  def handle_call(:id, _from, id), do: {:reply, id, id}
end

children = [
  {Registry, keys: :unique, name: Workers},
  Supervisor.child_spec({Worker, :a}, id: :a),
  Supervisor.child_spec({Worker, :b}, id: :b)
]

{:ok, sup} = Supervisor.start_link(children, strategy: :one_for_one)
IO.inspect(Supervisor.which_children(sup) |> Enum.map(fn {id, _, type, mods} -> {id, type, mods} end))
IO.inspect(GenServer.call({:via, Registry, {Workers, :a}}, :id))
IO.inspect(Registry.count(Workers))
old = GenServer.whereis({:via, Registry, {Workers, :b}})
Process.exit(old, :kill)
Process.sleep(100)
new = GenServer.whereis({:via, Registry, {Workers, :b}})
IO.inspect(is_pid(new) and new != old)
IO.inspect(GenServer.call({:via, Registry, {Workers, :b}}, :id))
IO.inspect(Registry.count(Workers))
{:ok, dsup} = DynamicSupervisor.start_link(strategy: :one_for_one, name: {:via, Registry, {Workers, :dyn}})
IO.inspect(GenServer.whereis({:via, Registry, {Workers, :dyn}}) == dsup)
{:ok, c} = DynamicSupervisor.start_child({:via, Registry, {Workers, :dyn}}, {Worker, :c})
IO.inspect(Registry.lookup(Workers, :c) == [{c, nil}])
IO.inspect(DynamicSupervisor.count_children({:via, Registry, {Workers, :dyn}}))
