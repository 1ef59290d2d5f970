# __STACKTRACE__ in a try of a script's top-level code ends with the
# script's own frame and the frames of Elixir's script runner (eight in all).
defmodule Inventory do
  def take(stock, item) do
    count = Map.fetch!(stock, item)
    Map.put(stock, item, count - 1)
  end
end

try do
  Inventory.take(%{apple: 1}, :pear)
rescue
  e in KeyError -> IO.inspect({e.key, __STACKTRACE__})
end

try do
  throw(:stop)
catch
  :throw, value -> IO.inspect({value, __STACKTRACE__})
end
