result =
  receive do
    {:response, v} -> v
  after
    100 -> :timeout
  end
IO.inspect result

send self(), {:response, [{"larry", 10}]}
result =
  receive do
    {:response, v} -> v
  after
    100 -> :timeout
  end
IO.inspect result

IO.inspect(receive do
  x -> x
after
  0 -> :nothing
end)

t0 = System.monotonic_time(:millisecond)
receive do
after
  60 -> IO.puts "waited"
end
IO.inspect System.monotonic_time(:millisecond) - t0 >= 60
