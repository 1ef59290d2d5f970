defmodule S do
  defstruct name: "x", age: 0
end
defmodule T do
  def run do
    s = %S{name: "a"}
    IO.inspect s
    IO.inspect %{s | age: 3}
    %S{name: n} = s
    IO.inspect n
    IO.inspect s.__struct__
    s
  end
end
s = T.run()
try do
  1 + :a
rescue
  e -> IO.inspect e
end
try do
  {:a} = {:b}
rescue
  e -> IO.inspect e
end
try do
  case 1 do 2 -> 2 end
rescue
  e -> IO.inspect e
end
try do
  cond do false -> 1 end
rescue
  e -> IO.inspect e
end
try do
  with {:ok, x} <- :no do x else :yes -> 1 end
rescue
  e -> IO.inspect e
end
try do
  (fn x -> x end).(1, 2)
rescue
  e -> IO.inspect e
end
try do
  x = 5
  x.(1)
rescue
  e -> IO.inspect e
end
try do
  Nope.f()
rescue
  e -> IO.inspect e; IO.puts Exception.message(e)
end
try do
  %{a: 1}.b
rescue
  e -> IO.inspect e; IO.puts Exception.message(e)
end
try do
  S.nope(1)
rescue
  e -> IO.puts Exception.message(e)
end
defmodule E do
  defexception message: "custom"
end
try do raise E rescue e -> IO.inspect e end
try do raise E, message: "m2" rescue e -> IO.inspect e end
try do
  try do raise "x" rescue e -> reraise e, __STACKTRACE__ end
rescue
  e -> IO.inspect e
end
pid = spawn(fn -> receive do {:hi, from} -> send(from, :hello) end end)
send(pid, {:hi, self()})
receive do
  m -> IO.inspect m
after 1000 -> :timeout
end
IO.inspect Process.alive?(pid)
IO.inspect(receive do x -> x after 0 -> :none end)
