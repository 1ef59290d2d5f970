defmodule Worker do
  use GenServer
  def start_link(arg), do: GenServer.start_link(__MODULE__, arg, name: arg)
  def init(arg), do: {:ok, arg}
end
children = for n <- [:a, :b, :c], do: Supervisor.child_spec({Worker, n}, id: n)
{:ok, _sup} = Supervisor.start_link(children, strategy: :rest_for_one)
before = Enum.map([:a, :b, :c], &Process.whereis/1)
Process.exit(Process.whereis(:b), :kill)
Process.sleep(50)
after_ = Enum.map([:a, :b, :c], &Process.whereis/1)
IO.inspect(Enum.zip(before, after_) |> Enum.map(fn {x, y} -> x == y end))
