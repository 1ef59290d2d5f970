defmodule PledgeError do
  defexception [:amount]

  @impl true
  def message(%{amount: amount}), do: "invalid pledge amount: #{amount}"
end
IO.puts "validating"
raise PledgeError, amount: -5
