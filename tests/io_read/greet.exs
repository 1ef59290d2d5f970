# A learner's script: questions, answers, and the rest of the input.
name = IO.gets("What is your name? ") |> String.trim()
IO.puts("Hello, #{name}!")

read_age = fn read_age ->
  case IO.gets("How old are you? ") do
    :eof ->
      IO.puts("\nno age given")
      nil

    line ->
      case Integer.parse(String.trim(line)) do
        {age, ""} -> age
        _ -> IO.puts("please type a number"); read_age.(read_age)
      end
  end
end

age = read_age.(read_age)
IO.puts("In ten years you will be #{age + 10}.")

IO.stream(:stdio, :line)
|> Stream.map(&String.trim/1)
|> Stream.with_index(1)
|> Enum.each(fn {line, i} -> IO.puts("#{i}: #{line}") end)

IO.inspect(IO.gets("anything else? "))
