# Task: run a function in its own process and collect its result. A task
# that fails is reported as Elixir's Task.Supervised reports it, and exits
# with the reason (and stack) Elixir's task would.
defmodule Task do
  defstruct [:mfa, :owner, :pid, :ref]

  def async(fun) when is_function(fun), do: async(:erlang, :apply, [fun, []])

  def async(module, fun, args) do
    owner = self()
    pid = spawn_link(fn -> run(owner, {module, fun, args}, :reply) end)
    mon = Process.monitor(pid)
    send(pid, {:"$task_ref", mon})
    %Task{mfa: {module, fun, length(args)}, owner: owner, pid: pid, ref: mon}
  end

  def start(fun), do: start(:erlang, :apply, [fun, []])
  def start(module, fun, args), do: {:ok, spawn(fn -> run(nil, {module, fun, args}, :noreply) end)}
  def start_link(fun), do: start_link(:erlang, :apply, [fun, []])

  def start_link(module, fun, args) do
    owner = self()
    {:ok, spawn_link(fn -> run(owner, {module, fun, args}, :noreply) end)}
  end

  def child_spec(arg), do: %{id: Task, start: {Task, :start_link, [arg]}, restart: :temporary}

  # The task's body: the call, its report when it fails, and the reply.
  @doc false
  def run(owner, {module, fun, args}, reply) do
    reply =
      case reply do
        :reply -> receive(do: ({:"$task_ref", mon} -> {:reply, mon}))
        other -> other
      end

    starter = owner || self()

    result =
      try do
        {:ok, apply(module, fun, args)}
      catch
        kind, reason -> {:EXIT, kind, reason, __STACKTRACE__}
      end

    case result do
      {:ok, value} ->
        case reply do
          {:reply, mon} -> send(starter, {mon, value})
          :noreply -> :ok
        end

      {:EXIT, :exit, reason, _} when reason == :normal or reason == :shutdown ->
        exit(reason)

      {:EXIT, :exit, {:shutdown, _} = reason, _} ->
        exit(reason)

      {:EXIT, kind, reason, stack} ->
        :iexr.task_exit(kind, reason, stack, starter, {module, fun, args}, reply != :noreply)
    end
  end

  def await(%Task{ref: ref, pid: pid} = task, timeout \\ 5000) do
    receive do
      {^ref, reply} ->
        Process.demonitor(ref, [:flush])
        reply

      {:DOWN, ^ref, _, ^pid, reason} ->
        exit({reason, {Task, :await, [task, timeout]}}) # elixir: lib/task.ex:826
    after
      timeout ->
        Process.demonitor(ref, [:flush])
        exit({:timeout, {Task, :await, [task, timeout]}}) # elixir: lib/task.ex:830
    end
  end

  def await_many(tasks, timeout \\ 5000), do: Enum.map(tasks, fn t -> await(t, timeout) end)

  def yield(%Task{ref: ref, pid: pid}, timeout \\ 5000) do
    receive do
      {^ref, reply} ->
        Process.demonitor(ref, [:flush])
        {:ok, reply}

      {:DOWN, ^ref, _, ^pid, reason} ->
        {:exit, reason}
    after
      timeout -> nil
    end
  end

  def yield_many(tasks, timeout \\ 5000) do
    deadline = System.monotonic_time(:millisecond) + timeout

    Enum.map(tasks, fn task ->
      left = max(deadline - System.monotonic_time(:millisecond), 0)
      {task, yield(task, left)}
    end)
  end

  def shutdown(task, shutdown \\ 5000)

  def shutdown(%Task{pid: pid, ref: ref} = task, :brutal_kill) do
    Process.unlink(pid)
    Process.exit(pid, :kill)
    shutdown_receive(task, ref, :infinity)
  end

  def shutdown(%Task{pid: pid, ref: ref} = task, timeout) do
    Process.unlink(pid)
    Process.exit(pid, :shutdown)

    case shutdown_receive(task, ref, timeout) do
      :timeout ->
        Process.exit(pid, :kill)
        shutdown_receive(task, ref, :infinity)

      other ->
        other
    end
  end

  defp shutdown_receive(%Task{pid: pid}, ref, timeout) do
    receive do
      {^ref, reply} ->
        Process.demonitor(ref, [:flush])
        {:ok, reply}

      {:DOWN, ^ref, _, ^pid, reason} when reason in [:shutdown, :killed] ->
        receive do
          {^ref, reply} -> {:ok, reply}
        after
          0 -> nil
        end

      {:DOWN, ^ref, _, ^pid, reason} ->
        {:exit, reason}
    after
      timeout -> :timeout
    end
  end

  def async_stream(enumerable, fun, options \\ []) when is_function(fun, 1) do
    Task.Supervised.stream(enumerable, fun, options, fn f -> async(f) end)
  end

  def async_stream(enumerable, module, function, args, options \\ []) do
    async_stream(enumerable, fn x -> apply(module, function, [x | args]) end, options)
  end
