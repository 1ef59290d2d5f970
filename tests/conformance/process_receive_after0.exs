r = receive do
  m -> {:got, m}
after
  0 -> :empty
end
IO.inspect r
send self(), :x
r = receive do
  m -> {:got, m}
after
  0 -> :empty
end
IO.inspect r
send self(), :y
r = receive do
  :z -> :z
after
  0 -> :no_z
end
IO.inspect r
IO.inspect Process.info(self(), :message_queue_len)
