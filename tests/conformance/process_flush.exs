defmodule Mailbox do
  def flush do
    receive do
      msg ->
        IO.inspect msg, label: "flushed"
        flush()
    after
      0 -> :ok
    end
  end
end
send self(), :a
send self(), {:b, [1, 2]}
send self(), %{c: 3}
IO.inspect Mailbox.flush()
IO.inspect Process.info(self(), :message_queue_len)
IO.inspect Mailbox.flush()
