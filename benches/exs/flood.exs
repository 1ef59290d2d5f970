# A flood: one process sends 200_000 messages to another, which counts them.
counter = spawn(fn ->
  count = fn count, n ->
    receive do
      {:msg, _} -> count.(count, n + 1)
      {:done, from} -> send from, {:count, n}
    end
  end
  count.(count, 0)
end)
Enum.each(1..200_000, fn i -> send counter, {:msg, i} end)
send counter, {:done, self()}
receive do
  {:count, n} -> IO.inspect n
end
