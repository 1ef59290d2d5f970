# a syntax error shows the line, with a caret under the column







x = 1
list = [1, 2, 3]
y = x +* 2
