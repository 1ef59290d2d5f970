# A stateful counter service: it starts from an initial value, request/reply
# operations read and change it, one-way operations change it, and it stays
# exact under many concurrent clients because its mailbox serialises them.
defmodule Counter do
  use GenServer

  def start_link(initial), do: GenServer.start_link(__MODULE__, initial, name: __MODULE__)

  # Request/reply: the caller waits for the answer.
  def increment, do: GenServer.call(__MODULE__, :increment)
  def value, do: GenServer.call(__MODULE__, :value)

  # One-way (consume): the caller does not wait.
  def add(n), do: GenServer.cast(__MODULE__, {:add, n})
  def reset, do: GenServer.cast(__MODULE__, :reset)

  @impl true
  def init(initial), do: {:ok, initial}

  @impl true
  def handle_call(:increment, _from, count), do: {:reply, count + 1, count + 1}
  def handle_call(:value, _from, count), do: {:reply, count, count}

  @impl true
  def handle_cast({:add, n}, count), do: {:noreply, count + n}
  def handle_cast(:reset, _count), do: {:noreply, 0}
end

{:ok, pid} = Counter.start_link(0)
IO.inspect Counter.value()
IO.inspect Counter.increment()
IO.inspect Counter.increment()
Counter.add(10)
IO.inspect Counter.value()
clients = for _ <- 1..100, do: Task.async(fn -> Enum.each(1..100, fn _ -> Counter.increment() end) end)
Enum.each(clients, &Task.await/1)
IO.inspect Counter.value()
Enum.each(1..50, fn _ -> spawn(fn -> Counter.add(2) end) end)
Process.sleep(100)
IO.inspect Counter.value()
Counter.reset()
IO.inspect Counter.value()
IO.inspect :sys.get_state(pid)
