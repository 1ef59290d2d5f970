IO.inspect spawn(fn -> :ok end)
defmodule A do
  defmodule B do
    def f, do: 1
  end
end
IO.inspect spawn(fn -> :ok end)
defmodule G do
  use GenServer
  def init(x), do: {:ok, x}
end
IO.inspect spawn(fn -> :ok end)
defprotocol P do
  def f(x)
end
IO.inspect spawn(fn -> :ok end)
defimpl P, for: Integer do
  def f(x), do: x
end
IO.inspect spawn(fn -> :ok end)
defmodule S do
  defstruct [:a]
end
IO.inspect spawn(fn -> :ok end)
defmodule E do
end
IO.inspect spawn(fn -> :ok end)
{:ok, pid} = GenServer.start_link(G, 1)
IO.inspect pid
IO.inspect spawn(fn -> :ok end)
Task.async(fn -> 1 end) |> Task.await()
IO.inspect spawn(fn -> :ok end)
{:ok, a} = Agent.start_link(fn -> 1 end)
IO.inspect a
IO.inspect spawn(fn -> :ok end)
