IO.puts("before")
IO.getn("p", 0)
