parse = fn map ->
  with {:ok, name} <- Map.fetch(map, :name),
       {:ok, age} <- Map.fetch(map, :age),
       true <- age >= 18 do
    "#{name} is an adult"
  else
    :error -> "missing field"
    false -> "too young"
  end
end
IO.puts parse.(%{name: "Ann", age: 30})
IO.puts parse.(%{name: "Bob"})
IO.puts parse.(%{name: "Cy", age: 5})
r = with {:ok, a} <- {:ok, 1}, b = a + 1, {:ok, c} <- {:ok, b * 10}, do: {a, b, c}
IO.inspect r
IO.inspect(with {:ok, x} <- {:error, :nope}, do: x)
IO.inspect(with x when x > 5 <- 3, do: :big)
IO.inspect(with x when x > 5 <- 10, do: :big)
try do
  with {:ok, x} <- {:error, 1} do
    x
  else
    {:error, 2} -> :two
  end
rescue
  e in WithClauseError -> IO.puts Exception.message(e)
end
