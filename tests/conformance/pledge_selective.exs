# Selective receive takes the first matching message and leaves the others in order.
send self(), {:a, 1}
send self(), {:b, 2}
send self(), {:a, 3}
send self(), {:c, 4}
IO.inspect Process.info(self(), :message_queue_len)
receive do
  {:b, x} -> IO.puts "got b #{x}"
end
IO.inspect Process.info(self(), :messages)
receive do
  {:c, x} -> IO.puts "got c #{x}"
end
IO.inspect Process.info(self(), :messages)
receive do
  {tag, x} -> IO.inspect {tag, x}, label: "first left"
end
IO.inspect Process.info(self(), :message_queue_len)
