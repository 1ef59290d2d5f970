# Enum.EmptyError and OutOfBoundsError with the frames of Elixir's functions.
tests = [
  fn -> Enum.max([]) end,
  fn -> Enum.min_by([], &abs/1) end,
  fn -> Enum.min_max([]) end,
  fn -> Enum.reduce([], &+/2) end,
  fn -> Enum.reduce(%{}, &+/2) end,
  fn -> Enum.fetch!([1, 2], 2) end,
  fn -> Enum.random([]) end
]
for t <- tests do
  try do
    t.()
  rescue
    e -> IO.inspect({e, hd(__STACKTRACE__)})
  end
end
IO.inspect Enum.max([], fn -> :none end)
scores = []
IO.puts "best score:"
IO.inspect Enum.max(scores)
