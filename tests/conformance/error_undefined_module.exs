IO.puts "calling a module that does not exist"
Servy.Nowhere.run(1)
IO.puts "never printed"
