# Bad arguments to the process BIFs, called as :erlang functions and
# through the Process functions Elixir inlines to them.
tries = [
  fn -> :erlang.is_process_alive(:a) end,
  fn -> Process.alive?(:a) end,
  fn -> Process.link(:a) end,
  fn -> :erlang.unlink(1) end,
  fn -> Process.exit(:a, :b) end,
  fn -> Process.flag(:foo, true) end,
  fn -> Process.flag(:trap_exit, 1) end,
  fn -> Process.demonitor(1) end,
  fn -> Process.demonitor(make_ref(), 1) end,
  fn -> :erlang.demonitor(make_ref(), [:bad]) end,
  fn -> Process.unregister(:not_registered) end,
  fn -> :erlang.register("a", self()) end,
  fn -> :erlang.register(:undefined, self()) end,
  fn -> :erlang.register(:a, :b) end,
  fn -> Process.monitor(1) end,
  fn -> :erlang.monitor(:proc, self()) end,
  fn -> Process.send_after(self(), :x, -1) end,
  fn -> Process.send_after(self(), :x, 1.5) end,
  fn -> Process.send_after("x", :x, 1) end,
  fn -> Process.cancel_timer(1) end,
  fn -> Process.read_timer(1) end,
  fn -> spawn(1) end,
  fn -> spawn(:a, :b, 1) end,
  fn -> :erlang.spawn(1, :b, []) end,
  fn -> spawn_link(:a, 2, []) end,
  fn -> spawn_monitor(1) end,
  fn -> :erlang.process_info(:a, :messages) end,
  fn -> :erlang.process_info(self(), :foo) end
]
for f <- tries do
  try do
    f.()
  rescue
    e -> IO.puts(Exception.message(e))
  end
end
:erlang.register(:taken, self())
try do
  :erlang.register(:taken, self())
rescue
  e -> IO.puts(Exception.message(e))
end
Process.whereis("x")
