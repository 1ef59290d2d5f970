send self(), :one
send self(), {:two, 2}
send self(), "three"
receive do
  :one -> IO.puts "one"
end
receive do
  {:two, n} -> IO.puts "two #{n}"
end
receive do
  s when is_binary(s) -> IO.puts "string #{s}"
end
echo = spawn(fn ->
  receive do
    {from, msg} -> send from, {:echo, msg}
  end
end)
send echo, {self(), [1, 2, 3]}
receive do
  {:echo, msg} -> IO.inspect msg
end
