# Keyword's raising functions leave their own frame (a tail call replaces the script's).
opts = [verbose: true, depth: 2]
for f <- [&Keyword.replace!(&1, :x, 1), &Keyword.update!(&1, :x, fn v -> v end), &Keyword.pop!(&1, :x)] do
  try do
    f.(opts)
  rescue
    e -> IO.inspect({e, hd(__STACKTRACE__)})
  end
end
IO.inspect Keyword.fetch!(opts, :depth)
Keyword.fetch!(opts, :colour)
