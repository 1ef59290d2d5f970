defmodule Servy.Handler do
  def handle(request) do
    request
    |> parse()
    |> log()
    |> route()
    |> format_response()
  end

  def parse(request) do
    [method, path, _version] =
      request
      |> String.split("\n")
      |> List.first()
      |> String.split(" ")

    %{method: method, path: path, resp_body: ""}
  end

  def log(conv), do: IO.inspect(conv)

  def route(%{path: "/wildthings"} = conv), do: %{conv | resp_body: "Bears, Lions, Tigers"}
  def route(conv), do: %{conv | resp_body: "Nothing at #{conv.path}"}

  def format_response(conv) do
    """
    HTTP/1.1 200 OK
    Content-Type: text/html
    Content-Length: #{byte_size(conv.resp_body)}

    #{conv.resp_body}
    """
  end
end
request = """
GET /wildthings HTTP/1.1
Host: example.com
Accept: */*

"""
IO.puts Servy.Handler.handle(request)
IO.puts Servy.Handler.handle("GET /bigfoot HTTP/1.1\n")
