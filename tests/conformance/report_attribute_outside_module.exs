# Module attributes belong inside defmodule.
@greeting "Hello"
IO.puts @greeting
