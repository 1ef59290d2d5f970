# URI.new/1 validation (as :uri_string.parse/1) on good and bad input.
for s <- ["http://a b", "http://x.org/a b/c", "a b", "/?foo[bar]=baz", "http://x.org/?q=a b", "http://x.org/#a#b",
          "http://x.org/p?q#f?/", "http://[::1]:80/", "http://[::g]/", "http://[::1/", "http://h:8x/", "http://h:/",
          "http://u:p@h/", "http://u@h@x/", "ftp://a@b@c/", "mailto:a@b.c", "urn:isbn:0451450523", "x:", "1x:y",
          ":x", "a:b c", "//h:1/p", "//h p", "?a b", "#a b", "p/q:r", "p:q/r", "http://h/é", "é", "http://é/",
          "http://h/%zz", "http://h/a%20b", "HTTP://H/", "http://h?x", "http://h#x", "http:", "http:/p", "http:p",
          "http://h:65536", "http://1.2.3.4:5/", "http://h/{x}", "http://h/a|b", "/a\\b", "http://h/`"] do
  IO.puts "#{inspect(s)} -> #{inspect(URI.new(s), pretty: false)}"
end
IO.inspect {URI.new("//h:/"), URI.new("http://h:"), URI.new("http://[::1]:")}, pretty: false
