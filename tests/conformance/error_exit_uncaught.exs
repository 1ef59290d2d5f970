IO.puts "exiting"
exit(:bye)
