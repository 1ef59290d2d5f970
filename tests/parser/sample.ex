defmodule Shop.Inventory do
  @moduledoc """
  A small inventory kept in a process.

      iex> Shop.Inventory.start()
  """
  @behaviour GenServer
  @default_stock %{"pears" => 4, apples: 10}
  @max 1_000

  alias Shop.{Item}
  import Enum, only: [map: 2, reduce: 3]
  require Logger

  defstruct name: "main", items: %{}, log: []

  @type t :: %__MODULE__{name: String.t(), items: map(), log: list()}

  @spec start(keyword) :: pid
  def start(opts \\ []) do
    name = Keyword.get(opts, :name, "main")
    spawn(fn -> loop(%__MODULE__{name: name, items: @default_stock}) end)
  end

  def add(pid, item, qty) when is_integer(qty) and qty > 0 do
    send pid, {:add, self(), item, qty}
    receive do
      {:ok, total} -> {:ok, total}
      {:error, _} = err -> err
    after
      5_000 -> {:error, :timeout}
    end
  end

  defp loop(%__MODULE__{items: items} = state) do
    receive do
      {:add, from, item, qty} ->
        new_items = Map.update(items, item, qty, &(&1 + qty))
        send(from, {:ok, new_items[item]})
        loop(%{state | items: new_items, log: [{item, qty} | state.log]})

      {:dump, from} ->
        send from, {:dump, state}
        loop(state)

      :stop ->
        :ok
    end
  end

  def total(%{items: items}) do
    items
    |> Map.values()
    |> Enum.filter(&is_integer/1)
    |> Enum.reduce(0, fn x, acc -> x + acc end)
  end

  def describe(state) do
    for {name, qty} <- state.items, qty > 0, into: [] do
      label = if qty > @max, do: "lots", else: "#{qty}"
      "#{name}: #{label}"
    end
  end

  def classify(n) do
    cond do
      n < 0 -> :negative
      n == 0 -> :zero
      n in 1..9 -> :small
      true -> :large
    end
  end

  def parse(bin) do
    case bin do
      <<size::8, payload::binary-size(size), rest::binary>> -> {payload, rest}
      <<>> -> :empty
      _other -> :error
    end
  end

  def safe_div(a, b) do
    try do
      a / b
    rescue
      e in ArithmeticError -> {:error, Exception.message(e)}
    catch
      :exit, reason -> {:exit, reason}
    else
      value when is_float(value) -> {:ok, value}
    after
      Logger.debug("divided")
    end
  end

  def fetch(map, key) do
    with {:ok, v} <- Map.fetch(map, key),
         true <- not is_nil(v) do
      {:ok, v}
    else
      :error -> {:error, :missing}
      false -> {:error, :nil_value}
    end
  end

  def words(text), do: ~w(#{text} extra)a ++ String.split(text, ~r/\s+/, trim: true)

  def bits(x), do: (x &&& 0xFF) ||| (x <<< 2) ^^^ ~~~x

  def char_codes, do: [?a, ?\n, 'abc', 0b1010, 0o17, 1.5e3, -1, :"odd atom", :+]

  def steps, do: Enum.to_list(1..10//2) -- [3]

  def not_member?(x, list), do: x not in list and !is_nil(x)
end
