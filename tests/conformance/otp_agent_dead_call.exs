{:ok, a} = Agent.start(fn -> 1 end)
Agent.stop(a)
Agent.get(a, & &1)
