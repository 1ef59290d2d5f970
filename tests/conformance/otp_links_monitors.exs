defmodule LinksMonitors do
  def run do
    Process.flag(:trap_exit, true)
    pid = spawn_link(fn -> exit(:boom) end)
    receive do
      {:EXIT, ^pid, reason} -> IO.inspect {:exit, reason}
    end
    pid2 = spawn_link(fn -> :ok end)
    receive do
      {:EXIT, ^pid2, reason} -> IO.inspect {:exit, reason}
    end
    {p, r} = spawn_monitor(fn -> Process.sleep(20) end)
    receive do
      {:DOWN, ^r, :process, ^p, reason} -> IO.inspect {:down, reason}
    end
    r2 = Process.monitor(p)
    receive do
      {:DOWN, ^r2, :process, _, reason} -> IO.inspect {:down_dead, reason}
    end
    victim = spawn(fn -> Process.sleep(:infinity) end)
    r3 = Process.monitor(victim)
    Process.exit(victim, :kill)
    receive do
      {:DOWN, ^r3, _, _, reason} -> IO.inspect {:killed, reason}
    end
    other = spawn(fn -> Process.sleep(:infinity) end)
    r4 = Process.monitor(other)
    Process.exit(other, :custom)
    receive do
      {:DOWN, ^r4, _, _, reason} -> IO.inspect {:custom, reason}
    end
    calm = spawn(fn -> Process.sleep(:infinity) end)
    Process.exit(calm, :normal)
    Process.sleep(20)
    IO.inspect Process.alive?(calm)
    r5 = Process.monitor(calm)
    IO.inspect Process.demonitor(r5)
    Process.exit(calm, :kill)
    Process.sleep(20)
    IO.inspect Process.alive?(calm)
    Process.flag(:trap_exit, false)
    a = spawn(fn -> Process.sleep(:infinity) end)
    b = spawn(fn ->
      Process.link(a)
      Process.sleep(20)
      exit(:linked_crash)
    end)
    Process.sleep(100)
    IO.inspect {Process.alive?(a), Process.alive?(b)}
  end
end
LinksMonitors.run()
