# A FunctionClauseError of a builtin, rescued: its message, its fields and
# the frame the BEAM records (with the arguments, before any blame).
for {label, f} <- [
      split: fn -> String.split(1, ",") end,
      first: fn -> List.first(:a) end,
      parse: fn -> Integer.parse(1) end,
      at: fn -> Enum.at([1, 2], :x) end
    ] do
  try do
    f.()
  rescue
    e in FunctionClauseError ->
      IO.inspect({label, Exception.message(e), e.module, e.function, e.arity})
      IO.inspect(hd(__STACKTRACE__))
  end
end

{_pid, _ref} = spawn_monitor(fn -> String.upcase(:atom) end)
# The crash is logged while the script sleeps.
Process.sleep(200)

receive do
  {:DOWN, _, :process, _, {reason, stack}} -> IO.inspect({reason, hd(stack)})
end
