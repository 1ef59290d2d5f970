# A builtin written in Elixir that no clause accepts, called in tail
# position: its own frame replaces the caller's, and Elixir shows which of
# its clauses' patterns and conditions held.
defmodule Words do
  def shout(word), do: String.upcase(word)
end

IO.puts(Words.shout("hello"))
Words.shout(42)
