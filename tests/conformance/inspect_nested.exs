data = %{
  name: "Servy",
  pledges: [{"larry", 10}, {"moe", 20}],
  config: %{port: 4000, hosts: ["localhost", "example.com"]},
  tags: [:http, :server]
}
IO.inspect data
IO.inspect {data.name, data.tags}
IO.inspect [[], [[]], {{}}, %{[] => %{}}]
IO.inspect {:ok, %{list: [1, 2, 3], tuple: {:a, {:b, {:c}}}}}
IO.inspect [1.5, :atom, "str", 'cl', nil, true]
IO.inspect %{1 => 2, 3 => 4, 5 => 6}
IO.inspect Map.new(1..5, fn i -> {i, i * i} end)
