owner = spawn(fn -> t = :ets.new(:prot, [:named_table]); :ets.insert(t, {:k, 1}); receive do: (_ -> :ok) end)
Process.sleep(50)
IO.inspect(:ets.lookup(:prot, :k))
:ets.insert(:prot, {:k, 2})
_ = owner
