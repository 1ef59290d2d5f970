for i <- 1..5, do: send(self(), {:n, i})
send self(), :urgent
receive do
  :urgent -> IO.puts "urgent first"
end
receive do
  {:n, 3} -> IO.puts "took 3"
end
drain = fn drain, acc ->
  receive do
    {:n, i} -> drain.(drain, [i | acc])
  after
    0 -> Enum.reverse(acc)
  end
end
IO.inspect drain.(drain, [])
