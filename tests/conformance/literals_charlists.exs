IO.inspect 'hello'
IO.inspect [104, 105]
IO.inspect [104, 105, 0]
IO.inspect 'héllo'
IO.inspect is_list('abc')
IO.inspect length('abc')
IO.inspect 'abc' ++ 'def'
IO.puts 'printed'
IO.inspect [?a, ?b]
IO.inspect ~c(sigil chars)
IO.inspect to_string('abc')
IO.inspect to_charlist("abc")
IO.inspect 'with \'quotes\''
IO.inspect [7, 8, 9, 10]
IO.inspect [1000]
