# The :erlang BIFs on processes, as Erlang-flavoured tutorials call them.
defmodule Demo do
  def run do
    me = self()
    IO.inspect :erlang.is_process_alive(me)
    IO.inspect :erlang.whereis(:nobody)
    IO.inspect :erlang.register(:main, me)
    IO.inspect :erlang.whereis(:main) == me
    IO.inspect :main in :erlang.registered()
    IO.inspect :erlang.unregister(:main)
    IO.inspect Process.whereis(:main)
    pid = :erlang.spawn(fn -> receive do {from, x} -> send(from, {:echo, x}) end end)
    IO.inspect :erlang.process_info(pid, :status)
    :erlang.send(pid, {me, :hi})
    receive do
      {:echo, x} -> IO.inspect x
    end
    ref = :erlang.monitor(:process, pid)
    receive do
      {:DOWN, ^ref, :process, ^pid, reason} -> IO.inspect reason
    end
    IO.inspect :erlang.is_process_alive(pid)
    IO.inspect :erlang.process_flag(:trap_exit, true)
    linked = :erlang.spawn_link(fn -> exit(:bye) end)
    receive do
      {:EXIT, ^linked, r} -> IO.inspect r
    end
    IO.inspect :erlang.process_flag(:trap_exit, false)
    {p2, r2} = :erlang.spawn_monitor(Kernel, :exit, [:done])
    receive do
      {:DOWN, ^r2, :process, ^p2, r} -> IO.inspect r
    end
    IO.inspect :erlang.put(:k, 1)
    IO.inspect :erlang.put(:k, 2)
    IO.inspect :erlang.get(:k)
    IO.inspect :erlang.get(:missing)
    IO.inspect Process.get(:missing)
    IO.inspect :erlang.erase(:k)
    IO.inspect :erlang.erase(:k)
    t = :erlang.send_after(50, me, :tick)
    IO.inspect is_integer(:erlang.read_timer(t))
    IO.inspect is_integer(:erlang.cancel_timer(t))
    IO.inspect :erlang.cancel_timer(t)
    IO.inspect :erlang.demonitor(:erlang.monitor(:process, me))
    IO.inspect :erlang.demonitor(make_ref(), [:flush, :info])
    IO.inspect :erlang.node()
    IO.inspect :erlang.process_info(me, [:message_queue_len, :trap_exit])
  end
end
Demo.run()
