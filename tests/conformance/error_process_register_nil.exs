Process.register(self(), nil)
