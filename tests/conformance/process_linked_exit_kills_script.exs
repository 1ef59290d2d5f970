spawn_link(fn -> exit(:crash) end)
Process.sleep(100)
IO.puts("never")
