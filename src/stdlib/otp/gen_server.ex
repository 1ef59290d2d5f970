# GenServer, written in the Elixir iexr runs, speaking OTP's protocol:
# calls are {:"$gen_call", {pid, ref}, request}, casts {:"$gen_cast", request},
# and :sys.get_state/1 is a {:system, from, :get_state} message.
defmodule GenServer do
  def start(module, arg, opts \\ []), do: do_start(module, arg, opts, false)

  def start_link(module, arg, opts \\ []), do: do_start(module, arg, opts, true)

  defp do_start(module, arg, opts, link) do
    parent = self()
    ref = make_ref()
    name = opt(opts, :name)
    body = fn -> init_it(parent, ref, module, arg, name) end
    pid = if link, do: spawn_link(body), else: spawn(body)
    mon = Process.monitor(pid)

    receive do
      {^ref, :ok} ->
        Process.demonitor(mon, [:flush])
        {:ok, pid}

      {^ref, :ignore} ->
        Process.demonitor(mon, [:flush])
        :ignore

      {^ref, {:error, reason}} ->
        Process.demonitor(mon, [:flush])
        receive do
          {:EXIT, ^pid, _} -> :ok
        after
          0 -> :ok
        end

        {:error, reason}

      {:DOWN, ^mon, :process, ^pid, reason} ->
        {:error, reason}
    end
  end

  defp opt([{key, value} | _], key), do: value
  defp opt([_ | rest], key), do: opt(rest, key)
  defp opt(_, _), do: nil

  defp init_it(parent, ref, module, arg, name) do
    case register(name) do
      :ok ->
        try do
          module.init(arg)
        rescue
          e ->
            send(parent, {ref, {:error, {e, []}}})
            reraise e, __STACKTRACE__
        else
          {:ok, state} ->
            send(parent, {ref, :ok})
            loop(parent, module, state)

          {:ok, state, _timeout_or_continue} ->
            send(parent, {ref, :ok})
            loop(parent, module, state)

          {:stop, reason} ->
            send(parent, {ref, {:error, reason}})
            exit(reason)

          :ignore ->
            send(parent, {ref, :ignore})

          other ->
            send(parent, {ref, {:error, {:bad_return_value, other}}})
            exit({:bad_return_value, other})
        end

      {:error, pid} ->
        send(parent, {ref, {:error, {:already_started, pid}}})
    end
  end

  defp register(nil), do: :ok

  defp register(name) when is_atom(name) do
    case Process.whereis(name) do
      nil ->
        Process.register(self(), name)
        :ok

      pid ->
        {:error, pid}
    end
  end

  defp loop(parent, module, state) do
    receive do
      {:"$gen_call", from, request} ->
        handle_reply(parent, module, state, {:"$gen_call", from, request}, fn -> module.handle_call(request, from, state) end, from)

      {:"$gen_cast", request} ->
        handle_reply(parent, module, state, {:"$gen_cast", request}, fn -> module.handle_cast(request, state) end, nil)

      {:system, from, :get_state} ->
        reply(from, state)
        loop(parent, module, state)

      {:system, from, {:replace_state, fun}} ->
        state = fun.(state)
        reply(from, state)
        loop(parent, module, state)

      {:system, from, {:terminate, reason}} ->
        terminate(module, reason, state)
        reply(from, :ok)
        exit(reason)

      message ->
        if function_exported?(module, :handle_info, 2) do
          handle_reply(parent, module, state, message, fn -> module.handle_info(message, state) end, nil)
        else
          loop(parent, module, state)
        end
    end
  end

  defp handle_reply(parent, module, state, message, callback, from) do
    result =
      try do
        {:ok, callback.()}
      rescue
        e ->
          :iexr.gen_server_report(self(), e, message, state, from, __STACKTRACE__)
          terminate(module, {e, []}, state)
          exit({e, []})
      end

    case result do
      {:ok, {:reply, reply, new_state}} ->
        reply(from, reply)
        loop(parent, module, new_state)

      {:ok, {:reply, reply, new_state, _}} ->
        reply(from, reply)
        loop(parent, module, new_state)

      {:ok, {:noreply, new_state}} ->
        loop(parent, module, new_state)

      {:ok, {:noreply, new_state, _}} ->
        loop(parent, module, new_state)

      {:ok, {:stop, reason, reply, new_state}} ->
        reply(from, reply)
        terminate(module, reason, new_state)
        exit(reason)

      {:ok, {:stop, reason, new_state}} ->
        terminate(module, reason, new_state)
        exit(reason)

      {:ok, other} ->
        exit({:bad_return_value, other})
    end
  end

  defp terminate(module, reason, state) do
    if function_exported?(module, :terminate, 2), do: module.terminate(reason, state)
    :ok
  end

  def call(server, request, timeout \\ 5000) do
    case whereis(server) do
      nil ->
        exit({:noproc, {GenServer, :call, [server, request, timeout]}})

      pid ->
        ref = Process.monitor(pid)
        send(pid, {:"$gen_call", {self(), ref}, request})

        receive do
          {^ref, reply} ->
            Process.demonitor(ref, [:flush])
            reply

          {:DOWN, ^ref, _, _, reason} ->
            exit({reason, {GenServer, :call, [server, request, timeout]}})
        after
          timeout ->
            Process.demonitor(ref, [:flush])
            exit({:timeout, {GenServer, :call, [server, request, timeout]}})
        end
    end
  end

  def cast(server, request) do
    case whereis(server) do
      nil -> :ok
      pid -> send(pid, {:"$gen_cast", request})
    end

    :ok
  end

  def reply({pid, ref}, reply) do
    send(pid, {ref, reply})
    :ok
  end

  def reply(nil, _reply), do: :ok

  def stop(server, reason \\ :normal, timeout \\ :infinity) do
    case whereis(server) do
      nil ->
        exit({:noproc, {GenServer, :stop, [server, reason, timeout]}})

      pid ->
        ref = Process.monitor(pid)
        send(pid, {:system, {self(), ref}, {:terminate, reason}})

        receive do
          {:DOWN, ^ref, _, _, _} -> :ok
        end
    end
  end

  def whereis(pid) when is_pid(pid), do: pid
  def whereis(name) when is_atom(name), do: Process.whereis(name)
  def whereis({:global, _}), do: nil
end

defmodule :sys do
  def get_state(server), do: system(server, :get_state)
  def get_state(server, _timeout), do: system(server, :get_state)
  def replace_state(server, fun), do: system(server, {:replace_state, fun})

  defp system(server, request) do
    pid = GenServer.whereis(server)
    ref = Process.monitor(pid)
    send(pid, {:system, {self(), ref}, request})

    receive do
      {^ref, reply} ->
        Process.demonitor(ref, [:flush])
        reply

      {:DOWN, ^ref, _, _, reason} ->
        exit({reason, {:sys, :get_state, [server]}})
    end
  end
end
