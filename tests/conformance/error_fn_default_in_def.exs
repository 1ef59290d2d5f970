IO.puts("printed: the module is compiled when its defmodule runs")
defmodule Adder do
  def make do
    fn a, b \\ 2 -> a + b end
  end
end
IO.inspect(Adder.make())
