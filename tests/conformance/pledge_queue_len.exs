defmodule Sleeper do
  def loop do
    receive do
      :go -> :ok
    end
  end
end

pid = spawn(fn -> Process.sleep(300) end)
send pid, {:create_pledge, "larry", 10}
send pid, {:create_pledge, "moe", 20}
send pid, {:create_pledge, "curly", 30}
IO.inspect Process.info(pid, :message_queue_len)
{:messages, msgs} = Process.info(pid, :messages)
IO.inspect msgs
IO.inspect length(msgs)
other = spawn(Sleeper, :loop, [])
send other, :other
send other, :go
Process.sleep(50)
IO.inspect Process.alive?(other)
