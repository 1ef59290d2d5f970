# Builtins given arguments their clauses refuse, rescued: the message and
# the arguments Elixir's own function was given (defaults and conversions
# included).
for {label, f} <- [
      round: fn -> Float.round(2.5, 16) end,
      ceil: fn -> Float.ceil(2.5, -1) end,
      pad: fn -> String.pad_leading("7", -3, "0") end,
      pad_default: fn -> String.pad_trailing("7", -1) end,
      chunk: fn -> Enum.chunk_every([1, 2, 3], 0) end,
      chunk_step: fn -> Enum.chunk_every([1, 2, 3], 2, -1) end
    ] do
  try do
    f.()
  rescue
    e -> IO.inspect({label, e.__struct__, Exception.message(e), hd(__STACKTRACE__)})
  end
end

IO.inspect(Float.round(2.345, 2))
IO.inspect(String.pad_leading("7", 3, "0"))
Enum.chunk_every([1, 2, 3], 0, 1)
