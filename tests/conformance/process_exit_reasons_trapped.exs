Process.flag(:trap_exit, true)
for reason <- [:normal, :shutdown, {:shutdown, :x}, :kill, :custom, {:error, 1}] do
  pid = spawn_link(fn -> Process.sleep(:infinity) end)
  Process.exit(pid, reason)
  receive do
    {:EXIT, ^pid, r} -> IO.inspect({reason, r})
  after 100 -> IO.inspect({reason, :no_exit, Process.alive?(pid)})
  end
end
