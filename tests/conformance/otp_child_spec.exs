defmodule W do
  use GenServer
  def start_link(arg), do: GenServer.start_link(__MODULE__, arg)
  def init(a), do: {:ok, a}
end
defmodule W2 do
  use GenServer, restart: :transient, shutdown: 10_000
  def init(a), do: {:ok, a}
end
IO.inspect(W.child_spec(:x))
IO.inspect(W2.child_spec([1]))
IO.inspect(Supervisor.child_spec(W, id: :other))
IO.inspect(Supervisor.child_spec({W, 5}, restart: :temporary))
