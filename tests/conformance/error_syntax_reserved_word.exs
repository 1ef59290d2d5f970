IO.puts("before")
x = 1 rescue 2
