defmodule Calc do
  def add(a, b), do: a + b
  defp secret, do: :hidden
  def use_secret, do: secret()
end
show = fn f ->
  try do
    f.()
  rescue
    e in UndefinedFunctionError -> IO.puts Exception.message(e)
  end
end
IO.inspect Calc.use_secret()
show.(fn -> Calc.secret() end)
show.(fn -> Calc.add(1) end)
show.(fn -> Calc.sub(1, 2) end)
show.(fn -> NoSuchModule.run() end)
show.(fn -> String.no_such_function("x") end)
show.(fn -> apply(Calc, :add, [1, 2, 3]) end)
IO.puts "end"
