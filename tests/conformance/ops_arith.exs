IO.inspect 1 + 2
IO.inspect 10 - 15
IO.inspect 6 * 7
IO.inspect 10 / 4
IO.inspect 10 / 2
IO.inspect 1 + 2.0
IO.inspect div(7, 2)
IO.inspect rem(7, 2)
IO.inspect div(-7, 2)
IO.inspect rem(-7, 2)
IO.inspect div(7, -2)
IO.inspect rem(7, -2)
IO.inspect Integer.mod(-7, 2)
IO.inspect Integer.floor_div(-7, 2)
IO.inspect(-(5))
IO.inspect +5
IO.inspect(-(-5))
IO.inspect abs(-3)
IO.inspect abs(-3.5)
IO.inspect 2 * 3 + 4 * 5
IO.inspect (2 + 3) * 4
IO.inspect 10 - 2 - 3
IO.inspect 2 ** 10
IO.inspect 2.0 ** 3
IO.inspect max(3, 7)
IO.inspect min(3, 7.0)
IO.inspect round(2.5)
IO.inspect trunc(-2.7)
