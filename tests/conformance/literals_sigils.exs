IO.inspect ~w(apple banana cherry)
IO.inspect ~w(one two)a
IO.inspect ~w(x y)c
IO.inspect ~s(a "quoted" string)
IO.inspect ~s{braces #{1 + 1}}
IO.inspect ~S(no #{interp} \n here)
IO.inspect ~c(charlist)
IO.inspect ~w[a b c]s
IO.inspect ~s|pipes|
IO.inspect ~s/slashes/
IO.inspect ~s"""
heredoc sigil
"""
IO.inspect ~w<angle brackets>
