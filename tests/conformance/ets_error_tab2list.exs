IO.puts("before")
:ets.tab2list(:no_such_table)
