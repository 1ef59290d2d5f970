IO.puts("before")
Process.exit(self(), :kill)
IO.puts("after")
