check = fn x ->
  case x do
    n when n in [1, 2, 3] -> "small"
    n when is_integer(n) and (n > 100 or n < -100) -> "extreme"
    n when is_integer(n) -> "integer"
    {a, b} when a == b -> "equal pair"
    {_, _} -> "pair"
    l when is_list(l) and length(l) > 0 -> "non-empty list"
    m when is_map_key(m, :id) -> "has id"
    _ -> "other"
  end
end
for v <- [2, 500, -500, 50, {1, 1}, {1, 2}, [0], [], %{id: 1}, %{}] do
  IO.puts "#{inspect(v)}: #{check.(v)}"
end
safe = fn x ->
  case x do
    y when hd(y) > 0 -> :positive_head
    _ -> :guard_error_means_no_match
  end
end
IO.inspect {safe.([1]), safe.(:not_a_list)}
