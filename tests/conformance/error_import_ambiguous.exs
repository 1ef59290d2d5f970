defmodule Left do
  def pick(x), do: {:left, x}
end

defmodule Right do
  def pick(x), do: {:right, x}
end

IO.puts("modules defined")

defmodule Both do
  import Left
  import Right
  def run(x), do: pick(x)
end
