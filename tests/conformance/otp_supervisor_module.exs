defmodule Worker do
  use GenServer
  def start_link(arg), do: GenServer.start_link(__MODULE__, arg, name: arg)
  def init(arg), do: {:ok, arg}
end
defmodule MySup do
  use Supervisor
  def start_link(arg), do: Supervisor.start_link(__MODULE__, arg, name: __MODULE__)
  @impl true
  def init(_arg) do
    children = [{Worker, :one}, Supervisor.child_spec({Worker, :two}, id: :two)]
    Supervisor.init(children, strategy: :one_for_one)
  end
end
IO.inspect(MySup.child_spec(:x))
{:ok, pid} = MySup.start_link(:ok)
IO.inspect(Process.whereis(MySup) == pid)
IO.inspect(Supervisor.count_children(MySup))
IO.inspect(Supervisor.which_children(MySup) |> Enum.map(&elem(&1, 0)))
IO.inspect(Supervisor.init([{Worker, :z}], strategy: :one_for_all))
