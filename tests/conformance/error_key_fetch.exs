kw = [port: 4000]
IO.inspect Keyword.fetch!(kw, :port)
IO.inspect Map.fetch!(%{"a" => 1}, "b")
