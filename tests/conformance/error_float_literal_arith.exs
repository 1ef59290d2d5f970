# Arithmetic with a float literal operand runs inline on the BEAM: failing,
# it records no frame of :erlang and its message has no detail.
defmodule F do
  def a(r), do: 3.14 * r
  def b(r), do: r * 2.0
  def c(r), do: r + 1.5
  def d(r), do: 1.5 - r
  def e(r), do: r - 1.5
  def f(r), do: 1.5 + r
  def g(r), do: r * 2
end
for f <- [:a, :b, :c, :d, :e, :f, :g] do
  try do
    apply(F, f, ["r"])
  rescue
    e -> IO.inspect({f, Exception.message(e), hd(__STACKTRACE__) |> elem(0)})
  end
end
