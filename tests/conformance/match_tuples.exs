{a, b} = {1, 2}
IO.inspect {b, a}
{:ok, value} = {:ok, "found"}
IO.puts value
{x, {y, z}} = {1, {2, 3}}
IO.inspect [x, y, z]
{_, second, _} = {:first, :second, :third}
IO.inspect second
{_ignored, used} = {1, 2}
IO.inspect used
result = {:error, :enoent}
case result do
  {:ok, _} -> IO.puts "ok"
  {:error, reason} -> IO.puts "error: #{reason}"
end
{a, a} = {5, 5}
IO.inspect a
IO.inspect(match?({_, _}, {1, 2}))
IO.inspect(match?({_, _}, {1, 2, 3}))
