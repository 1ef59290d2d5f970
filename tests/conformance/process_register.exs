pid = spawn(fn ->
  receive do
    {from, :ping} -> send(from, :pong)
  end
end)
Process.register(pid, :pinger)
IO.inspect Process.whereis(:pinger) == pid
send :pinger, {self(), :ping}
receive do
  :pong -> IO.puts "pong"
end
Process.sleep(20)
IO.inspect Process.whereis(:pinger)
