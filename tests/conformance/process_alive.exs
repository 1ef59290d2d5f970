pid = spawn(fn ->
  receive do
    :stop -> :ok
  end
end)
IO.inspect Process.alive?(pid)
send pid, :stop
Process.sleep(50)
IO.inspect Process.alive?(pid)
short = spawn(fn -> 1 + 1 end)
Process.sleep(50)
IO.inspect Process.alive?(short)
