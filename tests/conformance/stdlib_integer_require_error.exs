# Calling Integer.is_even/1 without `require Integer` is an undefined function
# (with a hint about the macro).
IO.puts("before")
IO.inspect Integer.is_even(2)
