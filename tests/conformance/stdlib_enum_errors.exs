show = fn f ->
  try do
    IO.inspect f.()
  rescue
    e -> IO.puts "#{inspect(e.__struct__)}: #{Exception.message(e)}"
  end
end
show.(fn -> Enum.max([]) end)
show.(fn -> Enum.fetch!([1], 5) end)
show.(fn -> Enum.map(5, &(&1)) end)
show.(fn -> Map.fetch!(%{}, :x) end)
show.(fn -> String.to_integer("1.5") end)
show.(fn -> Keyword.fetch!([], :k) end)
show.(fn -> List.first(:not_a_list) end)
show.(fn -> Enum.reduce([], &+/2) end)
show.(fn -> elem({}, 0) end)
show.(fn -> :ok end)
