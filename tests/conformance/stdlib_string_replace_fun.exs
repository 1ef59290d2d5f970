IO.inspect String.replace("abcb", "b", fn m -> String.upcase(m) end)
IO.inspect String.replace("abcb", "b", &("<" <> &1 <> ">"), global: false)
IO.inspect String.replace("a-b_c", ["-", "_"], fn m -> [m, m] end)
IO.inspect String.replace("abc", "", fn _ -> "." end)
IO.inspect String.replace("abc", "", fn _ -> "." end, global: false)
IO.inspect String.replace("abc", [], "x")
IO.inspect String.replace("héllo", "é", fn m -> m <> m end)
IO.inspect String.replace("abc", ~r/[ac]/, fn m -> String.upcase(m) end)
try do
  String.replace("abc", "b", fn a, b -> a <> b end)
rescue
  e -> IO.inspect(e)
end
