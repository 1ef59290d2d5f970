# A dynamic supervisor restarts a permanent child however it exits, a
# transient one only when it fails, and never a temporary one.
{:ok, sup} = DynamicSupervisor.start_link(strategy: :one_for_one)
{:ok, a} = DynamicSupervisor.start_child(sup, {Agent, fn -> :perm end})
{:ok, t} = DynamicSupervisor.start_child(sup, Supervisor.child_spec({Agent, fn -> :trans end}, restart: :transient))
{:ok, tmp} = DynamicSupervisor.start_child(sup, Supervisor.child_spec({Agent, fn -> :temp end}, restart: :temporary))
IO.inspect DynamicSupervisor.count_children(sup)
Agent.stop(a)
Agent.stop(t)
Agent.stop(tmp)
children = DynamicSupervisor.which_children(sup)
IO.inspect length(children)
[{:undefined, a2, :worker, [Agent]}] = children
IO.inspect a2 != a
IO.inspect Agent.get(a2, & &1)
Process.exit(a2, :kill)
Process.sleep(50)
[{:undefined, a3, :worker, [Agent]}] = DynamicSupervisor.which_children(sup)
IO.inspect a3 != a2
IO.inspect Agent.get(a3, & &1)
{:ok, t2} = DynamicSupervisor.start_child(sup, Supervisor.child_spec({Agent, fn -> :trans end}, restart: :transient))
Process.exit(t2, :kill)
Process.sleep(50)
IO.inspect DynamicSupervisor.count_children(sup)
IO.inspect DynamicSupervisor.which_children(sup) |> Enum.map(fn {_, p, _, _} -> Agent.get(p, & &1) end) |> Enum.sort()
