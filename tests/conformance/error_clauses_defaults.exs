# The function a call's default arguments reach is the one named, with the
# defaults among the arguments; the script's own frame stays, as the call
# is not the last expression.
list = [10, 20, 30]
IO.inspect(Enum.at(list, 1))
second = Enum.at(list, "1")
IO.inspect(second)
