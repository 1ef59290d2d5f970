# Unused variables: a clause's are reported when it ends, the top level's
# at the end, sorted by name.
x = 1
x = 2
IO.puts x
case {1, 2, 3} do
  {zz, yy, xx} ->
    case xx do
      inner -> IO.puts yy
    end
end
f = fn p, q -> p end
if true do
  inner = 5
end
for i <- [1], j <- [2], do: i
with {:ok, w} <- {:ok, 1}, m = 2 do
  IO.puts w
end
{aa, aa} = {1, 1}
a = 1
case 5 do
  a -> IO.puts "matched"
end
y = 3
^y = 3
try do
  :ok
rescue
  e -> :err
catch
  kind, val -> kind
end
n = 1
n = n + 1
_under = 1
