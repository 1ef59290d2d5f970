# def belongs inside defmodule.
def greet(name), do: "Hello #{name}"
IO.puts greet("Bob")
