//! Parser unit tests: each renders the AST as a compact s-expression.
//!
//! Rendering: calls with parens `(f a b)`, without parens `(f~ a b)`,
//! remote `(Mod.f a)`, anonymous `(.() f a)`, clauses `(-> (params) body)`.

use super::parse_program;
use crate::syntax::ast::{CallTarget, Expr, ExprKind, StabClause, StrPart, UnaryOp};
use crate::syntax::error::SyntaxErrorKind;

fn parts(ps: &[StrPart]) -> String {
    ps.iter()
        .map(|p| match p {
            StrPart::Lit(s) => format!("{s:?}"),
            StrPart::Interp(e) => render(e),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn all(es: &[Expr]) -> String {
    es.iter().map(render).collect::<Vec<_>>().join(" ")
}

fn clause(c: &StabClause) -> String {
    let guard = c
        .guard
        .as_ref()
        .map_or(String::new(), |g| format!(" when {}", render(g)));
    format!("(-> ({}){} {})", all(&c.params), guard, render(&c.body))
}

fn pairs(ps: &[(Expr, Expr)]) -> String {
    ps.iter()
        .map(|(k, v)| format!(" ({} {})", render(k), render(v)))
        .collect()
}

fn render(e: &Expr) -> String {
    use ExprKind::*;
    match &e.kind {
        Int(n) => n.to_string(),
        BigInt(s) => s.clone(),
        Float(f) => format!("{f:?}"),
        Atom(a) => format!(":{a}"),
        Str(ps) => match ps.as_slice() {
            [StrPart::Lit(s)] => format!("{s:?}"),
            _ => format!("(<<>> {})", parts(ps)),
        },
        Charlist(ps) => format!("(charlist {})", parts(ps)),
        Sigil {
            name,
            parts: ps,
            modifiers,
        } => format!("(~{name} {} {modifiers:?})", parts(ps)),
        Var(v) => v.clone(),
        Alias(segs) => segs.join("."),
        Tuple(items) => format!("{{{}}}", all(items)),
        List { items, tail } => match tail {
            Some(t) => format!("[{} | {}]", all(items), render(t)),
            None => format!("[{}]", all(items)),
        },
        Map { base, pairs: ps } => match base {
            Some(b) => format!("(%{{}} {} |{})", render(b), pairs(ps)),
            None => format!("(%{{}}{})", pairs(ps)),
        },
        Struct { name, base, pairs: ps } => match base {
            Some(b) => format!("(%{} {} |{})", render(name), render(b), pairs(ps)),
            None => format!("(%{}{})", render(name), pairs(ps)),
        },
        Bitstring(items) => format!("(<< {})", all(items)),
        Unary(op, x) => {
            let o = match op {
                UnaryOp::Neg => "-",
                UnaryOp::Plus => "+",
                UnaryOp::Not => "not",
                UnaryOp::Bang => "!",
                UnaryOp::Pin => "^",
                UnaryOp::Capture => "&",
                UnaryOp::At => "@",
                UnaryOp::BNot => "~~~",
            };
            format!("({o} {})", render(x))
        }
        Binary(op, l, r) => format!("({} {} {})", binop(*op), render(l), render(r)),
        CaptureArg(n) => format!("&{n}"),
        Call { target, args, parens } => {
            let mark = if *parens { "" } else { "~" };
            let head = match target {
                CallTarget::Local(n) => format!("{n}{mark}"),
                CallTarget::Remote(b, n) => format!("{}.{n}{mark}", render(b)),
                CallTarget::Anon(f) => format!(".() {}", render(f)),
            };
            if args.is_empty() {
                format!("({head})")
            } else {
                format!("({head} {})", all(args))
            }
        }
        Access(x, k) => format!("([] {} {})", render(x), render(k)),
        Fn(cs) => format!("(fn {})", cs.iter().map(clause).collect::<Vec<_>>().join(" ")),
        Stab(cs) => format!("(stab {})", cs.iter().map(clause).collect::<Vec<_>>().join(" ")),
        Block(es) => format!("(block{}{})", if es.is_empty() { "" } else { " " }, all(es)),
    }
}

fn binop(op: crate::syntax::ast::BinOp) -> &'static str {
    use crate::syntax::ast::BinOp::*;
    match op {
        Match => "=",
        Pipe => "|>",
        Add => "+",
        Sub => "-",
        Mul => "*",
        Div => "/",
        Pow => "**",
        Concat => "<>",
        ListConcat => "++",
        ListSub => "--",
        Eq => "==",
        Ne => "!=",
        StrictEq => "===",
        StrictNe => "!==",
        Lt => "<",
        Gt => ">",
        Le => "<=",
        Ge => ">=",
        Match2 => "=~",
        And => "and",
        Or => "or",
        AndAnd => "&&",
        OrOr => "||",
        In => "in",
        NotIn => "not in",
        Range => "..",
        StepRange => "..//",
        When => "when",
        Type => "::",
        LArrow => "<-",
        Default => "\\\\",
        Bar => "|",
        BAnd => "&&&",
        BOr => "|||",
        BXor => "^^^",
        BSl => "<<<",
        BSr => ">>>",
        Custom(s) => s,
    }
}

/// The program rendered, top-level expressions separated by `; `.
fn sexp(src: &str) -> String {
    match parse_program(src) {
        Ok(es) => es.iter().map(render).collect::<Vec<_>>().join("; "),
        Err(e) => panic!("parse error in {src:?}: {e:?}"),
    }
}

/// `line:col: message` plus `+` when incomplete.
fn err(src: &str) -> String {
    match parse_program(src) {
        Ok(es) => panic!("expected an error for {src:?}, got {}", all(&es)),
        Err(e) => format!(
            "{}:{}: {}{}",
            e.line,
            e.col,
            e.message,
            if e.incomplete { " +" } else { "" }
        ),
    }
}

#[test]
fn integers() {
    assert_eq!(sexp("1_000; 0x1F; 0b101; 0o17"), "1000; 31; 5; 15");
    assert_eq!(sexp("?a; ?\\n; ?\\s; ?é"), "97; 10; 32; 233");
    assert_eq!(sexp("123456789012345678901234567890"), "123456789012345678901234567890");
    assert_eq!(sexp("0xFFFFFFFFFFFFFFFFFF"), "4722366482869645213695");
    assert_eq!(sexp("-1"), "(- 1)");
}

#[test]
fn floats() {
    assert_eq!(sexp("1.0; 1.5e10; 1.0e-3; 1_0.5"), "1.0; 15000000000.0; 0.001; 10.5");
}

#[test]
fn atoms() {
    assert_eq!(
        sexp(":foo; :foo?; :\"quoted atom\"; :+; :==; :Foo"),
        ":foo; :foo?; :quoted atom; :+; :==; :Foo"
    );
    assert_eq!(sexp("true; false; nil"), ":true; :false; :nil");
    assert_eq!(sexp(":\"Elixir.Foo\"; :<<>>; :%{}; :!"), ":Elixir.Foo; :<<>>; :%{}; :!");
}

#[test]
fn strings_and_escapes() {
    assert_eq!(
        sexp(r#""a\nb\t\\\"\e\0\s\x41\u00e9\u{1F600}\#{x}""#),
        r#""a\nb\t\\\"\u{1b}\0 Aé😀#{x}""#
    );
    assert_eq!(sexp(r#""a#{b}c""#), r#"(<<>> "a" b "c")"#);
    assert_eq!(sexp(r##""#{"in #{x}"}""##), r##"(<<>> (<<>> "in " x))"##);
    assert_eq!(sexp(r##""#{}""##), "(<<>> (block))");
    assert_eq!(sexp(r##""#{a; b}""##), "(<<>> (block a b))");
    assert_eq!(sexp("\"a\\\nb\""), r#""ab""#);
}

#[test]
fn heredocs() {
    assert_eq!(sexp("\"\"\"\n  abc\n    def\n  \"\"\""), r#""abc\n  def\n""#);
    assert_eq!(
        sexp("x = \"\"\"\nhi #{name}\n\"\"\"\n"),
        r#"(= x (<<>> "hi " name "\n"))"#
    );
    assert_eq!(sexp("'''\n  a\n  '''"), r#"(charlist "a\n")"#);
}

#[test]
fn charlists() {
    assert_eq!(sexp("'abc'"), r#"(charlist "abc")"#);
    assert_eq!(sexp("'a#{1}'"), r#"(charlist "a" 1)"#);
}

#[test]
fn sigils() {
    assert_eq!(sexp("~w(a b)a"), r#"(~w "a b" "a")"#);
    assert_eq!(sexp(r#"~s"x#{y}""#), r#"(~s "x" y "")"#);
    assert_eq!(
        sexp("~c[ab]; ~r/a\\/b\\d/i; ~S(a#{b}\\n)"),
        r#"(~c "ab" ""); (~r "a\\/b\\d" "i"); (~S "a#{b}\\n" "")"#
    );
    assert_eq!(
        sexp("~w{a}; ~w<a>; ~w|a|; ~w'a'"),
        r#"(~w "a" ""); (~w "a" ""); (~w "a" ""); (~w "a" "")"#
    );
    assert_eq!(sexp("~S\"\"\"\n  raw \\n\n  \"\"\""), r#"(~S "raw \\n\n" "")"#);
    assert_eq!(crate::syntax::lexer::unescape("a\\nb\\)"), "a\nb)");
}

#[test]
fn variables_and_aliases() {
    assert_eq!(sexp("_; _foo; foo?; __MODULE__"), "_; _foo; foo?; __MODULE__");
    assert_eq!(
        sexp("Foo.Bar; Elixir.Foo; __MODULE__.Sub"),
        "Foo.Bar; Elixir.Foo; __MODULE__.Sub"
    );
}

#[test]
fn containers() {
    assert_eq!(sexp("{}; {1, 2}; {1, a: 2}"), "{}; {1 2}; {1 [{:a 2}]}");
    assert_eq!(sexp("[]; [h | t]; [1, 2 | t]"), "[]; [h | t]; [1 2 | t]");
    assert_eq!(sexp("[a: 1, \"b c\": 2]"), "[{:a 1} {:b c 2}]");
    assert_eq!(sexp("[1, a: 2]; [1, 2,]"), "[1 {:a 2}]; [1 2]");
    assert_eq!(sexp("[\n  1,\n  2\n]"), "[1 2]");
}

#[test]
fn maps_and_structs() {
    assert_eq!(sexp(r#"%{"k" => v, a: 1}"#), r#"(%{} ("k" v) (:a 1))"#);
    assert_eq!(sexp("%{m | a: 1}; %{}"), "(%{} m | (:a 1)); (%{})");
    assert_eq!(sexp("%{m | \"k\" => 1}"), r#"(%{} m | ("k" 1))"#);
    assert_eq!(
        sexp("%Name{a: 1}; %Name{s | a: 1}"),
        "(%Name (:a 1)); (%Name s | (:a 1))"
    );
    assert_eq!(sexp("%__MODULE__{}; %Foo.Bar{}"), "(%__MODULE__); (%Foo.Bar)");
}

#[test]
fn bitstrings() {
    assert_eq!(
        sexp("<<1, 2, x::binary, y::size(8)>>"),
        "(<< 1 2 (:: x binary) (:: y (size 8)))"
    );
    assert_eq!(
        sexp("<<x::binary-size(4), rest::bits>>"),
        "(<< (:: x (- binary (size 4))) (:: rest bits))"
    );
    assert_eq!(sexp("<<>>"), "(<< )");
}

#[test]
fn precedence() {
    assert_eq!(sexp("a + b * c"), "(+ a (* b c))");
    assert_eq!(sexp("a - b - c"), "(- (- a b) c)");
    assert_eq!(sexp("a ++ b ++ c"), "(++ a (++ b c))");
    assert_eq!(sexp("a = b = c"), "(= a (= b c))");
    assert_eq!(sexp("a || b && c"), "(|| a (&& b c))");
    assert_eq!(sexp("a or b and c"), "(or a (and b c))");
    assert_eq!(sexp("a == b < c"), "(== a (< b c))");
    assert_eq!(sexp("a |> b == c"), "(== (|> a b) c)");
    assert_eq!(sexp("a in b |> c"), "(|> (in a b) c)");
    assert_eq!(sexp("a ** b ** c"), "(** (** a b) c)");
    assert_eq!(sexp("-2 ** 2"), "(** (- 2) 2)");
    assert_eq!(sexp("!a == b"), "(== (! a) b)");
    assert_eq!(sexp("a <> b <> c"), "(<> a (<> b c))");
    assert_eq!(sexp("a..b"), "(.. a b)");
    assert_eq!(sexp("a..b//c"), "(..// (.. a b) c)");
    assert_eq!(sexp("1..10 |> f"), "(|> (.. 1 10) f)");
    assert_eq!(sexp("x = a when b"), "(when (= x a) b)");
    assert_eq!(sexp("a :: b when c"), "(when (:: a b) c)");
    assert_eq!(sexp("a \\\\ 1"), "(\\\\ a 1)");
    assert_eq!(sexp("a &&& b ||| c ^^^ d"), "(||| (&&& a b) (^^^ c d))");
    assert_eq!(sexp("a <<< 1 >>> 2"), "(>>> (<<< a 1) 2)");
    assert_eq!(sexp("a ~> b <~> c"), "(<~> (~> a b) c)");
    assert_eq!(sexp("a =~ b; a === b; a !== c"), "(=~ a b); (=== a b); (!== a c)");
    assert_eq!(sexp("^x = y"), "(= (^ x) y)");
    assert_eq!(sexp("not a; ~~~a"), "(not a); (~~~ a)");
}

#[test]
fn not_in() {
    assert_eq!(sexp("a not in b"), "(not in a b)");
    assert_eq!(sexp("not a in b"), "(not (in a b))");
    assert_eq!(sexp("!a in b"), "(! (in a b))");
}

#[test]
fn captures() {
    assert_eq!(sexp("&Mod.fun/2"), "(& (/ (Mod.fun~) 2))");
    assert_eq!(sexp("&fun/1"), "(& (/ fun 1))");
    assert_eq!(sexp("&(&1 + &2)"), "(& (+ &1 &2))");
    assert_eq!(sexp("& &1"), "(& &1)");
    assert_eq!(sexp("&{&1, &2}"), "(& {&1 &2})");
    assert_eq!(sexp("&a = b"), "(& (= a b))");
    assert_eq!(sexp("Enum.map(l, &(&1 * 2))"), "(Enum.map l (& (* &1 2)))");
}

#[test]
fn calls() {
    assert_eq!(sexp("foo(a, b); foo()"), "(foo a b); (foo)");
    assert_eq!(sexp("send pid, msg"), "(send~ pid msg)");
    assert_eq!(sexp("IO.puts \"x\""), r#"(IO.puts~ "x")"#);
    assert_eq!(sexp("IO.puts \"a\", \"b\""), r#"(IO.puts~ "a" "b")"#);
    assert_eq!(sexp("Mod.fun(1); :rand.uniform(3)"), "(Mod.fun 1); (:rand.uniform 3)");
    assert_eq!(sexp("Mod.fun; map.key"), "(Mod.fun~); (map.key~)");
    assert_eq!(sexp("fun.(1, 2); fun.()"), "(.() fun 1 2); (.() fun)");
    assert_eq!(sexp("a.b.c"), "((a.b~).c~)");
    assert_eq!(sexp("a.b(1).c"), "((a.b 1).c~)");
    assert_eq!(sexp("Mod.\"quoted fun\"()"), "(Mod.quoted fun)");
    assert_eq!(sexp("m[:key]; m[:a][:b]"), "([] m :key); ([] ([] m :a) :b)");
    assert_eq!(sexp("foo [1]"), "(foo~ [1])");
    assert_eq!(sexp("foo(1, a: 2)"), "(foo 1 [{:a 2}])");
    assert_eq!(sexp("foo a: 1, b: 2"), "(foo~ [{:a 1} {:b 2}])");
    assert_eq!(sexp("IO.puts inspect x"), "(IO.puts~ (inspect~ x))");
    assert_eq!(sexp("foo bar 1, 2"), "(foo~ (bar~ 1 2))");
    assert_eq!(sexp("a -1"), "(a~ (- 1))");
    assert_eq!(sexp("a - 1; a-1; a -b"), "(- a 1); (- a 1); (a~ (- b))");
    assert_eq!(sexp("foo (1)"), "(foo~ 1)");
    assert_eq!(sexp("f.(x).y"), "((.() f x).y~)");
    assert_eq!(
        sexp("&Kernel.+/2; Kernel.+(1, 2)"),
        "(& (/ (Kernel.+~) 2)); (Kernel.+ 1 2)"
    );
    assert_eq!(sexp("alias Shop.{Item, Other}"), "(alias~ (Shop.{} Item Other))");
    assert_eq!(sexp("a ! b; -x.y"), "(a~ (! b)); (- (x.y~))");
    assert_eq!(sexp("%{a: %{b: 1}}.a.b"), "(((%{} (:a (%{} (:b 1)))).a~).b~)");
    assert_eq!(
        sexp("if x do :a end |> IO.inspect"),
        "(|> (if~ x [{:do :a}]) (IO.inspect~))"
    );
    assert_eq!(
        sexp("defstruct name: \"main\", items: %{}"),
        r#"(defstruct~ [{:name "main"} {:items (%{})}])"#
    );
    assert_eq!(sexp("@foo.bar"), "((@ foo).bar~)");
    assert_eq!(sexp("foo(\n  1,\n  2\n)"), "(foo 1 2)");
}

#[test]
fn keyword_do_forms() {
    assert_eq!(sexp("if x, do: 1, else: 2"), "(if~ x [{:do 1} {:else 2}])");
    assert_eq!(sexp("def f(x), do: x"), "(def~ (f x) [{:do x}])");
    assert_eq!(
        sexp("def f(x) when x > 0, do: x"),
        "(def~ (when (f x) (> x 0)) [{:do x}])"
    );
    assert_eq!(sexp("if x, do:\n  1"), "(if~ x [{:do 1}])");
}

#[test]
fn do_blocks() {
    assert_eq!(sexp("if c do a else b end"), "(if~ c [{:do a} {:else b}])");
    assert_eq!(sexp("if foo bar do 1 end"), "(if~ (foo~ bar) [{:do 1}])");
    assert_eq!(sexp("foo(1) do 2 end"), "(foo 1 [{:do 2}])");
    assert_eq!(sexp("Mod.f x do 1 end"), "(Mod.f~ x [{:do 1}])");
    assert_eq!(
        sexp("defmodule Foo.Bar do\nend"),
        "(defmodule~ Foo.Bar [{:do (block)}])"
    );
    assert_eq!(
        sexp("def name(a) when a > 0 do\n  x\n  y\nend"),
        "(def~ (when (name a) (> a 0)) [{:do (block x y)}])"
    );
    assert_eq!(sexp("x = if a do 1 end"), "(= x (if~ a [{:do 1}]))");
    assert_eq!(sexp("quote do 1 end"), "(quote~ [{:do 1}])");
    assert_eq!(sexp("if a do\nelse\nend"), "(if~ a [{:do (block)} {:else (block)}])");
    assert_eq!(sexp("foo a, b do 1 end"), "(foo~ a b [{:do 1}])");
    assert_eq!(sexp("if (foo do 1 end) do 2 end"), "(if~ (foo~ [{:do 1}]) [{:do 2}])");
}

#[test]
fn case_receive_cond_try() {
    assert_eq!(
        sexp("case x do\n  {:ok, y} when y > 0 -> y\n  _ ->\n    a\n    b\nend"),
        "(case~ x [{:do (stab (-> ({:ok y}) when (> y 0) y) (-> (_) (block a b)))}])"
    );
    assert_eq!(
        sexp("receive do\n  x -> x\nafter\n  1000 -> :timeout\nend"),
        "(receive~ [{:do (stab (-> (x) x))} {:after (stab (-> (1000) :timeout))}])"
    );
    assert_eq!(
        sexp("cond do\n  a -> 1\n  true -> 2\nend"),
        "(cond~ [{:do (stab (-> (a) 1) (-> (:true) 2))}])"
    );
    assert_eq!(
        sexp("try do\n  a\nrescue\n  e in RuntimeError -> e\ncatch\n  :throw, v -> v\nelse\n  x -> x\nafter\n  c\nend"),
        "(try~ [{:do a} {:rescue (stab (-> ((in e RuntimeError)) e))} {:catch (stab (-> (:throw v) v))} {:else (stab (-> (x) x))} {:after c}])"
    );
    assert_eq!(sexp("case x do 1 -> end"), "(case~ x [{:do (stab (-> (1) (block)))}])");
}

#[test]
fn clauses_in_parentheses() {
    assert_eq!(
        sexp("case x, do: (1 -> :a; _ -> :b)"),
        sexp("case x do\n  1 -> :a\n  _ -> :b\nend")
    );
    // A `->` inside a nested `fn` or list leaves the parentheses a block.
    assert!(!sexp("(fn x -> x end).(1)").contains("stab"));
    assert!(!sexp("([fn x -> x end])").contains("stab"));
    assert_eq!(err("(1, 2)"), "1:3: syntax error before: ','");
}

#[test]
fn fns() {
    assert_eq!(sexp("fn x -> x end"), "(fn (-> (x) x))");
    assert_eq!(sexp("fn -> :ok end"), "(fn (-> () :ok))");
    assert_eq!(sexp("fn x, y -> x end"), "(fn (-> (x y) x))");
    assert_eq!(
        sexp("fn (x) -> x end; fn () -> 1 end"),
        "(fn (-> (x) x)); (fn (-> () 1))"
    );
    assert_eq!(sexp("fn (x, y) when x > y -> x end"), "(fn (-> (x y) when (> x y) x))");
    assert_eq!(sexp("fn\n  0 -> :z\n  n -> n\nend"), "(fn (-> (0) :z) (-> (n) n))");
    assert_eq!(sexp("fn x when x > 0 -> x end"), "(fn (-> (x) when (> x 0) x))");
    assert_eq!(sexp("fn a, b when a > b -> a end"), "(fn (-> (a b) when (> a b) a))");
    assert_eq!(sexp("spawn fn -> loop() end"), "(spawn~ (fn (-> () (loop))))");
    assert_eq!(sexp("fn x -> x end.(1)"), "(.() (fn (-> (x) x)) 1)");
}

#[test]
fn with_and_for() {
    assert_eq!(
        sexp("with {:ok, a} <- f(), b <- g(a) do\n  b\nelse\n  e -> e\nend"),
        "(with~ (<- {:ok a} (f)) (<- b (g a)) [{:do b} {:else (stab (-> (e) e))}])"
    );
    assert_eq!(
        sexp("for x <- list, y <- other, x > 1, into: %{} do\n  {x, y}\nend"),
        "(for~ (<- x list) (<- y other) (> x 1) [{:into (%{})}] [{:do {x y}}])"
    );
}

#[test]
fn attributes() {
    assert_eq!(sexp("@attr value"), "(@ (attr~ value))");
    assert_eq!(sexp("@attr"), "(@ attr)");
    assert_eq!(sexp("@doc \"\"\"\n  Hi\n  \"\"\""), r#"(@ (doc~ "Hi\n"))"#);
    assert_eq!(sexp("@impl true"), "(@ (impl~ :true))");
    assert_eq!(
        sexp("@spec f(integer) :: integer"),
        "(@ (spec~ (:: (f integer) integer)))"
    );
}

#[test]
fn separators_and_comments() {
    assert_eq!(sexp("a # comment\nb; c"), "a; b; c");
    assert_eq!(sexp("a +\n  b"), "(+ a b)");
    assert_eq!(sexp("a\n|> b\n|> c"), "(|> (|> a b) c)");
    assert_eq!(sexp("a\n+ b"), "a; (+ b)");
    assert_eq!(sexp("a \\\n+ b"), "(+ a b)");
    assert_eq!(
        sexp("x\n  |> Enum.map(&(&1 * 2))\n  |> Enum.sum()"),
        "(|> (|> x (Enum.map (& (* &1 2)))) (Enum.sum))"
    );
    assert_eq!(sexp("(a; b); ()"), "(block a b); (block)");
    assert_eq!(sexp("\n\n"), "");
}

#[test]
fn spans() {
    let src = "x = 1\nfoo(a,\n  b)\n  if c do\n :ok\n end";
    let es = parse_program(src).unwrap_or_default();
    let texts: Vec<&str> = es
        .iter()
        .map(|e| &src[e.span.start as usize..e.span.end as usize])
        .collect();
    assert_eq!(texts, vec!["x = 1", "foo(a,\n  b)", "if c do\n :ok\n end"]);
    assert_eq!((es[2].span.line, es[2].span.col), (4, 3));
}

#[test]
fn errors() {
    assert_eq!(err("foo(1, )"), "1:8: syntax error before: ')'");
    assert_eq!(err("1 + )"), "1:5: unexpected token: )");
    assert_eq!(
        err("if x do"),
        "1:8: missing terminator: end (for \"do\" starting at line 1) +"
    );
    assert_eq!(
        err("if x do\n"),
        "2:1: missing terminator: end (for \"do\" starting at line 1) +"
    );
    assert_eq!(err("end"), "1:1: unexpected reserved word: end");
    assert_eq!(
        err("[1, 2"),
        "1:6: missing terminator: ] (for \"[\" starting at line 1) +"
    );
    assert_eq!(
        err("\"abc"),
        "1:5: missing terminator: \" (for string starting at line 1) +"
    );
    assert_eq!(
        err("{1, 2]"),
        "1:6: unexpected token: ]. The \"{\" at line 1 is missing terminator \"}\""
    );
    assert_eq!(err("a = 1 +"), "1:7: syntax error: expression is incomplete +");
    assert_eq!(err("x = 1 +\n"), "1:8: syntax error: expression is incomplete +");
    assert_eq!(err("send pid,"), "1:9: syntax error: expression is incomplete +");
    assert_eq!(
        err("fn x -> x"),
        "1:10: missing terminator: end (for \"fn\" starting at line 1) +"
    );
    assert_eq!(err("1 2"), "1:3: syntax error before: \"2\"");
    assert_eq!(err("x = :foo bar"), "1:10: syntax error before: bar");
    assert_eq!(
        err("~w(a b"),
        "1:7: missing terminator: ) (for sigil ~w( starting at line 1) +"
    );
    assert_eq!(
        err("foo("),
        "1:5: missing terminator: ) (for \"(\" starting at line 1) +"
    );
    assert_eq!(err(")"), "1:1: unexpected token: )");
    assert_eq!(
        err("\"\"\"\nabc"),
        "2:4: missing terminator: \"\"\" (for heredoc starting at line 1) +"
    );
    assert_eq!(err("x."), "1:2: syntax error: expression is incomplete +");
    assert_eq!(err("@"), "1:1: syntax error: expression is incomplete +");
    assert_eq!(
        err("(1 end"),
        "1:4: unexpected reserved word: end. The \"(\" at line 1 is missing terminator \")\""
    );
    assert!(err("[a: 1, 2]").starts_with("1:6: unexpected expression after keyword list."));
    assert!(err("1 // 2").starts_with("1:3: the range step operator (//) must immediately follow"));
    assert!(err("if x do 1 + end").starts_with("1:13: syntax error before: end. \"end\" is a reserved word"));
    assert_eq!(
        err("fn x end"),
        "1:1: expected anonymous functions to be defined with -> inside: 'fn'"
    );
    assert_eq!(
        err("'abc"),
        "1:5: missing terminator: ' (for string starting at line 1) +"
    );
    assert_eq!(
        err(":\"abc"),
        "1:6: missing terminator: \" (for atom starting at line 1) +"
    );
    assert_eq!(err("a |"), "1:3: syntax error: expression is incomplete +");
    assert!(err("0x").starts_with("1:1: invalid character \"x\" after number 0."));
    assert_eq!(err("?"), "1:1: unexpected token: \"?\" (column 1, code point U+003F)");
    assert_eq!(err("\"#{1 +}\""), "1:6: syntax error: expression is incomplete");
    assert_eq!(
        err("%{a: 1"),
        "1:7: missing terminator: } (for \"{\" starting at line 1) +"
    );
    assert_eq!(
        err("case x do\n  1 ->"),
        "2:7: missing terminator: end (for \"do\" starting at line 1) +"
    );
    assert_eq!(err("x |>"), "1:3: syntax error: expression is incomplete +");
    assert_eq!(
        err("<<1, 2"),
        "1:7: missing terminator: >> (for \"<<\" starting at line 1) +"
    );
    assert_eq!(err("a = [1, 2, 3]]"), "1:14: unexpected token: ]");
    assert_eq!(err("if x do 1 else 2 end end"), "1:22: unexpected reserved word: end");
    assert_eq!(err("\"abc\" \"def\""), "1:7: syntax error before: \"def\"");
    assert_eq!(err("%{a => }"), "1:8: syntax error before: '}'");
    assert_eq!(err("1 +* 2"), "1:4: syntax error before: '*'");
    assert_eq!(err("[1 | ]"), "1:6: syntax error before: ']'");
    assert_eq!(err("a->b"), "1:2: syntax error before: '->'");
    assert_eq!(err("a.."), "1:2: syntax error: expression is incomplete +");
    assert_eq!(err("~"), "1:1: unexpected token: \"~\" (column 1, code point U+007E)");
    assert_eq!(
        err("\"a#{x"),
        "1:3: missing interpolation terminator: \"}\" (for string starting at line 1) +"
    );
    assert!(err("foo(a: 1, 2)").starts_with(
        "1:9: unexpected expression after keyword list. Keyword lists must always come as the last argument."
    ));
    assert!(err("foo bar: 1, 2").starts_with("1:11: unexpected expression after keyword list."));
    assert!(err("def f(x) do\n  x +\nend").starts_with("3:1: syntax error before: end."));
    let e = parse_program("if x do").err();
    assert_eq!(e.map(|e| e.kind), Some(SyntaxErrorKind::TokenMissing));
}

#[test]
fn deep_nesting_does_not_crash() {
    for src in [
        "[".repeat(100_000),
        format!("{}1{}", "[".repeat(100_000), "]".repeat(100_000)),
        "-".repeat(100_000),
        format!("1{}", " + 1".repeat(50_000)),
        format!("{}1", "a = ".repeat(100_000)),
        "\"#{".repeat(10_000),
        format!("x{}", ".y".repeat(100_000)),
        "(".repeat(100_000),
        "fn -> ".repeat(100_000),
    ] {
        assert!(parse_program(&src).is_err());
    }
    assert!(parse_program(&format!("{}1{}", "[".repeat(200), "]".repeat(200))).is_ok());
}

#[test]
fn walkthrough() {
    let src = include_str!("../../../tests/parser/walkthrough.exs");
    let es = match parse_program(src) {
        Ok(es) => es,
        Err(e) => panic!("{e:?}"),
    };
    assert_eq!(es.len(), 5);
    let texts: Vec<&str> = es
        .iter()
        .map(|e| &src[e.span.start as usize..e.span.end as usize])
        .collect();
    assert_eq!(texts[1], "pid = spawn(Servy.PledgeServer, :listen_loop, [[]])");
    assert_eq!(texts[4], "receive do {:response, v} -> v end");
    assert_eq!(sexp(texts[2]), r#"(send~ pid {:create_pledge "larry" 10})"#);
    assert_eq!(sexp(texts[3]), "(Process.info (self) :messages)");
    assert_eq!(sexp(texts[4]), "(receive~ [{:do (stab (-> ({:response v}) v))}])");
    assert!(texts[0].starts_with("defmodule") && texts[0].ends_with("end"));
}
