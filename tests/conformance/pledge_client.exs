defmodule Servy.PledgeServer do
  def start do
    IO.puts "Starting the pledge server..."
    spawn(__MODULE__, :listen_loop, [[]])
  end

  def create_pledge(pid, name, amount) do
    send pid, {self(), :create_pledge, name, amount}
    receive do
      {:response, status} -> status
    end
  end

  def recent_pledges(pid) do
    send pid, {self(), :recent_pledges}
    receive do
      {:response, pledges} -> pledges
    end
  end

  def listen_loop(state) do
    receive do
      {sender, :create_pledge, name, amount} ->
        id = "pledge-#{length(state) + 1}"
        most_recent = Enum.take([{name, amount} | state], 3)
        send sender, {:response, id}
        listen_loop(most_recent)

      {sender, :recent_pledges} ->
        send sender, {:response, state}
        listen_loop(state)

      unexpected ->
        IO.puts "Unexpected message: #{inspect unexpected}"
        listen_loop(state)
    end
  end
end

alias Servy.PledgeServer
pid = PledgeServer.start()
send pid, {:stop, "hammertime"}
IO.inspect PledgeServer.create_pledge(pid, "larry", 10)
IO.inspect PledgeServer.create_pledge(pid, "moe", 20)
IO.inspect PledgeServer.create_pledge(pid, "curly", 30)
IO.inspect PledgeServer.create_pledge(pid, "daisy", 40)
IO.inspect PledgeServer.recent_pledges(pid)
IO.inspect Process.alive?(pid)
