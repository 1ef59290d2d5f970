defmodule B do
  IO.inspect zz
end
