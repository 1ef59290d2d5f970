defmodule Stack do
  use Agent
  def start_link(initial), do: Agent.start_link(fn -> initial end, name: __MODULE__)
  def push(x), do: Agent.update(__MODULE__, &[x | &1])
  def pop, do: Agent.get_and_update(__MODULE__, fn [h | t] -> {h, t}; [] -> {nil, []} end)
end
IO.inspect(Stack.child_spec([1]))
{:ok, _} = Stack.start_link([])
Stack.push(1)
Stack.push(2)
IO.inspect(Stack.pop())
IO.inspect(Stack.pop())
IO.inspect(Stack.pop())
