IO.puts("start")
Registry.lookup(NoSuchRegistry, :key)
