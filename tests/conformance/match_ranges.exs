a..b = 1..10//2
IO.inspect {a, b}
a..b//s = 10..1//-3
IO.inspect {a, b, s}
case 3..1//-1 do
  x..y//1 -> IO.inspect {:up, x, y}
  x..y//-1 -> IO.inspect {:down, x, y}
end
f = fn 0..n -> n; _ -> :other end
IO.inspect f.(0..5)
IO.inspect f.(1..5)
IO.inspect match?(_.._, 1..2)
IO.inspect match?(_.._, [1, 2])
