IO.puts("ok: #{<<65>>}")
x = <<1::3>>
IO.puts("bits: #{x}")
