f = fn x -> x end
IO.inspect f.(1)
f.(1, 2)
