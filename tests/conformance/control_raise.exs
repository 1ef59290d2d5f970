defmodule MyError do
  defexception message: "default message"
end
defmodule ValueError do
  defexception [:value]
  def message(e), do: "bad value: #{inspect(e.value)}"
end
show = fn f ->
  try do
    f.()
  rescue
    e -> IO.puts "#{inspect(e.__struct__)}: #{Exception.message(e)}"
  end
end
show.(fn -> raise "plain string" end)
show.(fn -> raise RuntimeError end)
show.(fn -> raise ArgumentError end)
show.(fn -> raise ArgumentError, message: "kw message" end)
show.(fn -> raise MyError end)
show.(fn -> raise MyError, "custom" end)
show.(fn -> raise ValueError, value: {1, 2} end)
show.(fn -> raise MyError.exception(message: "struct raise") end)
e = RuntimeError.exception("built")
IO.inspect e
IO.inspect MyError.exception([])
IO.inspect is_exception(e)
show.(fn -> reraise e, [] end)
