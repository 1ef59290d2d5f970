defmodule Secret do
  def reveal, do: "the secret is #{hidden()}"
  defp hidden, do: 42
  defp helper(x), do: x * 2
  def use_helper(x), do: helper(x) + 1
end
IO.puts Secret.reveal()
IO.inspect Secret.use_helper(5)
IO.inspect function_exported?(Secret, :reveal, 0)
IO.inspect function_exported?(Secret, :hidden, 0)
try do
  apply(Secret, :hidden, [])
rescue
  e in UndefinedFunctionError -> IO.puts Exception.message(e)
end
IO.puts "done"
