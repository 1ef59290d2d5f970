# The iex session of the pledge walkthrough. Replay it with the module loaded:
#   iexr replay --require scripts/pledge_server.ex scripts/pledge.exs
pid = spawn(Servy.PledgeServer, :listen_loop, [[]])
send pid, {:create_pledge, "larry", 10}
send pid, {:create_pledge, "moe", 20}
send pid, {:create_pledge, "curly", 30}
send pid, {self(), :recent_pledges}
Process.info(self(), :messages)
receive do {:response, v} -> v end
