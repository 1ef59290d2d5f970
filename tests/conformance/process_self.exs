me = self()
IO.inspect me
IO.inspect self() == me
IO.inspect inspect(me) =~ "#PID<"
pid = spawn(fn -> receive do {:who, from} -> send(from, {:me, self()}) end end)
send pid, {:who, me}
receive do
  {:me, other} -> IO.inspect {other == pid, other}
end
IO.inspect [me, pid, me]
