IO.puts "throwing"
throw(:oops)
