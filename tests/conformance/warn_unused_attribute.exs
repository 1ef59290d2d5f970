defmodule Attrs do
  @moduledoc "documented"
  @a 1
  @b 2
  @b 3
  @c 4
  @doc "f"
  @custom_doc "x"
  @limit @c * 2
  def f(x), do: @limit + x
  @d 5
  def g, do: @d
  defp unused, do: :never
  @later 6
end

defmodule Order do
  @zz 1
  @aa 2
  def f, do: :ok
end

IO.inspect(Attrs.f(1))
IO.inspect(Attrs.g())
