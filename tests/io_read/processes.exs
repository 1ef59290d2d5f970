# Other processes read the same input, one read at a time.
parent = self()

for i <- 1..3 do
  spawn(fn -> send(parent, {i, IO.gets("p#{i}> ")}) end)

  receive do
    {^i, line} -> IO.inspect(line, label: "process #{i}")
  end
end

IO.inspect(Task.await(Task.async(fn -> IO.read(:stdio, :line) end)), label: "task")
IO.inspect(IO.gets("parent> "), label: "parent")

for i <- 1..2, do: spawn(fn -> send(parent, {:chunk, IO.read(:stdio, 4)}) end)
IO.inspect(Enum.sort(for _ <- 1..2, do: receive(do: ({:chunk, c} -> c))))
IO.inspect(IO.read(:eof), label: "rest")
