fact = fn
  f, 0 -> 1
  f, n -> n * f.(f, n - 1)
end
IO.inspect fact.(fact, 10)
IO.inspect fact.(fact, 30)
sum = fn
  _, [], acc -> acc
  s, [h | t], acc -> s.(s, t, acc + h)
end
IO.inspect sum.(sum, Enum.to_list(1..1000), 0)
counter = fn c, n -> if n == 0, do: :done, else: c.(c, n - 1) end
IO.inspect counter.(counter, 100_000)
