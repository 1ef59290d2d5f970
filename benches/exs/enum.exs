# An Enum pipeline over 300_000 elements.
1..300_000
|> Enum.map(&(&1 * 3))
|> Enum.filter(&(rem(&1, 2) == 0))
|> Enum.sum()
|> IO.inspect()
