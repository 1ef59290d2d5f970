# Registry, as Elixir 1.14's: a supervisor (named as the registry) over
# partition processes (Registry.Partition, named `Name.PIDPartitionN`)
# that trap exits and drop the entries of the registered processes that
# exit. Registering links the caller to its partition. The tables are the
# `:iexr.registry_*` natives (in place of Elixir's ETS tables), owned by
# the supervisor.
#
# A line ending in `# elixir: FILE:LINE` leaves the frame Elixir's own code
# leaves there; no other line of these sources leaves a frame.
defmodule Registry do
  def start_link(options) do
    keys = Keyword.get(options, :keys)

    unless keys in [:unique, :duplicate] do
      raise ArgumentError, "expected :keys to be given and be one of :unique or :duplicate, got: #{inspect(keys)}" # elixir: lib/registry.ex:325
    end

    name =
      case Keyword.fetch(options, :name) do
        {:ok, name} when is_atom(name) ->
          name

        {:ok, other} ->
          raise ArgumentError, "expected :name to be an atom, got: #{inspect(other)}" # elixir: lib/registry.ex:335

        :error ->
          raise ArgumentError, "expected :name option to be present" # elixir: lib/registry.ex:338
      end

    meta = Keyword.get(options, :meta, [])

    unless Keyword.keyword?(meta) do
      raise ArgumentError, "expected :meta to be a keyword list, got: #{inspect(meta)}" # elixir: lib/registry.ex:344
    end

    partitions = Keyword.get(options, :partitions, 1)

    unless is_integer(partitions) and partitions >= 1 do
      raise ArgumentError, "expected :partitions to be a positive integer, got: #{inspect(partitions)}" # elixir: lib/registry.ex:350
    end

    listeners = Keyword.get(options, :listeners, [])

    unless is_list(listeners) and Enum.all?(listeners, &is_atom/1) do
      raise ArgumentError, "expected :listeners to be a list of named processes, got: #{inspect(listeners)}" # elixir: lib/registry.ex:357
    end

    compressed = Keyword.get(options, :compressed, false)

    unless is_boolean(compressed) do
      raise ArgumentError, "expected :compressed to be a boolean, got: #{inspect(compressed)}" # elixir: lib/registry.ex:364
    end

    Registry.Supervisor.start_link(keys, name, partitions, listeners, meta)
  end

  def start_link(keys, name, options \\ []) when keys in [:unique, :duplicate] and is_atom(name) do
    start_link([keys: keys, name: name] ++ options)
  end

  def child_spec(options) do
    %{
      id: Keyword.get(options, :name, Registry),
      start: {Registry, :start_link, [options]},
      type: :supervisor
    }
  end

  ## Via callbacks

  def whereis_name({registry, key}), do: whereis_name(registry, key)
  def whereis_name({registry, key, _value}), do: whereis_name(registry, key)

  defp whereis_name(registry, key) do
    case key_info!(registry) do # elixir: lib/registry.ex:227
      :unique ->
        case :iexr.registry_lookup(registry, key) do
          [{pid, _}] -> if Process.alive?(pid), do: pid, else: :undefined
          _ -> :undefined
        end

      kind ->
        raise ArgumentError, ":via is not supported for #{kind} registries" # elixir: lib/registry.ex:240
    end
  end

  def register_name({registry, key}, pid), do: register_name(registry, key, nil, pid)
  def register_name({registry, key, value}, pid), do: register_name(registry, key, value, pid)

  defp register_name(registry, key, value, pid) when pid == self() do
    case register(registry, key, value) do # elixir: lib/registry.ex:249
      {:ok, _} -> :yes
      {:error, _} -> :no
    end
  end

  def send({registry, key}, msg) do
    case lookup(registry, key) do # elixir: lib/registry.ex:257
      [{pid, _}] -> Kernel.send(pid, msg)
      [] -> :erlang.error(:badarg, [{registry, key}, msg]) # elixir: lib/registry.ex:259
    end
  end

  def send({registry, key, _value}, msg) do
    Registry.send({registry, key}, msg)
  end

  def unregister_name({registry, key}), do: unregister(registry, key)
  def unregister_name({registry, key, _value}), do: unregister(registry, key)

  ## Registry API

  def update_value(registry, key, callback) when is_atom(registry) and is_function(callback, 1) do # elixir: lib/registry.ex:421
    case key_info!(registry) do # elixir: lib/registry.ex:422
      :unique ->
        case :iexr.registry_get(registry, key, self()) do
          {:ok, old_value} ->
            new_value = callback.(old_value) # elixir: lib/registry.ex:432
            :iexr.registry_put(registry, key, self(), new_value)
            {new_value, old_value}

          :error ->
            :error
        end

      kind ->
        raise ArgumentError, "Registry.update_value/3 is not supported for #{kind} registries" # elixir: lib/registry.ex:441
    end
  end

  def dispatch(registry, key, mfa_or_fun, opts \\ [])
      when is_atom(registry) and
             (is_function(mfa_or_fun, 1) or (is_tuple(mfa_or_fun) and tuple_size(mfa_or_fun) == 3)) do
    _ = opts

    kind = key_info!(registry) # elixir: lib/registry.ex:468

    case {kind, :iexr.registry_lookup(registry, key), mfa_or_fun} do
      {_, [], _} -> :ok
      {:unique, entries, {module, function, args}} -> apply(module, function, [entries | args]) # elixir: lib/registry.ex:473
      {:unique, entries, fun} -> fun.(entries) # elixir: lib/registry.ex:473
      {:duplicate, entries, {module, function, args}} -> apply(module, function, [entries | args]) # elixir: lib/registry.ex:478
      {:duplicate, entries, fun} -> fun.(entries) # elixir: lib/registry.ex:478
    end

    :ok
  end

  def lookup(registry, key) when is_atom(registry) do # elixir: lib/registry.ex:579
    key_info!(registry) # elixir: lib/registry.ex:580
    :iexr.registry_lookup(registry, key)
  end

  def match(registry, key, pattern, guards \\ []) when is_atom(registry) and is_list(guards) do # elixir: lib/registry.ex:648
    key_info!(registry) # elixir: lib/registry.ex:652
    :iexr.registry_match(registry, key, pattern, guards)
  end

  def keys(registry, pid) when is_atom(registry) and is_pid(pid) do # elixir: lib/registry.ex:701
    info!(registry) # elixir: lib/registry.ex:702
    :iexr.registry_keys(registry, pid)
  end

  def values(registry, key, pid) when is_atom(registry) do # elixir: lib/registry.ex:777
    key_info!(registry) # elixir: lib/registry.ex:778
    :iexr.registry_values(registry, key, pid)
  end

  def unregister(registry, key) when is_atom(registry) do # elixir: lib/registry.ex:832
    self = self()
    {_kind, _partitions, listeners} = info!(registry) # elixir: lib/registry.ex:834
    owner = :iexr.registry_owner(registry, self)

    unless :iexr.registry_delete(registry, key, self) do
      Process.unlink(owner)
    end

    for listener <- listeners do
      Kernel.send(listener, {:unregister, registry, key, self}) # elixir: lib/registry.ex:848
    end

    :ok
  end

  def unregister_match(registry, key, pattern, guards \\ []) when is_list(guards) do # elixir: lib/registry.ex:894
    self = self()
    {_kind, _partitions, listeners} = info!(registry) # elixir: lib/registry.ex:897
    owner = :iexr.registry_owner(registry, self)

    case :iexr.registry_delete_match(registry, key, self, pattern, guards) do
      {:all, left} ->
        unless left, do: Process.unlink(owner)

        for listener <- listeners do
          Kernel.send(listener, {:unregister, registry, key, self}) # elixir: lib/registry.ex:921
        end

      _ ->
        :ok
    end

    :ok
  end

  def register(registry, key, value) when is_atom(registry) do # elixir: lib/registry.ex:987
    self = self()
    {_kind, _partitions, listeners} = info!(registry) # elixir: lib/registry.ex:989
    owner = :iexr.registry_owner(registry, self)
    Process.link(owner)

    case :iexr.registry_insert(registry, key, value) do
      :ok ->
        for listener <- listeners do
          Kernel.send(listener, {:register, registry, key, self, value}) # elixir: lib/registry.ex:1005
        end

        {:ok, owner}

      {:error, {:already_registered, ^self}} = error ->
        error

      {:error, _} = error ->
        unless :iexr.registry_has(registry, self), do: Process.unlink(owner)
        error

      nil ->
        info!(registry) # elixir: lib/registry.ex:989
    end
  end

  def meta(registry, key) when is_atom(registry) and (is_atom(key) or is_tuple(key)) do # elixir: lib/registry.ex:1063
    case :iexr.registry_meta(registry, key) do
      nil ->
        raise ArgumentError, # elixir: lib/registry.ex:1068
              "unknown registry: #{inspect(registry)}. Either the registry name is invalid or " <>
                "the registry is not running, possibly because its application isn't started"

      result ->
        result
    end
  end

  def put_meta(registry, key, value) when is_atom(registry) and (is_atom(key) or is_tuple(key)) do # elixir: lib/registry.ex:1097
    if :iexr.registry_put_meta(registry, key, value) do
      :ok
    else
      raise ArgumentError, "unknown registry: #{inspect(registry)}" # elixir: lib/registry.ex:1103
    end
  end

  def delete_meta(registry, key) when is_atom(registry) and (is_atom(key) or is_tuple(key)) do # elixir: lib/registry.ex:1125
    if :iexr.registry_delete_meta(registry, key) do
      :ok
    else
      raise ArgumentError, "unknown registry: #{inspect(registry)}" # elixir: lib/registry.ex:1131
    end
  end

  def count(registry) when is_atom(registry) do # elixir: lib/registry.ex:1164
    key_info!(registry) # elixir: lib/registry.ex:1165
    :iexr.registry_count(registry)
  end

  def count_match(registry, key, pattern, guards \\ []) when is_atom(registry) and is_list(guards) do # elixir: lib/registry.ex:1229
    key_info!(registry) # elixir: lib/registry.ex:1234
    length(:iexr.registry_match(registry, key, pattern, guards))
  end

  def select(registry, spec) when is_atom(registry) and is_list(spec) do # elixir: lib/registry.ex:1300
    spec = group_match_headers(spec, :select) # elixir: lib/registry.ex:1302
    key_info!(registry) # elixir: lib/registry.ex:1304
    :iexr.registry_select(registry, spec)
  end

  def count_select(registry, spec) when is_atom(registry) and is_list(spec) do # elixir: lib/registry.ex:1331
    spec = group_match_headers(spec, :count_select) # elixir: lib/registry.ex:1333
    key_info!(registry) # elixir: lib/registry.ex:1335
    length(:iexr.registry_select(registry, for({head, guards, _} <- spec, do: {head, guards, [true]})))
  end

  defp group_match_headers(spec, fun) do
    for part <- spec do
      case part do
        {{key, pid, value}, guards, select} ->
          {{key, {pid, value}}, guards, select}

        _ ->
          raise ArgumentError, "invalid match specification in Registry.#{fun}/2: #{inspect(spec)}" # elixir: lib/registry.ex:1354
      end
    end
  end

  defp info!(registry) do
    case :iexr.registry_info(registry) do
      nil -> raise ArgumentError, "unknown registry: #{inspect(registry)}" # elixir: lib/registry.ex:1373
      info -> info
    end
  end

  defp key_info!(registry) do
    case :iexr.registry_info(registry) do
      nil -> raise ArgumentError, "unknown registry: #{inspect(registry)}" # elixir: lib/registry.ex:1382
      {kind, _, _} -> kind
    end
  end
