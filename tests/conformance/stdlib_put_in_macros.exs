# The path macros: put_in/2, update_in/2, get_and_update_in/2, pop_in/1.
defmodule User do
  defstruct name: nil, address: %{city: nil}, tags: []
end

defmodule Demo do
  def run do
    u = %User{name: "ana", address: %{city: "Lisbon"}}
    IO.inspect(put_in(u.address.city, "Porto"))
    IO.inspect(update_in(u.name, &String.upcase/1))
    IO.inspect(get_and_update_in(u.address.city, &{&1, &1 <> "!"}))

    users = %{"john" => %{age: 27, langs: [:en]}, "meg" => %{age: 23}}
    IO.inspect(put_in(users["john"][:age], 28))
    IO.inspect(update_in(users["john"].age, &(&1 + 1)))
    IO.inspect(update_in(users["meg"][:langs], fn nil -> [:pt] end))
    IO.inspect(get_and_update_in(users["meg"].age, fn a -> {a, a * 2} end))
    IO.inspect(get_and_update_in(users["john"][:age], fn _ -> :pop end))
    IO.inspect(pop_in(users["john"][:age]))
    IO.inspect(pop_in(users["nobody"][:age]))
    IO.inspect(pop_in(users.missing[:x]))

    opts = [db: [host: "localhost", port: 5432]]
    IO.inspect(put_in(opts[:db][:port], 6543))
    IO.inspect(update_in(opts[:db][:host], &String.upcase/1))
    IO.inspect(put_in(opts[:cache][:size], 10))
  end
end

Demo.run()

# The new value is computed inside the update, after the path is walked.
m = %{a: %{b: 1}}
IO.inspect(put_in(m.a.b, IO.inspect(:computed)))
counter = %{hits: 0}
counter = update_in(counter.hits, &(&1 + 1))
counter = update_in(counter[:hits], &(&1 + 1))
IO.inspect(counter)
state = %{players: %{"p1" => %{score: 0}}}
state = put_in(state.players["p1"].score, 10)
IO.inspect(state)
IO.inspect(get_in(state, [:players, "p1", :score]))
