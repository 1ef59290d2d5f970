kw = [a: 1, b: 2, a: 3, c: 4]
IO.inspect Keyword.filter(kw, fn {_, v} -> v > 1 end)
IO.inspect Keyword.reject(kw, fn {k, _} -> k == :a end)
IO.inspect Keyword.replace(kw, :a, 9)
IO.inspect Keyword.replace(kw, :z, 9)
IO.inspect Keyword.replace!(kw, :b, 0)
IO.inspect Keyword.pop!(kw, :a)
IO.inspect Keyword.pop_first(kw, :a)
IO.inspect Keyword.pop_first(kw, :z, :none)
IO.inspect Keyword.pop_lazy(kw, :z, fn -> :lazy end)
IO.inspect Keyword.pop_values(kw, :a)
IO.inspect Keyword.put_new_lazy(kw, :z, fn -> 26 end)
IO.inspect Keyword.put_new_lazy(kw, :a, fn -> 26 end)
IO.inspect Keyword.split(kw, [:a, :c])
IO.inspect Keyword.from_keys([:x, :y], 0)
IO.inspect Keyword.equal?([a: 1, b: 2], [b: 2, a: 1])
IO.inspect Keyword.equal?([a: 1], [a: 1, a: 1])
try do
  Keyword.replace!(kw, :z, 1)
rescue
  e -> IO.puts(Exception.message(e))
end
try do
  Keyword.pop!(kw, :z)
rescue
  e -> IO.puts(Exception.message(e))
end
