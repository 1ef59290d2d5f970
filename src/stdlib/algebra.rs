//! `Inspect.Algebra` and `Inspect.inspect/2` for user code, and the call of a
//! user's `Inspect` implementation from `inspect`.
//!
//! A document is the term Elixir 1.14 makes of it (`"text"`, `:doc_nil`,
//! `{:doc_cons, a, b}`, `{:doc_group, doc, :self}`, ...); [`doc_from_term`]
//! and [`doc_to_term`] translate between those terms and the
//! [`algebra::Doc`] that `term::inspect` lays out, so a user's document is
//! laid out by the same code as every other (and a struct inside a
//! container breaks lines as Elixir breaks them). The options are an
//! `%Inspect.Opts{}` struct, as Elixir passes them.
//!
//! **Invariant:** a user's `inspect/2` runs only for a struct whose module
//! has an `Inspect` implementation; an error in it prints as Elixir's
//! `#Inspect.Error<…>` instead of the struct, never escapes `inspect`.

use super::Registry;
use crate::eval::exception::{self as ex, R};
use crate::eval::exec::Proc;
use crate::term::algebra::{self, BreakMode, ContainerBreak, Doc, GroupMode, Indent, Item, NestMode};
use crate::term::inspect::{self, Opts};
use crate::term::{Atom, Fun, MapT, Term};

/// `Inspect.Opts`' fields, in definition order.
const OPTS_FIELDS: &[&str] = &[
    "base",
    "binaries",
    "char_lists",
    "charlists",
    "custom_options",
    "inspect_fun",
    "limit",
    "pretty",
    "printable_limit",
    "safe",
    "structs",
    "syntax_colors",
    "width",
];

fn opts_module() -> Atom {
    Atom::alias("Inspect.Opts")
}

/// Makes `%Inspect.Opts{}` a known struct (its fields and defaults).
pub fn ensure_opts_struct() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let t = opts_term(&Opts::inspect());
        let fields: Vec<(Atom, Term)> = OPTS_FIELDS
            .iter()
            .map(|f| (Atom::new(f), t.map_get(Atom::new(f)).cloned().unwrap_or(Term::NIL)))
            .collect();
        let names: Vec<Atom> = fields.iter().map(|(k, _)| *k).collect();
        inspect::register_struct(opts_module(), &names);
        crate::eval::code::install_struct(opts_module(), fields, false);
    });
}

fn limit_term(n: usize) -> Term {
    if n == usize::MAX {
        Term::atom("infinity")
    } else {
        Term::Int(n as i64)
    }
}

/// The `%Inspect.Opts{}` of options.
pub fn opts_term(o: &Opts) -> Term {
    let mut m = MapT::new();
    let mut put = |k: &str, v: Term| {
        m.insert(Term::atom(k), v);
    };
    put("__struct__", Term::Atom(opts_module()));
    put(
        "base",
        Term::atom(match o.base {
            16 => "hex",
            8 => "octal",
            2 => "binary",
            _ => "decimal",
        }),
    );
    put(
        "binaries",
        Term::atom(match o.binaries {
            Some(true) => "as_strings",
            Some(false) => "as_binaries",
            None => "infer",
        }),
    );
    let charlists = Term::atom(match o.charlists {
        Some(true) => "as_charlists",
        Some(false) => "as_lists",
        None => "infer",
    });
    put("char_lists", Term::atom("infer"));
    put("charlists", charlists);
    put("custom_options", Term::EmptyList);
    put(
        "inspect_fun",
        Term::Fun(std::sync::Arc::new(Fun::External {
            module: Atom::alias("Inspect"),
            name: Atom::new("inspect"),
            arity: 2,
        })),
    );
    put("limit", limit_term(o.limit));
    put("pretty", Term::bool(o.pretty));
    put("printable_limit", limit_term(o.printable_limit));
    put("safe", Term::TRUE);
    put("structs", Term::bool(o.structs));
    put("syntax_colors", Term::EmptyList);
    put("width", limit_term(if o.pretty { o.width } else { 80 }));
    Term::map(m)
}

