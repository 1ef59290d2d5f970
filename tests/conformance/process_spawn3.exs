defmodule Worker do
  def run(parent, n) do
    send parent, {:result, n * n}
  end
end
pid = spawn(Worker, :run, [self(), 7])
IO.inspect is_pid(pid)
receive do
  {:result, v} -> IO.inspect v
end
spawn(Worker, :run, [self(), 8])
receive do
  {:result, v} -> IO.inspect v
after
  1000 -> IO.puts "timeout"
end
