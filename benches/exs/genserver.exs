# A hand-written call/reply server (what GenServer.call does), 20_000 calls.
defmodule Server do
  def start(state), do: spawn(fn -> loop(state) end)

  def call(pid, request) do
    ref = make_ref()
    send pid, {:call, self(), ref, request}
    receive do
      {:reply, ^ref, reply} -> reply
    end
  end

  defp loop(state) do
    receive do
      {:call, from, ref, request} ->
        {reply, new_state} = handle_call(request, state)
        send from, {:reply, ref, reply}
        loop(new_state)
      :stop ->
        :ok
    end
  end

  defp handle_call({:add, n}, state), do: {:ok, state + n}
  defp handle_call(:get, state), do: {state, state}
end

defmodule Client do
  def run(_pid, 0), do: :ok
  def run(pid, n) do
    :ok = Server.call(pid, {:add, n})
    run(pid, n - 1)
  end
end
pid = Server.start(0)
Client.run(pid, 20_000)
IO.inspect Server.call(pid, :get)
send pid, :stop
