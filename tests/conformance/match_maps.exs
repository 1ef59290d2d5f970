%{name: name} = %{name: "Servy", port: 4000}
IO.puts name
%{"key" => v} = %{"key" => 1, "other" => 2}
IO.inspect v
%{} = %{a: 1}
IO.puts "empty map pattern matches any map"
%{a: %{b: deep}} = %{a: %{b: :deep}}
IO.inspect deep
map = %{x: 1, y: 2}
%{x: x} = map
IO.inspect x
key = :y
%{^key => yv} = map
IO.inspect yv
IO.inspect match?(%{z: _}, map)
IO.inspect match?(%{x: 1}, map)
case map do
  %{z: _} -> IO.puts "has z"
  %{x: 1, y: y} -> IO.puts "x is one, y is #{y}"
end
