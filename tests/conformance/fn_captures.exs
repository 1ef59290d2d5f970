up = &String.upcase/1
IO.inspect up.("hello")
IO.inspect Enum.map(["a", "b"], &String.upcase/1)
inc = &(&1 + 1)
IO.inspect inc.(41)
id = & &1
IO.inspect id.(:same)
add = &(&1 + &2)
IO.inspect add.(2, 3)
tuple = &{&1, &2}
IO.inspect tuple.(:a, :b)
list = &[&1, &1]
IO.inspect list.(0)
IO.inspect Enum.reduce([1, 2, 3], 0, &+/2)
IO.inspect (&Kernel.*/2).(6, 7)
IO.inspect &String.upcase/1
IO.inspect &Kernel.+/2
IO.inspect is_function(inc, 1)
IO.inspect Function.info(add)[:arity]
IO.inspect Enum.map([1, 2], &(&1 * 10))
IO.inspect (&"x#{&1}").("y")
defmodule M do
  def double(x), do: x * 2
  def run, do: Enum.map([1, 2], &double/1)
end
IO.inspect M.run()
IO.inspect Enum.map([3], &M.double/1)
