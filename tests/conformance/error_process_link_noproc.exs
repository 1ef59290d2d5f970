# Linking to a process that is gone: a process trapping exits is told by
# an :EXIT message; one that is not gets an ErlangError, whose report
# explains it.
pid = spawn(fn -> :ok end)
Process.sleep(20)
try do
  Process.link(pid)
rescue
  e -> IO.inspect({e, Exception.message(e)})
end
Process.flag(:trap_exit, true)
IO.inspect Process.link(pid)
receive do
  m -> IO.inspect m
end
Process.flag(:trap_exit, false)
:erlang.link(pid)
