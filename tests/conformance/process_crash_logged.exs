IO.puts "spawning a process that crashes"
spawn(fn -> raise "boom" end)
Process.sleep(200)
IO.puts "the script continues"
spawn(fn -> 1 = 2 end)
Process.sleep(200)
IO.puts "still going"