end

defmodule Task.Supervised do
  @moduledoc false
  # Task.async_stream: at most :max_concurrency tasks at a time, results in
  # order (or as they come with ordered: false), a task over :timeout exits
  # the caller or, with on_timeout: :kill_task, gives {:exit, :timeout}.
  def stream(enumerable, fun, options, spawn) do
    max = Keyword.get(options, :max_concurrency, System.schedulers_online())
    timeout = Keyword.get(options, :timeout, 5000)
    on_timeout = Keyword.get(options, :on_timeout, :exit)

    Stream.transform(
      Stream.chunk_every(enumerable, max),
      :ok,
      fn chunk, acc ->
        tasks = Enum.map(chunk, fn x -> spawn.(fn -> fun.(x) end) end)
        {Enum.map(tasks, &collect(&1, timeout, on_timeout)), acc}
      end
    )
  end

  defp collect(task, timeout, on_timeout) do
    case Task.yield(task, timeout) do
      {:ok, value} ->
        {:ok, value}

      {:exit, reason} ->
        {:exit, reason}

      nil when on_timeout == :kill_task ->
        Task.shutdown(task, :brutal_kill)
        {:exit, :timeout}

      nil ->
        Task.shutdown(task, :brutal_kill)
        exit({:timeout, {Task.Supervised, :stream, [timeout]}})
    end
  end
end

defmodule Task.Supervisor do
  def start_link(options \\ []) do
    DynamicSupervisor.start_link(Keyword.put_new(options, :strategy, :one_for_one))
  end

  def async(supervisor, fun), do: async(supervisor, :erlang, :apply, [fun, []])
  def async(supervisor, module, fun, args), do: start_task(supervisor, module, fun, args, :link)
  def async_nolink(supervisor, fun), do: async_nolink(supervisor, :erlang, :apply, [fun, []])
  def async_nolink(supervisor, module, fun, args), do: start_task(supervisor, module, fun, args, :nolink)

  def start_child(supervisor, fun, options \\ []) do
    restart = Keyword.get(options, :restart, :temporary)
    spec = %{id: Task, start: {Task, :start_link, [fun]}, restart: restart}
    DynamicSupervisor.start_child(supervisor, spec)
  end

  def children(supervisor) do
    for {_, pid, _, _} <- DynamicSupervisor.which_children(supervisor), is_pid(pid), do: pid
  end

  def terminate_child(supervisor, pid), do: DynamicSupervisor.terminate_child(supervisor, pid)

  def async_stream(supervisor, enumerable, fun, options \\ []) do
    Task.Supervised.stream(enumerable, fun, options, fn f -> async(supervisor, f) end)
  end

  def async_stream_nolink(supervisor, enumerable, fun, options \\ []) do
    Task.Supervised.stream(enumerable, fun, options, fn f -> async_nolink(supervisor, f) end)
  end

  defp start_task(supervisor, module, fun, args, link) do
    owner = self()
    spec = %{id: Task, start: {Task.Supervisor, :start_task_child, [owner, {module, fun, args}]}, restart: :temporary}
    {:ok, pid} = DynamicSupervisor.start_child(supervisor, spec)
    if link == :link, do: Process.link(pid)
    mon = Process.monitor(pid)
    send(pid, {:"$task_ref", mon})
    %Task{mfa: {module, fun, length(args)}, owner: owner, pid: pid, ref: mon}
  end

  @doc false
  def start_task_child(owner, mfa) do
    {:ok, spawn_link(fn -> Task.run(owner, mfa, :reply) end)}
  end
end
