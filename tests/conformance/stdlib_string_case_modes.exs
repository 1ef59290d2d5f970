IO.inspect String.downcase("ΣΑΣ ΟΔΟΣ")
IO.inspect String.downcase("ΣΑΣ ΟΔΟΣ", :greek)
IO.inspect String.upcase("straße ǆ ﬁ")
IO.inspect String.capitalize("ǆemal")
IO.inspect String.capitalize("ßa ÉCOLE")
IO.inspect String.capitalize("ﬁne")
IO.inspect String.capitalize("")
IO.inspect String.capitalize("élan VITAL", :ascii)
IO.inspect String.upcase("héllo", :ascii)
IO.inspect String.downcase("HÉLLO", :ascii)
IO.inspect String.upcase("iıİI", :turkic)
IO.inspect String.downcase("iıİI", :turkic)
IO.inspect String.downcase("İ")
IO.inspect String.capitalize("istanbul", :turkic)
IO.inspect String.match?("abc", ~r/b/)
IO.inspect String.match?("abc", ~r/^b/)
IO.inspect String.replace_leading("aaab", "a", "b")
IO.inspect String.replace_leading("hello", "hel", "")
IO.inspect String.replace_trailing("hello!!!", "!", "?")
IO.inspect String.replace_trailing("abab", "ab", "x")
IO.inspect String.bag_distance("abc", "abd")
IO.inspect String.bag_distance("", "abc")
IO.inspect String.bag_distance("hello", "world")
IO.inspect String.printable?("abc\x01", 3)
IO.inspect String.printable?("abc\x01", 4)
IO.inspect String.printable?("ab", :infinity)
try do
  String.replace_leading("a", "", "b")
rescue
  e -> IO.inspect e
end
try do
  String.match?("abc", "b")
rescue
  e -> IO.puts Exception.message(e)
end
try do
  String.upcase("a", :bogus)
rescue
  e -> IO.puts Exception.message(e)
end
