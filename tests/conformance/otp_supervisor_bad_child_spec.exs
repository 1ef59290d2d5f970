Process.flag(:trap_exit, true)
try do
  Supervisor.start_link([:not_a_module_here], strategy: :one_for_one)
rescue
  e -> IO.puts(Exception.message(e))
end
IO.inspect(Supervisor.start_link([%{id: 1}], strategy: :one_for_one))
