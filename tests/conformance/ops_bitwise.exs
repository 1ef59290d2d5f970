import Bitwise
IO.inspect {band(12, 10), bor(12, 3), bxor(5, 1), bnot(5)}
IO.inspect {12 &&& 10, 12 ||| 3, 1 <<< 70, -16 >>> 2, ~~~5}
IO.inspect {1 <<< -1, -1 >>> 100, (2 ** 70) &&& 0xFF, bsl(-3, 2)}
IO.inspect Bitwise.band(3, 1)
IO.inspect Enum.reduce([1, 2, 4], 0, &Bitwise.bor/2)
IO.inspect :erlang.bxor(2 ** 64, 1)
try do
  Bitwise.band(1.0, 1)
rescue
  e -> IO.inspect(e)
end
x = 1.5
x <<< 2
