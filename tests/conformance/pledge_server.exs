defmodule Servy.PledgeServer do
  def listen_loop(state) do
    IO.puts "\nWaiting for a message..."

    receive do
      {:create_pledge, name, amount} ->
        {:ok, id} = send_pledge_to_service(name, amount)
        new_state = [{name, amount} | state]
        IO.puts "#{name} pledged #{amount}!"
        IO.puts "New state is #{inspect new_state}"
        listen_loop(new_state)

      {sender, :recent_pledges} ->
        send sender, {:response, state}
        IO.puts "Sent pledges to #{inspect sender}"
        listen_loop(state)
    end
  end

  defp send_pledge_to_service(_name, _amount) do
    {:ok, "pledge-#{:rand.uniform(1000)}"}
  end
end

pid = spawn(Servy.PledgeServer, :listen_loop, [[]])
Process.sleep(50)
send pid, {:create_pledge, "larry", 10}
Process.sleep(50)
send pid, {:create_pledge, "moe", 20}
Process.sleep(50)
send pid, {:create_pledge, "curly", 30}
Process.sleep(50)
send pid, {self(), :recent_pledges}
Process.sleep(50)
# Under OTP 24 a process sees its own newly arrived messages in
# Process.info(self(), :messages) only after it has received something since
# they arrived; printing (which waits for the IO reply) does that.
IO.puts "\nChecking the mailbox..."
IO.inspect Process.info(self(), :messages)
receive do {:response, v} -> IO.inspect v end
