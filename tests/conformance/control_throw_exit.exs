r = try do
  throw(:ball)
catch
  thrown -> {:caught, thrown}
end
IO.inspect r
r = try do
  Enum.each(1..10, fn x -> if x == 4, do: throw({:found, x}) end)
  :not_found
catch
  {:found, x} -> x
end
IO.inspect r
r = try do
  exit(:normal_exit)
catch
  :exit, reason -> {:exit, reason}
end
IO.inspect r
r = try do
  raise "err"
catch
  kind, value -> {kind, value}
end
IO.inspect r
r = try do
  throw(1)
catch
  :throw, v -> {:throw, v}
end
IO.inspect r
pid = spawn(fn -> exit(:crashed) end)
Process.sleep(50)
IO.inspect Process.alive?(pid)
r = try do
  exit({:shutdown, 3})
catch
  :exit, {:shutdown, n} -> n * 2
after
  IO.puts "after exit"
end
IO.inspect r
