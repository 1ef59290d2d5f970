# A for generator over what is not enumerable fails in Enum.reduce/3.
IO.inspect for x <- [1, 2], do: x * 2
IO.inspect for x <- :notalist, do: x
