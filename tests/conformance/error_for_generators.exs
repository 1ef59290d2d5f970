# A comprehension whose body raises: Elixir's closure for the innermost
# generator (its arity counts the variables it captures; one bound to a
# constant is not captured) and Enum.reduce/3's frames, once.
rate = 10
scale = fn n -> n * 2 end

result =
  for region <- [:north, :south], count <- [5, 0] do
    {region, scale.(rate) / count}
  end

IO.inspect(result)
