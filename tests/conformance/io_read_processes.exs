# Any process can read; at the end of input every one gets :eof.
parent = self()

for i <- 1..3 do
  spawn(fn -> send(parent, {i, IO.gets("p#{i}> ")}) end)

  receive do
    {i, got} -> IO.inspect({i, got})
  end
end

# Several at once: each read is served whole (their prompts are empty so
# that the order they are served in does not show).
for i <- 1..3, do: spawn(fn -> send(parent, {i, IO.read(:stdio, :line)}) end)
IO.inspect(Enum.sort(for _ <- 1..3, do: receive(do: (m -> m))))

task = Task.async(fn -> IO.read(:stdio, :line) end)
IO.inspect(Task.await(task))

IO.inspect(Task.async(fn -> IO.stream() |> Enum.to_list() end) |> Task.await())
