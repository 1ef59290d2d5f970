pid = spawn(fn ->
  receive do
    :never -> :ok
  end
end)
IO.inspect Process.info(pid, :message_queue_len)
send pid, :a
send pid, {:b, 1}
send pid, "c"
IO.inspect Process.info(pid, :message_queue_len)
IO.inspect Process.info(pid, :messages)
send self(), :mine
IO.inspect Process.info(self(), :message_queue_len)
IO.inspect Process.info(self(), :messages)
Process.exit(pid, :kill)
Process.sleep(20)
IO.inspect Process.info(pid, :messages)
