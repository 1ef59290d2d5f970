# A closure no clause accepts: its frame is named once, with its arity.
grade = fn
  n when n >= 90 -> :a
  n when n >= 50 -> :pass
end
IO.inspect grade.(95)
IO.inspect Enum.map([70, 50], grade)
grade.(10)
