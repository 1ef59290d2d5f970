# Prints `<ieee bits, 16 hex digits> <Float.to_string> <inspect>` for ~300 floats.
# Regenerate floats.txt with tests/inspect/record.sh.
:rand.seed(:exsss, {1, 2, 3})

fixed = [
  1.0, 0.1, -0.0, 0.0, 1.0e20, 1.0e-5, 123456789.123, 1.0e16, 0.001,
  1.2345678901234567e19, 5.0e-324, 1.7976931348623157e308, 2.2250738585072014e-308,
  9007199254740992.0, 9007199254740991.0, 9007199254740994.0, 1234567890123456.8,
  0.00012, 0.0001, 0.0012, 1.5, -1.5, 3.14159, 2.5e-7, 100.0, 1000.0, 123.0,
  1.0e15, 1.5e15, 0.3, 1/3, 2/3, 0.1 + 0.2, 1.0e100, 1.0e-100, -123.456, 4.35, 0.5,
  1.0e21, 1.0e22, 1.23e12, 999999999999999.9, 9999999999999998.0, 0.000123456,
  123456.0, 1.0e-10, 6.02214076e23, 1.602176634e-19, 4.9e-324, 1.0e-323
]

pow10 = for e <- -25..25, s <- [1.0, 1.5, 2.25, 7.0, 1.2345], do: s * :math.pow(10, e)

random =
  for _ <- 1..120 do
    e = :rand.uniform(80) - 40
    m = :rand.uniform() * 10
    sign = if :rand.uniform(2) == 1, do: 1, else: -1
    digits = :rand.uniform(17)
    Float.round(m, min(digits, 15)) * :math.pow(10, e) * sign
  end

for f <- fixed ++ pow10 ++ random do
  <<bits::64>> = <<f::float>>
  hex = bits |> Integer.to_string(16) |> String.pad_leading(16, "0")
  IO.puts("#{hex} #{Float.to_string(f)} #{inspect(f)}")
end
