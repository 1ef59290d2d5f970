defmodule Stack do
  use GenServer

  def start_link(items), do: GenServer.start_link(__MODULE__, items, name: __MODULE__)
  def push(x), do: GenServer.cast(__MODULE__, {:push, x})
  def pop, do: GenServer.call(__MODULE__, :pop)

  @impl true
  def init(items), do: {:ok, items}

  @impl true
  def handle_call(:pop, _from, [h | t]), do: {:reply, h, t}
  def handle_call(:pop, _from, []), do: {:reply, nil, []}

  @impl true
  def handle_cast({:push, x}, items), do: {:noreply, [x | items]}

  @impl true
  def handle_info({:log, msg}, items) do
    IO.puts "info: #{msg}"
    {:noreply, items}
  end
end

{:ok, pid} = Stack.start_link([:a])
IO.inspect is_pid(pid)
IO.inspect Process.whereis(Stack) == pid
Stack.push(:b)
Stack.push(:c)
IO.inspect Stack.pop()
IO.inspect :sys.get_state(Stack)
send Stack, {:log, "hello"}
IO.inspect Stack.pop()
IO.inspect Stack.pop()
IO.inspect Stack.pop()
IO.inspect GenServer.start_link(Stack, [], name: Stack)
IO.inspect GenServer.stop(Stack)
IO.inspect Process.alive?(pid)
