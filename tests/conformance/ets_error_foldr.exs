t = :ets.new(:t, [])
:ets.insert(t, {1})
:ets.foldr(fn {x}, _acc -> x / 0 end, 0, t)
