IO.puts "puts adds a newline"
IO.write "write does not"
IO.write "\n"
IO.puts ["iodata ", "works", ?!, ?\n, 'too']
IO.puts 42
IO.puts :atom
IO.puts 1.5
IO.inspect "with label", label: "label"
IO.write [["nested", " "], "iolist\n"]
IO.puts ""
IO.puts "after empty line"
IO.puts IO.iodata_to_binary(["a", ["b", ?c]])
IO.inspect IO.iodata_length(["ab", ?c])
IO.puts :stdio, "explicit device"
IO.puts "tab:\t|"
