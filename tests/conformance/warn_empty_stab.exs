x = 2
r = case x do
  1 -> :one
  2 ->
end
IO.inspect(r)
f = fn
  1 -> :one
  _ ->
end
IO.inspect({f.(1), f.(3)})
g = fn -> end
IO.inspect(g.())
send(self(), :hi)
IO.inspect(receive do
  :hi ->
end)
IO.inspect(:"ok")
