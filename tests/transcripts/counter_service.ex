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

