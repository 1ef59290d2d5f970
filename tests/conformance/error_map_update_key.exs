# Updating a key a map lacks: the BEAM's badkey names only the key.
defmodule Prefs do
  def set_theme(p), do: %{p | theme: :dark}
end
p = %{lang: "en"}
try do
  Prefs.set_theme(p)
rescue
  e -> IO.inspect(e)
end
try do
  %{p | size: 1}
rescue
  e -> IO.inspect(e)
end
IO.puts "updating"
%{p |
  colour: :red}
