text = """
First line
  indented line
Last line
"""
IO.write text
IO.inspect text

doc = """
    leading spaces stripped by closing delimiter
      relative indent kept
    """
IO.inspect doc
x = 5
IO.puts """
x is #{x}
tab\there
"""
chars = '''
charlist heredoc
'''
IO.inspect chars
