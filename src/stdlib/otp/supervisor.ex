# Supervisor: starts children from child specs and restarts them
# (:one_for_one) when they exit abnormally.
defmodule Supervisor do
  def start_link(children, opts) when is_list(children) do
    GenServer.start_link(Supervisor.Server, {:children, children, opts}, name_opt(opts))
  end

  def start_link(module, arg, opts \\ []) do
    GenServer.start_link(Supervisor.Server, {:module, module, arg}, name_opt(opts))
  end

  defp name_opt([{:name, name} | _]), do: [name: name]
  defp name_opt([_ | rest]), do: name_opt(rest)
  defp name_opt(_), do: []

  def init(children, opts), do: {:ok, {opts, children}}

  def which_children(sup), do: GenServer.call(sup, :which_children)
  def count_children(sup), do: GenServer.call(sup, :count_children)
  def stop(sup, reason \\ :normal), do: GenServer.stop(sup, reason)

  def child_spec(%{} = spec), do: spec
  def child_spec({module, arg}), do: module_spec(module, arg)
  def child_spec(module) when is_atom(module), do: module_spec(module, [])

  defp module_spec(module, arg) do
    if function_exported?(module, :child_spec, 1) do
      module.child_spec(arg)
    else
      %{id: module, start: {module, :start_link, [arg]}}
    end
  end
end

defmodule Supervisor.Server do
  def init({:children, children, opts}), do: start(children, opts)

  def init({:module, module, arg}) do
    case module.init(arg) do
      {:ok, {opts, children}} -> start(children, opts)
      other -> {:stop, {:bad_return, other}}
    end
  end

  defp start(children, _opts) do
    Process.flag(:trap_exit, true)
    specs = Enum.map(children, &Supervisor.child_spec/1)
    started = start_all(specs, [])

    case started do
      {:ok, running} -> {:ok, %{children: running, restarts: []}}
      {:error, reason} -> {:stop, {:shutdown, reason}}
    end
  end

  defp start_all([], acc), do: {:ok, Enum.reverse(acc)}

  defp start_all([spec | rest], acc) do
    case start_child(spec) do
      {:ok, pid} -> start_all(rest, [{spec, pid} | acc])
      {:error, reason} -> {:error, {:failed_to_start_child, spec.id, reason}}
    end
  end

  defp start_child(%{start: {m, f, a}}) do
    case apply(m, f, a) do
      {:ok, pid} -> {:ok, pid}
      :ignore -> {:ok, :undefined}
      {:error, reason} -> {:error, reason}
      other -> {:error, other}
    end
  end

  def handle_call(:which_children, _from, state) do
    list =
      Enum.map(state.children, fn {spec, pid} ->
        module =
          case spec.start do
            {m, _, _} -> m
          end

        {spec.id, pid, Map.get(spec, :type, :worker), [module]}
      end)

    {:reply, list, state}
  end

  def handle_call(:count_children, _from, state) do
    n = length(state.children)
    {:reply, %{specs: n, active: n, supervisors: 0, workers: n}, state}
  end

  def handle_info({:EXIT, pid, reason}, state) do
    case List.keyfind(Enum.map(state.children, fn {s, p} -> {p, s} end), pid, 0) do
      nil ->
        {:noreply, state}

      {^pid, spec} ->
        restart = Map.get(spec, :restart, :permanent)

        if restart == :temporary or (restart == :transient and reason in [:normal, :shutdown]) do
          {:noreply, %{state | children: Enum.reject(state.children, fn {_, p} -> p == pid end)}}
        else
          now = System.monotonic_time(:millisecond)
          recent = [now | Enum.filter(state.restarts, fn t -> now - t < 5000 end)]

          if length(recent) > 3 do
            {:stop, :shutdown, state}
          else
            {:ok, new_pid} = start_child(spec)

            children =
              Enum.map(state.children, fn
                {s, ^pid} -> {s, new_pid}
                other -> other
              end)

            {:noreply, %{state | children: children, restarts: recent}}
          end
        end
    end
  end

  def terminate(_reason, state) do
    Enum.each(state.children, fn {_, pid} -> if is_pid(pid), do: Process.exit(pid, :shutdown) end)
  end
end
