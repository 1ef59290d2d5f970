pid = spawn(fn ->
  receive do
    :crash -> exit(:boom)
  end
end)
ref = Process.monitor(pid)
IO.inspect is_reference(ref)
send pid, :crash
receive do
  {:DOWN, r, :process, p, reason} -> IO.inspect {r == ref, p == pid, reason}, label: "down"
end
Process.flag(:trap_exit, true)
linked = spawn_link(fn -> exit(:linked_exit) end)
receive do
  {:EXIT, p, reason} -> IO.inspect {p == linked, reason}, label: "exit"
end
