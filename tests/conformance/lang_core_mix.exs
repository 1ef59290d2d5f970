defmodule M do
  @moduledoc "doc"
  @limit 10
  def f(x, y \\ 2), do: x * y
  def g(x) when is_integer(x) and x > @limit, do: :big
  def g(x) when is_integer(x) or is_float(x), do: :num
  def g(_), do: :other
  defp h(x), do: x + 1
  def k(x), do: h(x)
  def fact(0), do: 1
  def fact(n), do: n * fact(n - 1)
end
IO.inspect M.f(3)
IO.inspect M.f(3, 4)
IO.inspect {M.g(11), M.g(1), M.g(1.5), M.g(:a)}
IO.inspect M.k(1)
IO.inspect M.fact(30)
r = try do
  raise "boom"
rescue
  e in RuntimeError -> {:rescued, e.message}
after
  IO.puts "after"
end
IO.inspect r
IO.inspect(try do throw(:x) catch :throw, v -> {:caught, v} end)
IO.inspect(try do exit(:bye) catch :exit, v -> {:exit, v} end)
IO.inspect(try do 1 else x -> x + 1 end)
IO.inspect(cond do
  1 > 2 -> :a
  true -> :b
end)
IO.inspect(unless false, do: :u)
IO.inspect(with {:ok, a} <- {:ok, 1}, {:ok, b} <- {:error, 2} do a + b else {:error, x} -> {:err, x} end)
add = &(&1 + &2)
IO.inspect add.(1, 2)
IO.inspect (&M.f/2).(2, 5)
s = """
  heredoc
    indented
  """
IO.inspect s
IO.inspect ~w(a b c)a
IO.inspect ~s(x "y")
IO.inspect ~c(abc)
IO.inspect {0x1F, 0b101, 0o17, 1_000_000, 1.5e3, ?a}
IO.inspect 10 / 4
IO.inspect rem(-7, 3)
IO.inspect div(-7, 3)
IO.inspect 1 == 1.0
IO.inspect 1 === 1.0
IO.inspect :a < 1
IO.inspect {1, 2} < [1]
IO.inspect "abc" <> "def"
IO.inspect [1, 2, 3] -- [2]
IO.inspect 3 in [1, 2, 3]
IO.inspect true and false
IO.inspect nil || 3
IO.inspect !nil
x = 5
^x = 5
IO.inspect x
IO.inspect 2 ** 10
IO.inspect 5 |> M.f()
IO.inspect is_nil(nil)
IO.inspect %{a: 1}.a
m = %{a: 1, b: 2}
IO.inspect %{m | a: 3}
raise ArgumentError, "bad"