end

defmodule Registry.Supervisor do
  use Supervisor

  def start_link(kind, registry, partitions, listeners, meta) do
    arg = {kind, registry, partitions, listeners, meta}
    Supervisor.start_link(__MODULE__, arg, name: registry)
  end

  def init({kind, registry, partitions, listeners, meta}) do
    true = :iexr.registry_new(registry, kind, partitions, listeners, meta)

    children =
      for i <- 0..(partitions - 1) do
        pid_partition = Registry.Partition.pid_name(registry, i)

        %{
          id: pid_partition,
          start: {Registry.Partition, :start_link, [pid_partition, {registry, i}]}
        }
      end

    Supervisor.init(children, strategy: if(kind == :unique, do: :one_for_all, else: :one_for_one))
  end
end

defmodule Registry.Partition do
  use GenServer

  def key_name(registry, partition),
    do: String.to_atom(Atom.to_string(registry) <> ".KeyPartition" <> Integer.to_string(partition))

  def pid_name(registry, partition),
    do: String.to_atom(Atom.to_string(registry) <> ".PIDPartition" <> Integer.to_string(partition))

  def start_link(name, arg), do: GenServer.start_link(__MODULE__, arg, name: name)

  def init({registry, i}) do
    Process.flag(:trap_exit, true)
    :iexr.registry_partition(registry, i)
    {:ok, registry}
  end

  def handle_call(:sync, _, registry), do: {:reply, :ok, registry}

  def handle_info({:EXIT, pid, _reason}, registry) do
    :iexr.registry_exit(registry, pid)
    {:noreply, registry}
  end
end
