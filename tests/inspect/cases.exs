# Expected inspect output of ~150 terms, recorded from real Elixir.
# Regenerate cases.out with: sh tests/inspect/record.sh
#
# Output format, per case:
#   == <name>
#   -- inspect      inspect(term, opts)            (width :infinity)
#   -- io           IO.inspect(term, opts)         (width 80)
#   -- iex          how iex prints the result (pretty, width 80, default syntax
#                   colours, wrapped in the :eval_result colour); ESC is written as ⎋
#   -- to_string    Base16 of to_string(term), or !error if it raises
# Each section runs to the next line starting with "-- " or "== ".
# Pid, reference and function numbers are chosen to match the Rust test's terms.

defmodule S do
  defstruct [:z, :a, b: 2]
end

defmodule M do
  def f, do: fn x -> x end
  def g(y), do: fn -> y end
  def unquote(:"weird name")(x), do: x
end

defmodule Cases do
  import Bitwise

  # Rust: Ref(n) prints as #Reference<0.a.b.c> with these numbers.
  def ref(n) do
    a = bxor(1_471_664_229, n >>> 18) &&& 0xFFFFFFFF
    b = 2_995_257_346
    c = 100_000 + (n &&& 0x3FFFF)
    :erlang.list_to_ref('#Ref<0.#{a}.#{b}.#{c}>')
  end

  def nested_map do
    %{
      name: "A fairly long name for a thing",
      address: %{street: "123 Some Long Street Name", city: "Somewhere", zip: "12345"},
      tags: [:alpha, :beta, :gamma, :delta, :epsilon],
      scores: {1, 2, 3}
    }
  end

  def cases do
    [
      # integers
      {"int_zero", 0},
      {"int_pos", 42},
      {"int_neg", -7},
      {"int_i64_max", 9_223_372_036_854_775_807},
      {"int_i64_min", -9_223_372_036_854_775_808},
      {"bigint_2_64", 18_446_744_073_709_551_616},
      {"bigint_neg", -1_180_591_620_717_411_303_424},
      {"bigint_long", 123_456_789_012_345_678_901_234_567_890},
      # floats
      {"float_one", 1.0},
      {"float_negzero", -0.0},
      {"float_1e16", 1.0e16},
      {"float_1e15", 1.0e15},
      {"float_tenth", 0.1},
      {"float_small", 1.0e-5},
      {"float_frac", 123_456_789.123},
      {"float_thousand", 1000.0},
      {"float_neg", -2.5},
      # atoms
      {"atom_foo", :foo},
      {"atom_space", :"foo bar"},
      {"atom_q", :foo?},
      {"atom_bang", :foo!},
      {"atom_plus", :+},
      {"atom_digit", :"9a"},
      {"atom_nil", nil},
      {"atom_true", true},
      {"atom_false", false},
      {"atom_elixir", :Elixir},
      {"atom_alias", Foo.Bar},
      {"atom_alias1", String},
      {"atom_elixir_lower", :"Elixir.foo"},
      {"atom_elixir_elixir", :"Elixir.Elixir.Foo"},
      {"atom_at", :@},
      {"atom_dash", :"foo-bar"},
      {"atom_node", :foo@bar},
      {"atom_upper", :Foo},
      {"atom_colons", :"::"},
      {"atom_dots3", :...},
      {"atom_dots2", :..},
      {"atom_concat", :<>},
      {"atom_qmid", :"foo?bar"},
      {"atom_quote", :"with\"quote"},
      {"atom_unicode", :"ünïcödé"},
      {"atom_underscore", :_},
      {"atom_underfoo", :_foo},
      {"atom_empty", :""},
      {"atom_newline", :"a\nb"},
      {"atom_map", :%{}},
      {"atom_amp", :&},
      {"atom_when", :when},
      {"atom_pipe", :|>},
      {"atom_slashslash", :"//"},
      {"atom_stepop", :"..//"},
      {"atom_erlang", :erlang},
      # strings and binaries
      {"str_empty", ""},
      {"str_hello", "hello"},
      {"str_newline", "a\nb"},
      {"str_escape", "\e[0m"},
      {"str_quote", "quote\"s"},
      {"str_interp", "\#{x}"},
      {"str_hash", "# not interp"},
      {"str_tab", "tab\there"},
      {"str_controls", "\a\b\v\f\r\d"},
      {"str_unicode", "olá ünicode"},
      {"str_cjk", "日本語"},
      {"str_emoji", "😀"},
      {"str_nbsp", "a\u00A0b"},
      {"str_bom", "\uFEFF"},
      {"str_backslash", "back\\slash"},
      {"bin_zero_one", <<0, 1>>},
      {"bin_255", <<255>>},
      {"bin_nul_suffix", "a" <> <<0>>},
      {"bin_invalid_utf8", <<"abc", 200>>},
      {"bin_c1", <<0xC2, 0x80>>},
      {"bin_long", :binary.copy(<<1>>, 60)},
      # charlists
      {"cl_abc", 'abc'},
      {"cl_newline", 'a\nb'},
      {"cl_bell", [7, 8, 9]},
      {"cl_words", 'hello world'},
      {"cl_zero", [0]},
      {"cl_small", [1, 2, 3]},
      {"cl_latin1", 'é'},
      {"cl_escape", [27, ?[, ?0, ?m]},
      {"cl_quote", 'it\'s'},
      {"cl_improper", [?a | ?b]},
      # lists
      {"list_empty", []},
      {"list_ints", [1, 2, 3]},
      {"list_mixed", [1, :a, "b", 2.0]},
      {"list_improper", [1 | 2]},
      {"list_improper2", [1, 2 | 3]},
      {"list_improper_str", ["a" | "b"]},
      {"list_nested", [[1], [2, [3]]]},
      {"list_of_empty", [[]]},
      {"list_iodata", ['ab', "cd", ?e]},
      # keyword lists
      {"kw_simple", [a: 1, b: 2]},
      {"kw_quoted", ["foo bar": 1, ok: 2]},
      {"kw_not_atom", [{:a, 1}, {"b", 2}]},
      {"kw_alias_key", [{Foo, 1}]},
      {"kw_nested", [a: [b: [c: 1]]]},
      {"kw_digit", [{:"9a", 1}]},
      {"kw_ops", ["+": 1, "?": 2, foo?: 3]},
      {"kw_special", [nil: 1, true: 2]},
      {"kw_upper", [Foo: 1]},
      {"kw_triple", [{:a, 1, 2}]},
      # tuples
      {"tuple_empty", {}},
      {"tuple_one", {1}},
      {"tuple_two", {1, 2}},
      {"tuple_ok", {:ok, "x"}},
      {"tuple_nested", {:a, {:b, {:c}}}},
      {"tuple_kw", {:ok, [a: 1]}},
      # maps
      {"map_empty", %{}},
      {"map_atoms", %{a: 1, b: 2}},
      {"map_assoc", %{1 => 2, "a" => :b}},
      {"map_mixed", %{:a => 1, "b" => 2}},
      {"map_alias_key", %{Foo => 1}},
      {"map_quoted_key", %{"foo bar": 1}},
      {"map_list_key", %{[1] => {2}}},
      {"map_num_keys", %{1.0 => :f, 1 => :i}},
      {"map_nested", %{a: %{b: %{c: 1}}}},
      {"map_32", Map.new(1..32, &{&1, &1 * 2})},
      {"map_atom_order", %{zeta: 1, alpha: 2, mid: 3}},
      # structs
      {"struct_runtime_error", %RuntimeError{message: "boom"}},
      {"struct_key_error", %KeyError{key: :a, term: %{}}},
      {"struct_argument_error", %ArgumentError{}},
      {"struct_user", struct(S, [])},
      {"struct_user_vals", struct(S, z: [1, 2], a: %{x: 1})},
      {"struct_missing_field", Map.delete(struct(S, []), :a)},
      {"struct_unknown", %{__struct__: Nope, a: 1}},
      {"range", 1..10},
      {"range_step", 1..10//2},
      {"range_down", 10..1//-1},
      {"range_empty", 5..1//1},
      {"range_neg", -3..-1},
      {"mapset", MapSet.new([3, 1, 2])},
      {"mapset_empty", MapSet.new()},
      # pids, references, functions
      {"pid", :c.pid(0, 123, 0)},
      {"pid_big", :c.pid(0, 32767, 0)},
      {"ref_1", ref(1)},
      {"ref_12345", ref(12345)},
      {"ref_big", ref(123_456_789_012)},
      {"fun_ext_erlang", &:lists.map/2},
      {"fun_ext_elixir", &Enum.map/2},
      {"fun_ext_operator", &:erlang.+/2},
      {"fun_ext_weird", &M."weird name"/1},
      {"fun_closure_mod", M.f()},
      {"fun_closure_mod0", M.g(1)},
      {"in_list", [:c.pid(0, 1, 0), ref(7), &M.f/0]},
      # limits
      {"limit_default_list", Enum.to_list(1..60)},
      {"limit_list3", [1, 2, 3, 4, 5], limit: 3},
      {"limit_tuple3", {1, 2, 3, 4, 5}, limit: 3},
      {"limit_map2", %{a: 1, b: 2, c: 3}, limit: 2},
      {"limit_map_assoc2", %{1 => 1, 2 => 2, 3 => 3}, limit: 2},
      {"limit_nested", [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]], limit: 5},
      {"limit_kw", [a: 1, b: 2, c: 3], limit: 1},
      {"limit_bin", <<0, 1, 2, 3, 4, 5, 6, 7, 8, 9>>, limit: 3},
      {"limit_improper", [1, 2 | 3], limit: 1},
      {"limit_struct", struct(S, []), limit: 1},
      {"limit_exact", [1, 2, 3], limit: 3},
      {"limit_zero_tuple", {1, {2, 3}}, limit: 1},
      {"printable_str", "hello world", printable_limit: 5},
      {"printable_cl", 'hello world', printable_limit: 3},
      {"printable_exact", "hello", printable_limit: 5},
      {"printable_invalid", <<"hello", 255>>, printable_limit: 3},
      {"printable_long_default", String.duplicate("ab", 2100)},
      # pretty printing
      {"pretty_floats40", Enum.map(1..40, &(&1 * 1.0))},
      {"pretty_ints100", Enum.to_list(1..100), limit: :infinity},
      {"pretty_ints50", Enum.to_list(1..50)},
      {"pretty_strings", Enum.map(1..30, &"string number #{&1}")},
      {"pretty_atoms", Enum.map(1..25, &:"atom_#{&1}")},
      {"pretty_nested_map", nested_map()},
      {"pretty_list_of_maps", [nested_map(), %{a: 1}]},
      {"pretty_kw_long", [first: "a long value here", second: "another long value", third: [1, 2, 3], fourth: :ok]},
      {"pretty_tuple_long", {:ok, "a long string value in a tuple", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], %{key: "value"}}},
      {"pretty_tuple_ints", List.to_tuple(Enum.to_list(1..40))},
      {"pretty_list_tuples", Enum.map(1..12, &{&1, "item #{&1}"})},
      {"pretty_map_assoc_long", Map.new(1..15, &{"key_#{&1}", &1})},
      {"pretty_struct_long", struct(S, z: String.duplicate("z", 50), a: Enum.to_list(1..30))},
      {"pretty_deep", [[[[[[[[[[String.duplicate("x", 70)]]]]]]]]]]},
      {"pretty_improper_long", Enum.to_list(1..30) ++ 31},
      {"pretty_long_string_in_list", [String.duplicate("a", 100), String.duplicate("b", 100)]},
      {"pretty_kw_nested_lists", [numbers: Enum.to_list(1..30), letters: Enum.map(?a..?z, &<<&1>>)]},
      {"pretty_map_of_lists", %{evens: Enum.filter(1..60, &(rem(&1, 2) == 0)), odds: Enum.filter(1..60, &(rem(&1, 2) == 1))}},
      {"pretty_bin_long", :binary.copy(<<200>>, 40)},
      {"pretty_mixed_simple", [1, "two", :three, 4.0, 'five', {6}, [7], %{8 => 8}] ++ Enum.to_list(9..30)},
      {"pretty_width_unicode", Enum.map(1..10, fn _ -> "ünïcödé" end)},
      {"pretty_charlists", Enum.map(1..12, fn i -> 'charlist #{i}' end)},
      {"pretty_ranges", Enum.map(1..12, &(&1..(&1 * 100)))},
      {"pretty_errors", [%RuntimeError{message: String.duplicate("m", 40)}, %KeyError{key: :some_key, term: %{a: 1}}]},
      {"pretty_width_40", Enum.to_list(1..30), width: 40},
      {"pretty_width_0", [1, [2, 3], {4}], width: 0}
    ]
  end
end

esc = fn s -> String.replace(s, "\e", "⎋") end

iex_opts = [pretty: true, width: 80, syntax_colors: [reset: [:reset, :yellow]] ++ IO.ANSI.syntax_colors()]

for c <- Cases.cases() do
  {name, term, opts} =
    case c do
      {name, term} -> {name, term, []}
      {name, term, opts} -> {name, term, opts}
    end

  io_opts = Keyword.put_new(opts, :width, 80)
  io = Inspect.Algebra.format(Inspect.Algebra.group(Inspect.Algebra.to_doc(term, Inspect.Opts.new(io_opts))), io_opts[:width])
  iex = IO.ANSI.format([:yellow | inspect(term, Keyword.merge(iex_opts, opts))], true)

  to_s =
    try do
      Base.encode16(to_string(term))
    rescue
      _ -> "!error"
    end

  IO.puts("== #{name}")
  IO.puts("-- inspect")
  IO.puts(inspect(term, Keyword.delete(opts, :width)))
  IO.puts("-- io")
  IO.puts(io)
  IO.puts("-- iex")
  IO.puts(esc.(IO.iodata_to_binary(iex)))
  IO.puts("-- to_string")
  IO.puts(to_s)
end
