defmodule Uses do
  import Nowhere
  def f, do: 1
end
