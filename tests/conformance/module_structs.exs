defmodule User do
  defstruct name: "anonymous", age: 0, email: nil
end
defmodule Shop do
  def make(name), do: %User{name: name, age: 30}
  def older(%User{age: a} = u), do: %{u | age: a + 1}
  def name_of(%User{name: n}), do: n
  def adult?(%User{age: a}) when a >= 18, do: true
  def adult?(%User{}), do: false
end
u = Shop.make("Ann")
IO.inspect u
IO.inspect Shop.older(u)
IO.inspect Shop.name_of(u)
IO.inspect Shop.adult?(u)
IO.inspect u.name
IO.inspect Map.keys(u)
IO.inspect u.__struct__
IO.inspect is_map(u)
IO.inspect Map.from_struct(u)
IO.inspect struct(User, name: "Bob")
IO.inspect Map.put(u, :age, 99)
