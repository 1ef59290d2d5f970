parent = self()
pids = for i <- 1..5, do: spawn(fn -> receive do :go -> send(parent, {self(), i * 10}) end end)
Enum.each(pids, &send(&1, :go))
replies = for pid <- pids do
  receive do
    {^pid, v} -> v
  end
end
IO.inspect replies
