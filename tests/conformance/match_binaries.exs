<<a, b, rest::binary>> = "hello"
IO.inspect {a, b, rest}
<<head::binary-size(3), tail::binary>> = "abcdef"
IO.inspect {head, tail}
"GET " <> path = "GET /wildthings"
IO.inspect path
route = fn
  "/bears/" <> id -> {:bear, id}
  "/" <> page -> {:page, page}
end
IO.inspect route.("/bears/1")
IO.inspect route.("/about")
<<x::16>> = <<1, 2>>
IO.inspect x
<<c::utf8, _::binary>> = "élan"
IO.inspect c
[method, path, _] = String.split("GET /bears HTTP/1.1", " ")
IO.inspect {method, path}
