parent = self()
pid = spawn(fn ->
  Process.flag(:trap_exit, true)
  send(parent, :ready)
  loop = fn loop ->
    receive do
      msg -> send(parent, {:got, msg}); loop.(loop)
    end
  end
  loop.(loop)
end)
receive do :ready -> :ok end
Process.exit(pid, :normal)
Process.exit(pid, :because)
receive do m -> IO.inspect(m) end
receive do m -> IO.inspect(m) end
Process.exit(pid, :kill)
Process.sleep(20)
IO.inspect(Process.alive?(pid))
