IO.puts "normal exits are silent"
spawn(fn -> exit(:normal) end)
Process.sleep(50)
IO.puts "throw in a process"
spawn(fn -> throw(:ball) end)
Process.sleep(200)
IO.puts "exit with a reason"
spawn(fn -> exit(:custom_reason) end)
Process.sleep(200)
IO.puts "done"
