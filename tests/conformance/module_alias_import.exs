defmodule Servy.Util.Text do
  def shout(s), do: String.upcase(s) <> "!"
  def whisper(s), do: String.downcase(s)
end
defmodule Servy.Handler do
  alias Servy.Util.Text
  def handle(s), do: Text.shout(s)
end
defmodule Servy.Other do
  alias Servy.Util.Text, as: T
  def handle(s), do: T.whisper(s)
end
defmodule Servy.Imp do
  import Servy.Util.Text, only: [shout: 1]
  def handle(s), do: shout(s)
end
defmodule Servy.ListUser do
  import List, only: [first: 1, last: 1]
  def ends(l), do: {first(l), last(l)}
end
IO.puts Servy.Handler.handle("hey")
IO.puts Servy.Other.handle("QUIET")
IO.puts Servy.Imp.handle("imported")
IO.inspect Servy.ListUser.ends([1, 2, 3])
alias Servy.Util.Text
IO.puts Text.shout("top level alias")
import String, only: [reverse: 1]
IO.puts reverse("olleh")
