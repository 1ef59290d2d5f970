defmodule Crasher do
  def go(x), do: check(x)
  defp check(x) when x > 0, do: :ok
end
IO.puts "start"
spawn(fn -> Crasher.go(-1) end)
Process.sleep(200)
spawn(Crasher, :go, [1])
Process.sleep(50)
IO.puts "end"
