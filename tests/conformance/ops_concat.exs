IO.inspect "foo" <> "bar"
IO.inspect "a" <> "b" <> "c"
IO.inspect [1, 2] ++ [3]
IO.inspect [1] ++ []
IO.inspect [] ++ [2]
IO.inspect [1, 2] ++ 3
IO.inspect [1, 2, 3, 2, 1] -- [2, 1]
IO.inspect [1, 2, 3] -- [4]
IO.inspect 'abc' -- 'b'
IO.inspect [1, 2] ++ [3] ++ [4, 5]
IO.inspect [:a, :b] -- [:a, :b, :c]
