# :timer's send_after and send_interval: what they return, the messages
# they send, cancelling, and the errors they answer with.
{:ok, {:send_local, r}} = :timer.send_after(10, self(), :hello)
IO.inspect is_reference(r)
receive do
  m -> IO.inspect(m)
end

{:ok, _} = :timer.send_after(5, :to_myself)
receive do
  m -> IO.inspect(m)
end

Process.register(self(), :main)
{:ok, _} = :timer.send_after(5, :main, :by_name)
receive do
  m -> IO.inspect(m)
end

{:ok, {:interval, _} = t} = :timer.send_interval(5, :tick)
ticks = for _ <- 1..3, do: receive(do: (:tick -> :tick))
IO.inspect ticks
IO.inspect :timer.cancel(t)

{:ok, t2} = :timer.send_after(1000, :never)
IO.inspect :timer.cancel(t2)
IO.inspect :timer.cancel(:not_a_timer)
IO.inspect :timer.send_after(-1, :x)
IO.inspect :timer.send_after(:soon, self(), :x)
receive do
  :never -> IO.puts("fired after cancel")
after
  50 -> IO.puts("cancelled")
end
