IO.puts String.pad_leading("right", 10) <> "|"
IO.puts String.pad_trailing("left", 10) <> "|"
for {name, amount} <- [{"larry", 10}, {"moe", 200}, {"curly", 3000}] do
  IO.puts String.pad_trailing(name, 8) <> String.pad_leading(Integer.to_string(amount), 6)
end
IO.puts :io_lib.format("~p ~s ~w", [[1, 2], "str", :atom]) |> IO.iodata_to_binary()
IO.puts Float.to_string(1.0 / 3)
IO.puts :erlang.float_to_binary(3.14159, decimals: 2)
IO.puts Integer.to_string(1_000_000) |> String.graphemes() |> Enum.reverse() |> Enum.chunk_every(3) |> Enum.map(&Enum.join/1) |> Enum.join(",") |> String.reverse()