/// The options an `%Inspect.Opts{}` (or a keyword list) stands for.
pub fn opts_from_term(t: &Term) -> Opts {
    let kw = match t.as_map() {
        Some(m) => Term::list(
            m.iter()
                .map(|(k, v)| Term::tuple(vec![k.clone(), v.clone()]))
                .collect::<Vec<_>>(),
        ),
        None => t.clone(),
    };
    let (mut o, _) = super::io::inspect_opts(&kw, Opts::inspect());
    // A document is laid out at the options' width.
    o.pretty = true;
    o
}

/// Calls the user's `Inspect` implementation for a struct (the hook of
/// `term::inspect`): its document, or `None` when it has none.
pub fn user_inspect(t: &Term, opts: &Opts) -> Option<Doc> {
    let m = crate::eval::protocol::struct_impl(Atom::alias("Inspect"), t)?;
    ensure_opts_struct();
    let mut p = Proc::beside();
    Some(
        match p.call_mfa(m, Atom::new("inspect"), vec![t.clone(), opts_term(opts)]) {
            Ok(d) => doc_from_term(&d),
            Err(e) => inspect_error(t, &e),
        },
    )
}

/// `#Inspect.Error<…>`: what Elixir shows for a struct whose `inspect/2` raised.
fn inspect_error(t: &Term, e: &crate::eval::Exc) -> Doc {
    let (name, message) = match e {
        crate::eval::Exc::Error(x, _) => (ex::exception_name(x), ex::message(x)),
        other => ("ErlangError".to_string(), ex::banner(other)),
    };
    let mut plain = t.as_map().cloned().unwrap_or_default();
    let s = plain.remove(&Term::Atom(Atom::STRUCT));
    // The struct shown as the map it is (`Inspect.Map`), `__struct__` first.
    let mut shown = inspect::inspect(&Term::map(plain), &Opts::pretty());
    if let Some(s) = s {
        let rest = shown.trim_start_matches("%{").to_string();
        let sep = if rest == "}" { "" } else { ", " };
        shown = format!("%{{__struct__: {}{sep}{rest}", inspect::inspect_default(&s));
    }
    let pad = |text: &str, n: usize| -> String {
        text.trim_end_matches('\n')
            .split('\n')
            .map(|l| {
                if l.is_empty() {
                    String::new()
                } else {
                    format!("{}{l}", " ".repeat(n))
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    let body = format!(
        "got {name} with message:\n\n    \"\"\"\n{}\n    \"\"\"\n\nwhile inspecting:\n\n{}\n",
        pad(&message, 4),
        pad(&shown, 4)
    );
    let stack = ex::stack_lines(e);
    let text = if stack.is_empty() {
        format!("#Inspect.Error<\n  {}\n>", pad(&body, 2).trim_start())
    } else {
        let frames: Vec<String> = stack.iter().map(|l| format!("    {}", l.trim_start())).collect();
        format!(
            "#Inspect.Error<\n{}\n\n  Stacktrace:\n\n{}\n\n>",
            pad(&body, 2),
            frames.join("\n")
        )
    };
    Doc::text(text)
}

fn atom_is(t: &Term, name: &str) -> bool {
    matches!(t, Term::Atom(a) if &*a.name() == name)
}

/// The escape sequence of an `IO.ANSI` colour name (or the text itself).
fn color_escape(t: &Term) -> String {
    match t {
        Term::Bin(b) => String::from_utf8_lossy(b).into_owned(),
        Term::Atom(a) => match &*a.name() {
            "reset" => "\x1b[0m",
            "black" => "\x1b[30m",
            "red" => "\x1b[31m",
            "green" => "\x1b[32m",
            "yellow" => "\x1b[33m",
            "blue" => "\x1b[34m",
            "magenta" => "\x1b[35m",
            "cyan" => "\x1b[36m",
            "white" => "\x1b[37m",
            "light_black" => "\x1b[90m",
            "bright" => "\x1b[1m",
            "normal" => "\x1b[22m",
            _ => "",
        }
        .to_string(),
        _ => String::new(),
    }
}

/// The [`Doc`] an Elixir document term stands for (anything else prints as
/// `inspect` prints it).
pub fn doc_from_term(t: &Term) -> Doc {
    stacker::maybe_grow(64 * 1024, 1024 * 1024, || doc_from_term_inner(t))
}

fn doc_from_term_inner(t: &Term) -> Doc {
    match t {
        Term::Bin(b) => Doc::Text(String::from_utf8_lossy(b).into_owned(), b.len()),
        Term::Atom(_) if atom_is(t, "doc_nil") => Doc::Nil,
        Term::Atom(_) if atom_is(t, "doc_line") => Doc::Line,
        Term::Tuple(items) => {
            let tag = items.first().and_then(Term::as_atom).map(|a| a.name());
            let d = |i: usize| doc_from_term(&items[i]);
            match (tag.as_deref(), items.len()) {
                (Some("doc_cons"), 3) => algebra::concat(vec![d(1), d(2)]),
                (Some("doc_string"), 3) => match (&items[1], &items[2]) {
                    (Term::Bin(b), Term::Int(n)) => Doc::Text(String::from_utf8_lossy(b).into_owned(), *n as usize),
                    _ => Doc::Nil,
                },
                (Some("doc_nest"), 4) => {
                    let indent = match &items[2] {
                        Term::Int(n) => Indent::By((*n).max(0) as usize),
                        x if atom_is(x, "cursor") => Indent::Cursor,
                        _ => Indent::Reset,
                    };
                    let mode = if atom_is(&items[3], "break") {
                        NestMode::Break
                    } else {
                        NestMode::Always
                    };
                    d(1).nest_with(indent, mode)
                }
                (Some("doc_break"), 3) => {
                    let s = items[1].as_str().unwrap_or_default().to_string();
                    let mode = if atom_is(&items[2], "flex") {
                        BreakMode::Flex
                    } else {
                        BreakMode::Strict
                    };
                    Doc::Break(s, mode)
                }
                (Some("doc_group"), 3) => {
                    if atom_is(&items[2], "inherit") {
                        d(1).group_inherit()
                    } else {
                        d(1).group()
                    }
                }
                (Some("doc_fits"), 3) => d(1).next_break_fits(atom_is(&items[2], "enabled")),
                (Some("doc_force"), 2) => d(1).force_unfit(),
                (Some("doc_collapse"), 2) => Doc::Collapse(items[1].as_int().unwrap_or(1).max(0) as usize),
                (Some("doc_color"), 3) => Doc::Color(Box::new(d(1)), color_escape(&items[2])),
                (Some("doc_limit"), 3) => {
                    let limit = items[2].as_int().map(|n| n.max(0) as usize);
                    Doc::Limit(Box::new(d(1)), limit)
                }
                _ => Doc::text(inspect::inspect_default(t)),
            }
        }
        _ => Doc::text(inspect::inspect_default(t)),
    }
}

fn tagged(tag: &str, rest: Vec<Term>) -> Term {
    let mut v = vec![Term::atom(tag)];
    v.extend(rest);
    Term::tuple(v)
}

fn cons(a: Term, b: Term) -> Term {
    tagged("doc_cons", vec![a, b])
}

/// The Elixir document term of a [`Doc`].
pub fn doc_to_term(d: &Doc) -> Term {
    stacker::maybe_grow(64 * 1024, 1024 * 1024, || doc_to_term_inner(d))
}

fn doc_to_term_inner(d: &Doc) -> Term {
    match d {
        Doc::Nil => Term::atom("doc_nil"),
        Doc::Line => Term::atom("doc_line"),
        Doc::Text(s, n) if *n == s.len() => Term::str(s),
        Doc::Text(s, n) => tagged("doc_string", vec![Term::str(s), Term::Int(*n as i64)]),
        Doc::Concat(v) => concat_terms(v.iter().map(doc_to_term).collect()),
        Doc::Nest(x, indent, mode) => tagged(
            "doc_nest",
            vec![
                doc_to_term(x),
                match indent {
                    Indent::By(n) => Term::Int(*n as i64),
                    Indent::Cursor => Term::atom("cursor"),
                    Indent::Reset => Term::atom("reset"),
                },
                Term::atom(if *mode == NestMode::Break { "break" } else { "always" }),
            ],
        ),
        Doc::Break(s, mode) => tagged(
            "doc_break",
            vec![
                Term::str(s),
                Term::atom(if *mode == BreakMode::Flex { "flex" } else { "strict" }),
            ],
        ),
        Doc::Group(x, mode) => tagged(
            "doc_group",
            vec![
                doc_to_term(x),
                Term::atom(if *mode == GroupMode::Inherit { "inherit" } else { "self" }),
            ],
        ),
        Doc::Fits(x, on) => tagged(
            "doc_fits",
            vec![doc_to_term(x), Term::atom(if *on { "enabled" } else { "disabled" })],
        ),
        Doc::Force(x) => tagged("doc_force", vec![doc_to_term(x)]),
        Doc::Collapse(n) => tagged("doc_collapse", vec![Term::Int(*n as i64)]),
        Doc::Color(x, c) => tagged("doc_color", vec![doc_to_term(x), Term::str(c)]),
        Doc::Limit(x, l) => tagged(
            "doc_limit",
            vec![
                doc_to_term(x),
                l.map_or(Term::atom("infinity"), |n| Term::Int(n as i64)),
            ],
        ),
    }
}

/// `concat/1`: the documents folded from the right into `:doc_cons`.
fn concat_terms(mut docs: Vec<Term>) -> Term {
    let Some(mut acc) = docs.pop() else {
        return Term::atom("doc_nil");
    };
    while let Some(d) = docs.pop() {
        acc = cons(d, acc);
    }
    acc
}

/// Whether a term is a document (`is_doc/1`).
fn is_doc(t: &Term) -> bool {
    match t {
        Term::Bin(_) => true,
        Term::Atom(_) => atom_is(t, "doc_nil") || atom_is(t, "doc_line"),
        Term::Tuple(items) => items
            .first()
            .and_then(Term::as_atom)
            .is_some_and(|a| a.name().starts_with("doc_")),
        _ => false,
    }
}

/// The FunctionClauseError of an `Inspect.Algebra` function given something
/// that is not a document.
fn check_docs(name: &str, a: &mut Vec<Term>, docs: &[usize]) -> R<()> {
    if docs.iter().all(|i| is_doc(&a[*i])) {
        return Ok(());
    }
    ex::function_clause(Atom::alias("Inspect.Algebra"), Atom::new(name), std::mem::take(a))
}

fn string_arg(t: &Term) -> String {
    t.as_str().unwrap_or(" ").to_string()
}

/// `Inspect.inspect(term, opts)`: the user's implementation for a struct
/// that has one, else the document `inspect` makes.
fn inspect_doc(p: &mut Proc, t: &Term, opts: &Term) -> R<Term> {
    if let Some(m) = crate::eval::protocol::struct_impl(Atom::alias("Inspect"), t) {
        return p.call_mfa(m, Atom::new("inspect"), vec![t.clone(), opts.clone()]);
    }
    Ok(doc_to_term(&inspect::doc_of(t, &opts_from_term(opts))))
}

/// `container_doc(left, collection, right, inspect_opts, fun, opts)`.
fn container_doc(p: &mut Proc, a: &[Term]) -> R<Term> {
    let (left, coll, right, iopts, fun) = (&a[0], &a[1], &a[2], &a[3], &a[4]);
    let kw = a.get(5).cloned().unwrap_or(Term::EmptyList);
    let opt = |k: &str| {
        kw.iter_list().find_map(|kv| match kv.as_tuple() {
            Some([key, v]) if atom_is(key, k) => Some(v.clone()),
            _ => None,
        })
    };
    let sep = opt("separator").map_or(Doc::text(","), |s| doc_from_term(&s));
    let brk = match opt("break") {
        Some(b) if atom_is(&b, "strict") => ContainerBreak::Strict,
        Some(b) if atom_is(&b, "flex") => ContainerBreak::Flex,
        _ => ContainerBreak::Maybe,
    };
    let base = opts_from_term(iopts);
    let mut limit = base.limit;
    let mut items = Vec::new();
    for x in coll.iter_list() {
        if limit == 0 {
            items.push(Item::Ellipsis);
            break;
        }
        if limit != usize::MAX {
            limit -= 1;
        }
        let o = opts_with_limit(iopts, limit);
        let d = p.apply(fun, vec![x.clone(), o])?;
        items.push(Item::Doc(doc_from_term(&d)));
    }
    let doc = algebra::container_doc(doc_from_term(left), items, doc_from_term(right), sep, brk);
    Ok(doc_to_term(&doc))
}

fn opts_with_limit(opts: &Term, limit: usize) -> Term {
    match opts.as_map() {
        Some(m) => {
            let mut m = m.clone();
            m.insert(Term::atom("limit"), limit_term(limit));
            Term::map(m)
        }
        None => opts.clone(),
    }
}

pub fn register(r: &mut Registry) {
    const M: &str = "Inspect.Algebra";
    ensure_opts_struct();
    r.add("Inspect", "inspect", 2, |p, a| inspect_doc(p, &a[0], &a[1]));
    r.add(M, "to_doc", 2, |p, a| inspect_doc(p, &a[0], &a[1]));
    r.add(M, "empty", 0, |_, _| Ok(Term::atom("doc_nil")));
    r.add(M, "line", 0, |_, _| Ok(Term::atom("doc_line")));
    r.add(M, "string", 1, |_, a| match &a[0] {
        Term::Bin(b) => {
            let n = String::from_utf8_lossy(b).chars().count();
            Ok(tagged("doc_string", vec![a[0].clone(), Term::Int(n as i64)]))
        }
        _ => ex::function_clause(Atom::alias(M), Atom::new("string"), std::mem::take(a)),
    });
    r.add(M, "concat", 1, |_, a| match a[0].list_to_vec() {
        Some(v) if v.iter().all(is_doc) => Ok(concat_terms(v)),
        _ => ex::function_clause(Atom::alias(M), Atom::new("concat"), std::mem::take(a)),
    });
    r.add(M, "concat", 2, |_, a| {
        check_docs("concat", a, &[0, 1])?;
        Ok(cons(a[0].clone(), a[1].clone()))
    });
    r.add(M, "break", 0, |_, _| {
        Ok(tagged("doc_break", vec![Term::str(" "), Term::atom("strict")]))
    });
    r.add(M, "break", 1, |_, a| {
        Ok(tagged(
            "doc_break",
            vec![Term::str(&string_arg(&a[0])), Term::atom("strict")],
        ))
    });
    r.add(M, "flex_break", 0, |_, _| {
        Ok(tagged("doc_break", vec![Term::str(" "), Term::atom("flex")]))
    });
    r.add(M, "flex_break", 1, |_, a| {
        Ok(tagged(
            "doc_break",
            vec![Term::str(&string_arg(&a[0])), Term::atom("flex")],
        ))
    });
    fn glue(a: &Term, s: &str, b: &Term, mode: &str) -> Term {
        cons(
            a.clone(),
            cons(tagged("doc_break", vec![Term::str(s), Term::atom(mode)]), b.clone()),
        )
    }
    r.add(M, "glue", 2, |_, a| {
        check_docs("glue", a, &[0, 1])?;
        Ok(glue(&a[0], " ", &a[1], "strict"))
    });
    r.add(M, "glue", 3, |_, a| {
        check_docs("glue", a, &[0, 2])?;
        Ok(glue(&a[0], &string_arg(&a[1]), &a[2], "strict"))
    });
    r.add(M, "flex_glue", 2, |_, a| {
        check_docs("flex_glue", a, &[0, 1])?;
        Ok(glue(&a[0], " ", &a[1], "flex"))
    });
    r.add(M, "flex_glue", 3, |_, a| {
        check_docs("flex_glue", a, &[0, 2])?;
        Ok(glue(&a[0], &string_arg(&a[1]), &a[2], "flex"))
    });
    r.add(M, "space", 2, |_, a| {
        check_docs("space", a, &[0, 1])?;
        Ok(cons(a[0].clone(), cons(Term::str(" "), a[1].clone())))
    });
    r.add(M, "line", 2, |_, a| {
        check_docs("line", a, &[0, 1])?;
        Ok(cons(a[0].clone(), cons(Term::atom("doc_line"), a[1].clone())))
    });
    r.add(M, "group", 1, |_, a| {
        check_docs("group", a, &[0])?;
        Ok(tagged("doc_group", vec![a[0].clone(), Term::atom("self")]))
    });
    r.add(M, "group", 2, |_, a| {
        check_docs("group", a, &[0])?;
        Ok(tagged("doc_group", vec![a[0].clone(), a[1].clone()]))
    });
    fn nest(a: &mut Vec<Term>, mode: Term) -> R<Term> {
        check_docs("nest", a, &[0])?;
        Ok(match &a[1] {
            Term::Int(0) => a[0].clone(),
            _ => tagged("doc_nest", vec![a[0].clone(), a[1].clone(), mode]),
        })
    }
    r.add(M, "nest", 2, |_, a| nest(a, Term::atom("always")));
    r.add(M, "nest", 3, |_, a| {
        let mode = a[2].clone();
        nest(a, mode)
    });
    r.add(M, "force_unfit", 1, |_, a| Ok(tagged("doc_force", vec![a[0].clone()])));
    r.add(M, "no_limit", 1, |_, a| {
        Ok(tagged("doc_limit", vec![a[0].clone(), Term::atom("infinity")]))
    });
    r.add(M, "next_break_fits", 1, |_, a| {
        Ok(tagged("doc_fits", vec![a[0].clone(), Term::atom("enabled")]))
    });
    r.add(M, "next_break_fits", 2, |_, a| {
        Ok(tagged("doc_fits", vec![a[0].clone(), a[1].clone()]))
    });
    r.add(M, "collapse_lines", 1, |_, a| {
        Ok(tagged("doc_collapse", vec![a[0].clone()]))
    });
    r.add(M, "color", 3, |_, a| {
        // Colours apply only when the options configure one for the key.
        let colors = a[2]
            .map_get(Atom::new("syntax_colors"))
            .cloned()
            .unwrap_or(Term::EmptyList);
        let pre = colors.iter_list().find_map(|kv| match kv.as_tuple() {
            Some([k, v]) if *k == a[1] => Some(v.clone()),
            _ => None,
        });
        Ok(match pre {
            Some(pre) => {
                let post = colors
                    .iter_list()
                    .find_map(|kv| match kv.as_tuple() {
                        Some([k, v]) if atom_is(k, "reset") => Some(v.clone()),
                        _ => None,
                    })
                    .unwrap_or(Term::atom("reset"));
                cons(
                    tagged("doc_color", vec![a[0].clone(), pre]),
                    tagged("doc_color", vec![Term::atom("doc_nil"), post]),
                )
            }
            None => a[0].clone(),
        })
    });
    r.add(M, "fold_doc", 2, |p, a| {
        let docs = a[0].list_to_vec().unwrap_or_default();
        let mut it = docs.into_iter().rev();
        let Some(mut acc) = it.next() else {
            return Ok(Term::atom("doc_nil"));
        };
        for d in it {
            acc = p.apply(&a[1], vec![d, acc])?;
        }
        Ok(acc)
    });
    r.add(M, "container_doc", 5, |p, a| container_doc(p, a));
    r.add(M, "container_doc", 6, |p, a| container_doc(p, a));
    r.add(M, "format", 2, |_, a| {
        let width = match &a[1] {
            Term::Int(n) => Some((*n).max(0) as usize),
            _ => None,
        };
        Ok(Term::str(&algebra::format(&doc_from_term(&a[0]), width)))
    });
}
