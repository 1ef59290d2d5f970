# Entries of a process go when it exits; registering links to the partition.
{:ok, _} = Registry.start_link(keys: :unique, name: Reg)
parent = self()

pid =
  spawn(fn ->
    {:ok, owner} = Registry.register(Reg, :worker, 1)
    {:ok, _} = Registry.register(Reg, :worker2, 2)
    send(parent, {:links, Process.info(self(), :links) == {:links, [owner]}})
    receive do: (:stop -> :ok)
  end)

receive do: ({:links, l} -> IO.inspect(l, label: "linked"))
IO.inspect(Registry.lookup(Reg, :worker) == [{pid, 1}])
IO.inspect(Registry.count(Reg))
send(pid, :stop)
Process.sleep(50)
IO.inspect(Registry.lookup(Reg, :worker))
IO.inspect(Registry.keys(Reg, pid))
IO.inspect(Registry.count(Reg))

crasher = spawn(fn -> Registry.register(Reg, :crash, 0); receive do: (:go -> exit(:boom)) end)
Process.sleep(20)
IO.inspect(Registry.count(Reg))
send(crasher, :go)
Process.sleep(50)
IO.inspect(Registry.lookup(Reg, :crash))
IO.inspect(Process.alive?(Process.whereis(Reg.PIDPartition0)))
{:ok, owner} = Registry.register(Reg, :crash, :mine)
{:links, links} = Process.info(self(), :links)
IO.inspect(owner in links, label: "linked")
Registry.unregister(Reg, :crash)
{:links, links} = Process.info(self(), :links)
IO.inspect(owner in links, label: "linked")
