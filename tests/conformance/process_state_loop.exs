defmodule Counter do
  def start(n), do: spawn(fn -> loop(n) end)
  def loop(n) do
    receive do
      :inc -> loop(n + 1)
      {:add, k} -> loop(n + k)
      {:get, from} ->
        send from, {:count, n}
        loop(n)
      :stop -> IO.puts "counter stopping at #{n}"
    end
  end
end
c = Counter.start(0)
for _ <- 1..100, do: send(c, :inc)
send c, {:add, 50}
send c, {:get, self()}
receive do
  {:count, n} -> IO.inspect n
end
send c, :stop
Process.sleep(50)
IO.inspect Process.alive?(c)
