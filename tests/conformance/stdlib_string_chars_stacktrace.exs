for v <- [{1, 2}, %{a: 1}, self(), <<1::3>>, 1..2 |> Map.from_struct()] do
  try do
    "#{v}"
  rescue
    e ->
      IO.puts(Exception.message(e))
      IO.inspect(for {m, f, a, _} <- Enum.take(__STACKTRACE__, 2), m != :elixir_compiler_0, do: {m, f, a})
  end
end
try do
  IO.write({:a})
rescue
  e -> IO.inspect(Enum.take(__STACKTRACE__, 3))
end
