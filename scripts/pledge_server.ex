# The pledge server of the stateful-server-processes walkthrough: a process
# that keeps its state (the pledges so far) by passing it to its own loop.
defmodule Servy.PledgeServer do
  # Keeps its state by receiving it as an argument.
  def listen_loop(state) do
    IO.puts "\nWaiting for a message..."

    receive do
      # A new pledge.
      {:create_pledge, name, amount} ->
        {:ok, id} = send_pledge_to_service(name, amount)
        # Put the new pledge in front of the old state.
        new_state = [ {name, amount} | state ]
        IO.puts "#{name} pledged #{amount}!"
        IO.puts "New state is #{inspect new_state}"
        # Loop with the new state to keep it.
        listen_loop(new_state)

      # A request for the pledges so far: the reply goes back to the sender.
      {sender, :recent_pledges} ->
        send sender, {:response, state}
        IO.puts "Sent pledges to #{inspect sender}"

        # Nothing changed, but the state is passed on to keep it.
        listen_loop(state)
    end
  end

  # Stands in for sending the pledge to an external service.
  defp send_pledge_to_service(_name, _amount) do
    {:ok, "pledge-#{:rand.uniform(1000)}"}
  end
end
