# Task: run a function in its own process and collect its result.
defmodule Task do
  defstruct [:mfa, :owner, :pid, :ref]

  def async(fun) do
    owner = self()

    pid =
      spawn_link(fn ->
        receive do
          {:"$task_ref", ref} -> send(owner, {ref, fun.()})
        end
      end)

    ref = Process.monitor(pid)
    send(pid, {:"$task_ref", ref})
    %Task{mfa: {:erlang, :apply, 2}, owner: owner, pid: pid, ref: ref}
  end

  def async(module, fun, args), do: async(fn -> apply(module, fun, args) end)

  def await(%Task{ref: ref} = task, timeout \\ 5000) do
    receive do
      {^ref, reply} ->
        Process.demonitor(ref, [:flush])
        reply

      {:DOWN, ^ref, _, _, reason} ->
        exit({reason, {Task, :await, [task, timeout]}})
    after
      timeout ->
        Process.demonitor(ref, [:flush])
        exit({:timeout, {Task, :await, [task, timeout]}})
    end
  end

  def await_many(tasks, timeout \\ 5000), do: Enum.map(tasks, fn t -> await(t, timeout) end)

  def yield(%Task{ref: ref}, timeout \\ 5000) do
    receive do
      {^ref, reply} ->
        Process.demonitor(ref, [:flush])
        {:ok, reply}

      {:DOWN, ^ref, _, _, reason} ->
        {:exit, reason}
    after
      timeout -> nil
    end
  end

  def start(fun), do: {:ok, spawn(fun)}
  def start_link(fun), do: {:ok, spawn_link(fun)}
end
