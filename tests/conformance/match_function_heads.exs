defmodule Router do
  def route(%{method: "GET", path: "/wildthings"} = conv), do: %{conv | resp_body: "Bears, Lions, Tigers"}
  def route(%{method: "GET", path: "/bears/" <> id} = conv), do: %{conv | resp_body: "Bear #{id}"}
  def route(%{path: path} = conv), do: %{conv | resp_body: "No #{path} here!", status: 404}

  def status(%{status: 404}), do: "Not Found"
  def status(%{status: _}), do: "OK"
end
for path <- ["/wildthings", "/bears/7", "/bigfoot"] do
  conv = Router.route(%{method: "GET", path: path, resp_body: "", status: 200})
  IO.puts "#{conv.status} #{Router.status(conv)}: #{conv.resp_body}"
end
