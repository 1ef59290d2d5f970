IO.gets(:stdio, %{a: 1})
