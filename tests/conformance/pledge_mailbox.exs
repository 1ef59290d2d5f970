defmodule Responder do
  def loop do
    receive do
      {sender, n} ->
        send sender, {:response, n * 10}
        loop()
    end
  end
end
pid = spawn(Responder, :loop, [])
for n <- 1..3, do: send(pid, {self(), n})
Process.sleep(50)
IO.puts "Checking the mailbox..."
IO.inspect Process.info(self(), :message_queue_len)
IO.inspect Process.info(self(), :messages)
receive do {:response, v} -> IO.inspect v end
IO.inspect Process.info(self(), :messages)
receive do {:response, v} -> IO.inspect v end
receive do {:response, v} -> IO.inspect v end
IO.inspect Process.info(self(), :messages)
IO.inspect Process.alive?(pid)
