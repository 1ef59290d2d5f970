defmodule Bad do
  def start_link(_), do: {:error, :nope}
end
Process.flag(:trap_exit, true)
IO.inspect(Supervisor.start_link([%{id: Bad, start: {Bad, :start_link, [1]}}], strategy: :one_for_one))
