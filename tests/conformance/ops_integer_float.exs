IO.inspect 7 / 7
IO.inspect 1 / 8
IO.inspect 2 / 3
IO.inspect 1.0e300 * 10
IO.inspect 123456789 * 987654321
IO.inspect 4611686018427387904 * 2
IO.inspect div(100000000000000000000, 3)
IO.inspect rem(100000000000000000000, 7)
IO.inspect 100000000000000000000 / 4
IO.inspect 3 == 3.0
IO.inspect 0.1 * 3
IO.inspect 1.0 - 0.9
IO.inspect -0.0
IO.inspect 5.0e-324
IO.inspect 1.7976931348623157e308
IO.inspect Float.round(3.14159, 2)
IO.inspect Float.floor(-1.5)
IO.inspect Float.ceil(1.2)
IO.inspect 1.0e15 + 0.3
IO.inspect 9007199254740993.0
