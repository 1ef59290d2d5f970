for {a, b} <- [{"martha", "marhta"}, {"dwayne", "duane"}, {"dixon", "dicksonx"}, {"same", "same"}, {"abc", ""}, {"crate", "trace"}, {"jellyfish", "smellyfish"}, {"a", "b"}, {"ab", "ba"}, {"héllo", "hello"}] do
  IO.inspect String.jaro_distance(a, b)
end
