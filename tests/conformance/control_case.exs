describe = fn value ->
  case value do
    {:ok, n} when n > 100 -> "big ok"
    {:ok, n} -> "ok #{n}"
    [] -> "empty list"
    [_ | _] = l -> "list of #{length(l)}"
    %{type: t} -> "typed #{t}"
    x when is_binary(x) and byte_size(x) > 3 -> "long string"
    _ -> "something else"
  end
end
for v <- [{:ok, 500}, {:ok, 1}, [], [1, 2], %{type: :user}, "hello", "hi", 3.0] do
  IO.puts describe.(v)
end
r = case 1 + 1 do
  2 -> :two
end
IO.inspect r
case :x do
  y -> IO.inspect y
end
