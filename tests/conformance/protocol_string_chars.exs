# String.Chars for structs: to_string/1, interpolation, IO.puts, Enum.join.
defmodule Money do
  defstruct amount: 0, currency: "EUR"

  defimpl String.Chars do
    def to_string(%Money{amount: a, currency: c}), do: "#{a} #{c}"
  end
end

defmodule Temp do
  defstruct degrees: 0
end

defimpl String.Chars, for: Temp do
  def to_string(t), do: Integer.to_string(t.degrees) <> "°C"
end

defmodule Main do
  def run do
    m = %Money{amount: 5}
    IO.puts(to_string(m))
    IO.puts("price: #{m}")
    IO.puts(m)
    IO.puts(Enum.join([m, %Money{amount: 7, currency: "USD"}], ", "))
    IO.puts("#{%Temp{degrees: 21}} and #{%Temp{}}")
    IO.inspect(String.Chars.impl_for(m))
    IO.inspect(m)
    IO.inspect(Enum.map([%Temp{degrees: 1}, 2, :three, "four"], &to_string/1))
    IO.puts([to_string(%Temp{degrees: -3}), " ", "ok"])

    try do
      "#{%{__struct__: Temp2, a: 1}}"
    rescue
      e -> IO.puts(Exception.message(e))
    end
  end
end

Main.run()
