# When a GenServer dies of a call, the logger's report shows the stack of
# the client still waiting in GenServer.call: at the top level, under
# functions that called it (not in tail position), and through Agent.
defmodule Boom do
  use GenServer
  def init(n), do: {:ok, n}
  def handle_call(:boom, _from, _n), do: raise "boom"
  def handle_call(:bad, _from, _n), do: :not_a_reply

  def api(pid) do
    r = GenServer.call(pid, :boom)
    {:ok, r}
  end

  def outer(pid) do
    x = api(pid)
    [x]
  end

  def tail_api(pid), do: GenServer.call(pid, :bad)
end

defmodule Catch do
  def exit_of(f) do
    try do
      f.()
    catch
      :exit, reason -> reason
    end
  end
end

{:ok, a} = GenServer.start(Boom, 1)
{:ok, a2} = GenServer.start(Boom, 0)
r = Catch.exit_of(fn -> GenServer.call(a, :boom) end)
IO.inspect elem(elem(r, 1), 0)
Process.sleep(20)
{:ok, b} = GenServer.start(Boom, 2)
Catch.exit_of(fn -> Boom.outer(b) end)
Process.sleep(20)
{:ok, c} = GenServer.start(Boom, 3)
Catch.exit_of(fn -> Boom.tail_api(c) end)
Process.sleep(20)
{:ok, agent} = Agent.start(fn -> 0 end)
Catch.exit_of(fn -> Agent.get(agent, fn _ -> raise ArgumentError, "in agent" end) end)
Process.sleep(20)
IO.puts "done"
try do
  GenServer.call(a2, :boom)
catch
  :exit, _ -> IO.puts "caught at the top level"
end
