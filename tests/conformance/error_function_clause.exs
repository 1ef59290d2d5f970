defmodule Handler do
  def handle(:get), do: "got"
  def handle(:post), do: "posted"
end
IO.puts Handler.handle(:get)
IO.puts Handler.handle(:delete)
IO.puts "never printed"
