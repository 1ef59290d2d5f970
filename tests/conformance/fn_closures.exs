x = 10
add_x = fn y -> x + y end
x = 100
IO.inspect add_x.(1)
IO.inspect x
make_counter = fn start -> fn inc -> start + inc end end
c = make_counter.(5)
IO.inspect c.(2)
IO.inspect make_counter.(0).(7)
adders = Enum.map(1..3, fn n -> fn m -> n + m end end)
IO.inspect Enum.map(adders, fn f -> f.(10) end)
compose = fn f, g -> fn v -> g.(f.(v)) end end
inc_then_double = compose.(&(&1 + 1), &(&1 * 2))
IO.inspect inc_then_double.(3)
greet = fn -> "hi" end
IO.inspect greet.()
IO.inspect (fn a, b -> a * b end).(6, 7)
