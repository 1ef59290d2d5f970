# GenServer, written in the Elixir iexr runs, speaking OTP's protocol:
# calls are {:"$gen_call", {pid, [:alias | ref]}, request}, casts
# {:"$gen_cast", request}, and system messages {:system, from, request}.
# It behaves as gen_server.erl under Elixir 1.14 and OTP 25: what init/1
# returns, how callbacks' results, raises, throws and exits end the server,
# terminate/2, and the error reports Logger prints.
#
# A line ending in `# elixir: FILE:LINE` leaves the frame Elixir's own code
# leaves there; no other line of these sources leaves a frame.
defmodule GenServer do
  def start(module, init_arg, options \\ []), do: do_start(:nolink, module, init_arg, options)

  def start_link(module, init_arg, options \\ []), do: do_start(:link, module, init_arg, options)

  defp do_start(link, module, init_arg, options) do
    name = check_name(Keyword.get(options, :name))
    starter = self()
    ref = make_ref()
    body = fn -> init_it(if(link == :link, do: starter, else: nil), starter, ref, name, module, init_arg) end
    pid = if link == :link, do: spawn_link(body), else: spawn(body)
    :iexr.start_ack(pid, ref)
  end

  defp check_name(nil), do: nil
  defp check_name(name) when is_atom(name), do: {:local, name}
  defp check_name({:global, _} = name), do: name
  defp check_name({:via, via, _} = name) when is_atom(via), do: name

  defp check_name(other) do
    raise ArgumentError, """
    expected :name option to be one of the following:

      * nil
      * atom
      * {:global, term}
      * {:via, module, term}

    Got: #{inspect(other)}
    """
  end

  defp init_it(parent, starter, ref, name, module, init_arg) do
    case register_name(name) do
      :yes ->
        init_module(parent || self(), starter, ref, name, module, init_arg)

      {:no, pid} ->
        send(starter, {:"$ack", ref, {:error, {:already_started, pid}}})
        exit(:normal)
    end
  end

  defp register_name(nil), do: :yes

  defp register_name({:global, name}) do
    case :global.register_name(name, self()) do
      :yes -> :yes
      :no -> {:no, :global.whereis_name(name)}
    end
  end

  defp register_name({:local, name}) do
    try do
      Process.register(self(), name)
      :yes
    rescue
      ArgumentError -> {:no, Process.whereis(name)}
    end
  end

  defp register_name({:via, mod, name}) do
    case mod.register_name(name, self()) do
      :yes -> :yes
      _ -> {:no, mod.whereis_name(name)}
    end
  end

  defp unregister_name({:local, name}), do: Process.unregister(name)
  defp unregister_name({:via, mod, name}), do: mod.unregister_name(name)
  defp unregister_name({:global, name}), do: :global.unregister_name(name)
  defp unregister_name(_), do: :ok

  defp init_module(parent, starter, ref, name, module, init_arg) do
    result =
      try do
        {:ok, module.init(init_arg)}
      catch
        kind, reason -> {:EXIT, kind, reason, __STACKTRACE__}
      end

    case result do
      {:ok, {:ok, state}} ->
        send(starter, {:"$ack", ref, {:ok, self()}})
        loop(parent, name, module, state, :infinity)

      {:ok, {:ok, state, timeout}} ->
        send(starter, {:"$ack", ref, {:ok, self()}})
        loop(parent, name, module, state, timeout)

      {:ok, {:stop, reason}} ->
        unregister_name(name)
        send(starter, {:"$ack", ref, {:error, reason}})
        exit(reason)

      {:ok, :ignore} ->
        unregister_name(name)
        send(starter, {:"$ack", ref, :ignore})
        exit(:normal)

      {:ok, other} ->
        unregister_name(name)
        send(starter, {:"$ack", ref, {:error, {:bad_return_value, other}}})
        exit({:bad_return_value, other})

      {:EXIT, kind, reason, stack} ->
        reason = :iexr.exit_reason(kind, reason, stack, :init)
        unregister_name(name)
        send(starter, {:"$ack", ref, {:error, reason}})
        exit(reason)
    end
  end

  defp loop(parent, name, module, state, {:continue, continue}) do
    dispatch(parent, name, module, state, {:continue, continue}, :continue, fn ->
      module.handle_continue(continue, state)
    end)
  end

  defp loop(parent, name, module, state, :hibernate), do: loop(parent, name, module, state, :infinity)

  defp loop(parent, name, module, state, timeout) do
    receive do
      message -> handle_msg(parent, name, module, state, message)
    after
      timeout -> handle_msg(parent, name, module, state, :timeout)
    end
  end

  defp handle_msg(parent, name, module, state, {:"$gen_call", from, request}) do
    result = try_callback(fn -> module.handle_call(request, from, state) end)
    handle_call_result(parent, name, module, state, request, from, result)
  end

  defp handle_msg(parent, name, module, state, {:"$gen_cast", request} = msg) do
    dispatch(parent, name, module, state, msg, :cast, fn -> module.handle_cast(request, state) end)
  end

  defp handle_msg(parent, name, module, state, {:system, from, request}) do
    case request do
      :get_state ->
        reply(from, state)
        loop(parent, name, module, state, :infinity)

      {:replace_state, fun} ->
        state = fun.(state)
        reply(from, state)
        loop(parent, name, module, state, :infinity)

      {:terminate, reason} ->
        terminate(name, module, state, [], nil, reason, fn -> reply(from, :ok) end)

      _ ->
        reply(from, {:error, :unknown_system_msg})
        loop(parent, name, module, state, :infinity)
    end
  end

  defp handle_msg(parent, name, module, state, {:EXIT, parent, reason} = msg) when parent != self() do
    terminate(name, module, state, msg, nil, reason, fn -> :ok end)
  end

  defp handle_msg(parent, name, module, state, message) do
    dispatch(parent, name, module, state, message, :info, fn -> module.handle_info(message, state) end)
  end

  # A callback's result, or how it raised: a throw is a result, as in gen_server.erl.
  defp try_callback(fun) do
    try do
      {:ok, fun.()}
    catch
      :throw, value -> {:ok, value}
      kind, reason -> {:EXIT, kind, reason, __STACKTRACE__}
    end
  end

  defp dispatch(parent, name, module, state, msg, kind, fun) do
    case try_callback(fun) do
      {:ok, {:noreply, new_state}} ->
        loop(parent, name, module, new_state, :infinity)

      {:ok, {:noreply, new_state, timeout}} ->
        loop(parent, name, module, new_state, timeout)

      {:ok, {:stop, reason, new_state}} ->
        terminate(name, module, new_state, msg, nil, reason, fn -> :ok end)

      {:ok, other} ->
        terminate(name, module, state, msg, nil, {:bad_return_value, other}, fn -> :ok end)

      {:EXIT, class, reason, stack} ->
        reason = :iexr.exit_reason(class, reason, stack, kind)
        terminate(name, module, state, msg, nil, reason, fn -> :ok end)
    end
  end

  defp handle_call_result(parent, name, module, state, msg, from, result) do
    case result do
      {:ok, {:reply, reply, new_state}} ->
        reply(from, reply)
        loop(parent, name, module, new_state, :infinity)

      {:ok, {:reply, reply, new_state, timeout}} ->
        reply(from, reply)
        loop(parent, name, module, new_state, timeout)

      {:ok, {:noreply, new_state}} ->
        loop(parent, name, module, new_state, :infinity)

      {:ok, {:noreply, new_state, timeout}} ->
        loop(parent, name, module, new_state, timeout)

      {:ok, {:stop, reason, reply, new_state}} ->
        terminate(name, module, new_state, msg, from, reason, fn -> reply(from, reply) end)

      {:ok, {:stop, reason, new_state}} ->
        terminate(name, module, new_state, msg, from, reason, fn -> :ok end)

      {:ok, other} ->
        terminate(name, module, state, msg, from, {:bad_return_value, other}, fn -> :ok end)

      {:EXIT, class, reason, stack} ->
        reason = :iexr.exit_reason(class, reason, stack, :call)
        terminate(name, module, state, msg, from, reason, fn -> :ok end)
    end
  end

  # terminate/2 runs (when the module has it), then the error report unless
  # the reason is normal, then `after_terminate` (a reply), then the exit.
  defp terminate(name, module, state, msg, from, reason, after_terminate) do
    reason =
      if function_exported?(module, :terminate, 2) do
        case try_callback(fn -> module.terminate(reason, state) end) do
          {:EXIT, class, why, stack} -> :iexr.exit_reason(class, why, stack, :terminate)
          _ -> reason
        end
      else
        reason
      end

    :iexr.gen_server_report(report_name(name), msg, state, reason, from)
    after_terminate.()
    exit(reason)
  end

  defp report_name({:local, name}), do: name
  defp report_name({:global, name}), do: name
  defp report_name({:via, _, name}), do: name
  defp report_name(nil), do: self()

  def call(server, request, timeout \\ 5000)
      when (is_integer(timeout) and timeout >= 0) or timeout == :infinity do
    case whereis(server) do # elixir: lib/gen_server.ex:1025
      nil ->
        exit({:noproc, {GenServer, :call, [server, request, timeout]}}) # elixir: lib/gen_server.ex:1027

      pid when pid == self() ->
        exit({:calling_self, {GenServer, :call, [server, request, timeout]}}) # elixir: lib/gen_server.ex:1031

      pid ->
        case :iexr.gen_call(pid, request, timeout) do # elixir: lib/gen_server.ex:1035
          {:ok, reply} -> reply
          {:exit, reason} -> exit({reason, {GenServer, :call, [server, request, timeout]}}) # elixir: lib/gen_server.ex:1038
        end
    end
  end

  def cast(server, request) do
    case server do
      {:global, name} ->
        try do
          :global.send(name, {:"$gen_cast", request})
        catch
          _, _ -> :ok
        end

        :ok

      {:via, mod, name} ->
        try do
          mod.send(name, {:"$gen_cast", request})
        catch
          _, _ -> :ok
        end

        :ok

      _ ->
        case whereis(server) do
          nil -> :ok
          pid -> send(pid, {:"$gen_cast", request})
        end

        :ok
    end
  end

  def reply({pid, tag}, reply) do
    :iexr.reply(pid, tag, reply)
    :ok
  end

  def stop(server, reason \\ :normal, timeout \\ :infinity) do
    case whereis(server) do
      nil ->
        exit({:noproc, {GenServer, :stop, [server, reason, timeout]}}) # elixir: lib/gen_server.ex:985

      pid when pid == self() ->
        exit({:calling_self, {GenServer, :stop, [server, reason, timeout]}}) # elixir: lib/gen_server.ex:988

      pid ->
        case :iexr.stop(pid, reason, timeout) do
          :ok -> :ok
          {:exit, err} -> exit({err, {GenServer, :stop, [server, reason, timeout]}}) # elixir: lib/gen_server.ex:995
        end
    end
  end

  def whereis(pid) when is_pid(pid), do: pid
  def whereis(name) when is_atom(name), do: Process.whereis(name)
  def whereis({:global, name}) do
    case :global.whereis_name(name) do
      pid when is_pid(pid) -> pid
      :undefined -> nil
    end
  end

  def whereis({:via, mod, name}) do
    case apply(mod, :whereis_name, [name]) do # elixir: lib/gen_server.ex:1214
      pid when is_pid(pid) -> pid
      :undefined -> nil
    end
  end

  def whereis({name, _node}) when is_atom(name), do: Process.whereis(name)
end

defmodule :sys do
  def get_state(server), do: system(server, :get_state, :infinity, :get_state, [server])
  def get_state(server, timeout), do: system(server, :get_state, timeout, :get_state, [server, timeout])

  def replace_state(server, fun),
    do: system(server, {:replace_state, fun}, :infinity, :replace_state, [server, fun])

  def terminate(server, reason), do: GenServer.stop(server, reason)

  defp system(server, request, timeout, fun, args) do
    pid = GenServer.whereis(server)

    case :iexr.system_call(pid, request, timeout) do
      {:ok, reply} -> reply
      {:exit, reason} -> exit({reason, {:sys, fun, args}})
    end
  end
end
