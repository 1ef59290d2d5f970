defmodule A do
  def foo(x), do: {:a, x}
  def bar(x), do: {:bar, x}
end
defmodule B do
  def foo(x), do: {:b, x}
end
defmodule C do
  import A
  import B, only: [foo: 1]
  import A, except: [foo: 1]
  def run(x), do: {foo(x), bar(x)}
end
defmodule D do
  import A, only: :functions
  import B, except: [foo: 1]
  def run(x), do: foo(x)
end
defmodule E do
  import Kernel, except: [max: 2]
  import A, only: [bar: 1]
  def max(a, b), do: {:mine, a, b}
  def run, do: {max(1, 2), bar(3), min(1, 2)}
end
IO.inspect(C.run(1))
IO.inspect(D.run(2))
IO.inspect(E.run())
