t = {:a, :b}
IO.inspect elem(t, 1)
IO.inspect elem(t, 2)
