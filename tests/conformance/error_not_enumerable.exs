# Enum given something that is not enumerable: Protocol.UndefinedError,
# raised where Enumerable dispatches, under the Enum function's own frame.
defmodule Report do
  def total(order), do: Enum.sum(order.lines)
end

IO.puts(Report.total(%{lines: [1, 2, 3]}))
Report.total(%{lines: 42})
