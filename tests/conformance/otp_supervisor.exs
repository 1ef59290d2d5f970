defmodule Worker do
  use GenServer
  def start_link(name), do: GenServer.start_link(__MODULE__, name, name: name)
  def init(name), do: {:ok, name}
  def handle_call(:crash, _from, _), do: raise("boom")
  def handle_call(:ping, _from, name), do: {:reply, {:pong, name}, name}
end
children = [
  %{id: :a, start: {Worker, :start_link, [:a]}},
  %{id: :b, start: {Worker, :start_link, [:b]}}
]
{:ok, sup} = Supervisor.start_link(children, strategy: :one_for_one)
IO.inspect is_pid(sup)
IO.inspect GenServer.call(:a, :ping)
old = Process.whereis(:a)
Process.exit(old, :kill)
Process.sleep(100)
new = Process.whereis(:a)
IO.inspect is_pid(new) and new != old
IO.inspect GenServer.call(:a, :ping)
IO.inspect length(Supervisor.which_children(sup))
IO.inspect Enum.map(Supervisor.which_children(sup), fn {id, _, type, mods} -> {id, type, mods} end) |> Enum.sort()
