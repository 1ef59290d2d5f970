# 100_000 ping-pong round trips between two processes.
defmodule PingPong do
  def pong do
    receive do
      {:ping, from, n} ->
        send from, {:pong, n}
        pong()
      :stop ->
        :ok
    end
  end

  def ping(_pong, 0), do: :done
  def ping(pong, n) do
    send pong, {:ping, self(), n}
    receive do
      {:pong, ^n} -> ping(pong, n - 1)
    end
  end
end
pong = spawn(PingPong, :pong, [])
IO.inspect PingPong.ping(pong, 100_000)
send pong, :stop
