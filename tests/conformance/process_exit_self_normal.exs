IO.puts("before")
Process.exit(self(), :normal)
IO.puts("after normal")
exit(:shutdown)
