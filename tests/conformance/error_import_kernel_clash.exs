defmodule MyMath do
  def max(a, b), do: {:max, a, b}
end

defmodule UseIt do
  import MyMath
  def run(x) do
    y = max(x, 2)
    y
  end
end
