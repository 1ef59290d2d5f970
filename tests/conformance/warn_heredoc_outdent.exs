defmodule Doc do
  def text(x) do
    a = '''
  first #{x}
 second

    '''
    b = """
      ok
 #{x} c
 d
      """
    {a, b}
  end
end

IO.inspect(Doc.text(1))
s = ~S"""
 raw
  """
IO.inspect(s)
t = """
	  tab counts as one
   """
IO.inspect(t)
