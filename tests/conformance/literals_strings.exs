IO.puts "hello"
IO.inspect "hello"
IO.inspect "tab\there"
IO.inspect "new\nline"
IO.puts "new\nline"
IO.inspect "quote \" and backslash \\"
IO.inspect "héllo wörld"
IO.inspect "日本語"
IO.inspect String.length("日本語")
IO.inspect byte_size("日本語")
IO.inspect "\u00e9"
IO.inspect "\e[1m"
IO.inspect <<0, 1, 2>>
IO.inspect "abc" <> <<0>>
IO.inspect "#{1 + 2} and #{"nested #{:deep}"}"
name = "José"
IO.puts "Hello, #{name}!"
IO.inspect "list: #{inspect [1, 2]}"
IO.inspect "\#{not interpolated}"
IO.inspect ""
