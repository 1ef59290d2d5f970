IO.inspect ~D[2024-02-29]
IO.inspect Date.new(2023, 2, 29)
d = Date.new!(2024, 2, 29)
IO.inspect Date.add(d, 1)
IO.inspect Date.add(d, -60)
IO.inspect Date.diff(~D[2024-03-01], ~D[2023-03-01])
IO.inspect Date.day_of_week(~D[2024-02-29])
IO.puts d
IO.puts "date #{d}"
IO.inspect Date.compare(~D[2020-01-01], d)
IO.inspect [d]
