pid = spawn(fn -> receive do _ -> :ok end end)
IO.inspect Process.info(pid, :message_queue_len)
IO.inspect Process.info(pid, [:links])
Process.register(pid, :worker)
IO.inspect Process.info(pid, :registered_name)
IO.inspect Process.put(:k, 1)
IO.inspect Process.get(:k)
IO.inspect Process.get(:nope, :default)
IO.inspect Process.delete(:k)
IO.inspect is_list(Process.list())
ref = Process.monitor(pid)
IO.inspect Process.info(self(), :monitors) |> elem(1) |> length()
Process.exit(pid, :kill)
receive do {:DOWN, ^ref, :process, _, r} -> IO.inspect r end
IO.inspect Process.alive?(pid)
IO.inspect Process.whereis(:worker)
{:ok, a} = Agent.start_link(fn -> 0 end)
Agent.update(a, &(&1 + 5))
IO.inspect Agent.get(a, & &1)
IO.inspect Agent.get_and_update(a, fn s -> {s, s * 2} end)
Agent.cast(a, &(&1 + 1))
IO.inspect Agent.get(a, & &1)
IO.inspect Agent.stop(a)
t = Task.async(fn -> 40 + 2 end)
IO.inspect Task.await(t)
IO.inspect Task.await_many([Task.async(fn -> 1 end), Task.async(fn -> 2 end)])
defmodule Slow do
  use GenServer
  def init(:stop), do: {:stop, :nope}
  def init(s), do: {:ok, s}
  def handle_call(:get, _from, s), do: {:reply, s, s}
  def handle_call(:slow, _from, s) do
    Process.sleep(200)
    {:reply, :ok, s}
  end
  def handle_cast({:set, v}, _s), do: {:noreply, v}
  def handle_info(msg, s) do
    IO.inspect {:info, msg}
    {:noreply, s}
  end
  def terminate(reason, _s), do: IO.inspect {:terminate, reason}
end
IO.inspect GenServer.start(Slow, :stop)
{:ok, g} = GenServer.start(Slow, 1, name: :slow)
GenServer.cast(:slow, {:set, 7})
IO.inspect GenServer.call(:slow, :get)
send(g, :hello)
Process.sleep(20)
try do
  GenServer.call(g, :slow, 50)
catch
  :exit, reason -> IO.inspect reason
end
IO.inspect :sys.get_state(g)
IO.inspect GenServer.stop(g)
IO.inspect Process.alive?(g)
try do
  GenServer.call(g, :get)
catch
  :exit, reason -> IO.inspect reason
end
children = [%{id: :a, start: {Agent, :start_link, [fn -> 1 end]}}]
{:ok, sup} = Supervisor.start_link(children, strategy: :one_for_one)
[{:a, apid, :worker, [Agent]}] = Supervisor.which_children(sup)
Process.exit(apid, :kill)
Process.sleep(50)
[{:a, apid2, :worker, [Agent]}] = Supervisor.which_children(sup)
IO.inspect apid2 != apid
IO.inspect Supervisor.count_children(sup)
