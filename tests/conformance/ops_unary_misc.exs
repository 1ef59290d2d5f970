x = 5
IO.inspect -x
IO.inspect(+x)
IO.inspect(not false)
IO.inspect -2 * -3
IO.inspect 10 - -3
IO.inspect is_integer(1)
IO.inspect is_float(1)
IO.inspect is_number(1.0)
IO.inspect is_binary("a")
IO.inspect is_list([])
IO.inspect is_tuple({})
IO.inspect is_map(%{})
IO.inspect is_function(fn -> 1 end)
IO.inspect is_function(&IO.puts/1, 1)
IO.inspect is_pid(self())
IO.inspect is_boolean(nil)
IO.inspect is_nil(nil)
IO.inspect hd([1, 2])
IO.inspect tl([1, 2])
IO.inspect length([1, 2, 3])
IO.inspect map_size(%{a: 1})
IO.inspect byte_size("abc")
