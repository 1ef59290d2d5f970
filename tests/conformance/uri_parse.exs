# URI.parse, URI.new, URI.new!, to_string and the %URI{} struct.
IO.inspect URI.parse("https://user:pw@elixir-lang.org:8080/docs/path?q=1&b=2#frag")
IO.inspect URI.parse("HTTP://Example.COM/A")
IO.inspect URI.parse("//elixir-lang.org/")
IO.inspect URI.parse("/foo/bar")
IO.inspect URI.parse("foo/bar")
IO.inspect URI.parse("mailto:someone@example.com")
IO.inspect URI.parse("http://[::1]:4000/x")
IO.inspect URI.parse("http://host:/p")
IO.inspect URI.parse("http://")
IO.inspect URI.parse("")
IO.inspect URI.parse("?q")
IO.inspect URI.parse("#f")
IO.inspect URI.parse("/invalid_greater_than_in_path/>")
IO.inspect URI.parse("/?foo[bar]=baz")
IO.inspect URI.parse("ftp://a@b@c/")
IO.inspect URI.parse("custom://host")
IO.inspect URI.parse("1http://x")
uri = URI.parse("http://x.org/a")
IO.inspect URI.parse(uri) == uri
IO.inspect %URI{}
IO.inspect %URI{host: "h", port: 1}
IO.inspect %URI{URI.parse("http://x.org/") | path: "/y"}
IO.inspect %URI{authority: "a"}
IO.inspect(URI.parse("http://x.org/a?b#c"), pretty: false)
IO.inspect URI.new("https://elixir-lang.org/")
IO.inspect URI.new("//elixir-lang.org/")
IO.inspect URI.new("/foo/bar")
IO.inspect URI.new("//[fe80::]/")
IO.inspect URI.new("https:?query")
IO.inspect URI.new("/invalid_greater_than_in_path/>")
IO.inspect URI.new("a b")
IO.inspect URI.new("http://x.org/a b/c")
IO.inspect URI.new("/?foo[bar]=baz")
IO.inspect URI.new("http://x.org:80/")
IO.inspect URI.new("http://x.org:99999/")
IO.inspect URI.new("HTTP://user@x.org:8080/p?q#f")
IO.inspect URI.new("")
IO.inspect URI.new("http://x.org/%zz")
IO.inspect URI.new(uri)
IO.inspect URI.new!("https://elixir-lang.org/")
IO.inspect URI.new!(uri)
for s <- ["http://google.com", "foo://bar.baz", "https://user@h:443/p?q=1#f", "http://h:8080", "/rel?x", "mailto:a@b.c", "//h/p", "http://[::1]:4000/x"] do
  IO.puts URI.to_string(URI.parse(s))
end
IO.puts URI.to_string(%URI{scheme: "http", host: "h", path: "/p", port: 80})
IO.puts URI.to_string(%URI{scheme: "http", host: "h", port: 81})
IO.puts URI.to_string(%URI{host: "h", userinfo: "u"})
IO.puts URI.to_string(%URI{path: "a"})
IO.puts URI.to_string(%URI{authority: "auth", path: "/a"})
IO.puts "interpolated: #{URI.parse("http://a.b/c")}"
IO.puts to_string(%URI{scheme: "ws", host: "x"})
try do
  URI.to_string(%URI{host: "h", path: "rel"})
rescue
  e -> IO.puts Exception.message(e)
end
try do
  URI.new!("/bad>")
rescue
  e -> IO.inspect e
       IO.puts Exception.message(e)
end
URI.new!("http://a b")
