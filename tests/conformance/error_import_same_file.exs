defmodule Helpers do
  def double(x), do: x * 2
end

import Helpers
IO.inspect(double(2))
