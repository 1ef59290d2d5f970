IO.puts("start")
value = %{name: "Ann"}
IO.puts("value: #{value}")
