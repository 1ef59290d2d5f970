//! The clause heads of the builtins Elixir writes in Elixir, as Elixir 1.14
//! reads them from its modules' debug info (`scripts/record_clauses.exs`
//! records them in `data/clauses.txt`).
//!
//! When such a builtin raises FunctionClauseError, Elixir names the function
//! with its default arguments filled in (`String.upcase/2`, given
//! `[123, :default]`), records the function's own frame
//! (`(elixir 1.14.0) lib/string.ex:831`), and `Exception.blame_mfa/3` marks,
//! for each clause, which argument patterns and guard conditions held:
//! `def upcase(+string+, +:default+) when -is_binary(string)-`.
//!
//! **Invariant:** the blame is computed by iexr's own matcher and evaluator
//! on the recorded patterns and guards, never recorded: a pattern or guard
//! iexr cannot compile counts as not holding, as Elixir counts one that
//! raises.

use std::collections::HashMap;
use std::sync::{LazyLock, OnceLock};

use crate::eval::exec::Proc;
use crate::eval::session::Session;
use crate::term::{Atom, Term};

/// A function whose clauses can all fail to match.
pub struct Def {
    pub module: Atom,
    pub name: Atom,
    pub arity: usize,
    kind: String,
    /// Its source file as frames name it: `lib/string.ex`.
    pub file: String,
    /// The line its FunctionClauseError's frame names.
    pub line: u32,
    clauses: Vec<Clause>,
}

struct Clause {
    /// Each argument's pattern: as Elixir prints it, and as iexr evaluates it.
    args: Vec<(String, String)>,
    /// Each `when`: its conditions (printed, evaluated) and the `and`/`or` between them.
    guards: Vec<Vec<Part>>,
}

enum Part {
    Leaf(String, String),
    Op(String),
}

/// A function with default arguments, as a call of its full arity.
struct Wrapper {
    full: usize,
    args: Vec<WrapperArg>,
    defaults: OnceLock<Vec<Option<Term>>>,
}

enum WrapperArg {
    Param(usize),
    Default(String),
}

struct Table {
    defs: HashMap<(Atom, Atom, usize), Def>,
    wrappers: HashMap<(Atom, Atom, usize), Wrapper>,
}

static TABLE: LazyLock<Table> = LazyLock::new(|| parse(include_str!("data/clauses.txt")));

fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

fn parse(data: &str) -> Table {
    let mut t = Table {
        defs: HashMap::new(),
        wrappers: HashMap::new(),
    };
    let mut current: Option<(Atom, Atom, usize)> = None;
    for line in data.lines() {
        let fields: Vec<String> = line.split('\t').map(unescape).collect();
        let (tag, rest) = fields.split_first().expect("a line has a tag");
        let key = |m: &str, n: &str, a: &str| (Atom::alias(m), Atom::new(n), a.parse::<usize>().unwrap_or(0));
        match (tag.as_str(), rest) {
            ("=", [m, n, a, kind, file, l]) => {
                let k = key(m, n, a);
                t.defs.insert(
                    k,
                    Def {
                        module: k.0,
                        name: k.1,
                        arity: k.2,
                        kind: kind.clone(),
                        file: file.clone(),
                        line: l.parse().unwrap_or(0),
                        clauses: Vec::new(),
                    },
                );
                current = Some(k);
            }
            (">", pairs) => {
                if let Some(d) = current.and_then(|k| t.defs.get_mut(&k)) {
                    d.clauses.push(Clause {
                        args: pairs.chunks(2).map(|p| (p[0].clone(), p[1].clone())).collect(),
                        guards: Vec::new(),
                    });
                }
            }
            ("?", parts) => {
                if let Some(c) = current
                    .and_then(|k| t.defs.get_mut(&k))
                    .and_then(|d| d.clauses.last_mut())
                {
                    // `print eval op print eval op … print eval`
                    let mut g = Vec::new();
                    for chunk in parts.chunks(3) {
                        if let [print, evaluated, rest @ ..] = chunk {
                            g.push(Part::Leaf(print.clone(), evaluated.clone()));
                            g.extend(rest.first().map(|op| Part::Op(op.clone())));
                        }
                    }
                    c.guards.push(g);
                }
            }
            ("~", [m, n, a, full, args @ ..]) => {
                let args = args
                    .iter()
                    .map(|s| match s.strip_prefix('$').and_then(|i| i.parse().ok()) {
                        Some(i) => WrapperArg::Param(i),
                        None => WrapperArg::Default(s.clone()),
                    })
                    .collect();
                t.wrappers.insert(
                    key(m, n, a),
                    Wrapper {
                        full: full.parse().unwrap_or(0),
                        args,
                        defaults: OnceLock::new(),
                    },
                );
            }
            _ => {}
        }
    }
    t
}

/// A scratch process and scope in which recorded code is evaluated.
fn scratch() -> (Proc, Session) {
    (
        Proc::new(crate::runtime::detached_process()),
        Session::new("nofile", ":elixir_compiler_0.__FILE__/1"),
    )
}

/// Evaluates recorded source text; `None` if iexr cannot compile or run it.
fn eval(p: &mut Proc, s: &mut Session, src: &str) -> Option<Term> {
    let exprs = crate::syntax::parse_program(src).ok()?;
    let mut last = None;
    for e in &exprs {
        last = Some(s.eval(p, e).ok()?);
    }
    last
}

/// Whether `module` is Elixir's own, not one the user defined under its name.
fn library(module: Atom) -> bool {
    crate::eval::code::module(module).is_none()
}

/// The function a builtin's call `module.name(args)` reaches in Elixir, with
/// its default arguments filled in, when its clauses are recorded.
pub fn resolve(module: Atom, name: Atom, args: &[Term]) -> Option<(&'static Def, Vec<Term>)> {
    if !library(module) {
        return None;
    }
    let t = &*TABLE;
    let key = (module, name, args.len());
    if let Some(d) = t.defs.get(&key) {
        return Some((d, args.to_vec()));
    }
    let w = t.wrappers.get(&key)?;
    let d = t.defs.get(&(module, name, w.full))?;
    let defaults = w.defaults.get_or_init(|| {
        let (mut p, mut s) = scratch();
        w.args
            .iter()
            .map(|a| match a {
                WrapperArg::Param(_) => None,
                WrapperArg::Default(src) => eval(&mut p, &mut s, src),
            })
            .collect()
    });
    let mut full = Vec::with_capacity(w.full);
    for (a, default) in w.args.iter().zip(defaults) {
        match a {
            WrapperArg::Param(i) => full.push(args.get(*i)?.clone()),
            WrapperArg::Default(_) => full.push(default.clone()?),
        }
    }
    Some((d, full))
}

/// The recorded function `module.name/arity` (of Elixir's own `module`).
pub fn lookup(module: Atom, name: Atom, arity: usize) -> Option<&'static Def> {
    TABLE.defs.get(&(module, name, arity)).filter(|_| library(module))
}

/// How a blamed pattern or condition is marked.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Marks {
    /// `elixir script.exs`: `+held+` and `-failed-`.
    Script,
    /// iex in a terminal, as its output reads without colours (a saved
    /// transcript): no marks; iex shows the failed ones in red.
    Iex,
}

fn mark(held: bool, text: &str, marks: Marks) -> String {
    match (held, marks) {
        (true, Marks::Script) => format!("+{text}+"),
        (false, Marks::Script) => format!("-{text}-"),
        (_, Marks::Iex) => text.to_string(),
    }
}

/// `fn p1, p2 -> body end` over the patterns that matched (`_` for the others).
fn fn_over(patterns: &[Option<&str>], body: &str) -> String {
    let ps: Vec<&str> = patterns.iter().map(|p| p.unwrap_or("_")).collect();
    format!("fn {} -> {body} end", ps.join(", "))
}

/// Calls the function value `src` evaluates to with `args`: whether it returned `true`.
fn holds(p: &mut Proc, s: &mut Session, src: &str, args: &[Term]) -> bool {
    match eval(p, s, src) {
        Some(f) => matches!(p.apply(&f, args.to_vec()), Ok(Term::Atom(Atom::TRUE))),
        None => false,
    }
}

/// Elixir's "Attempted function clauses" lines for a call of `d` with
/// `args`, each indented by eight spaces and ending in a newline, as
/// `FunctionClauseError.blame/3` shows at most ten of them.
pub fn attempted(d: &Def, args: &[Term], marks: Marks) -> String {
    const LIMIT: usize = 10;
    let (mut p, mut s) = scratch();
    let mut out = format!(
        "    Attempted function clauses (showing {} out of {}):\n    \n",
        d.clauses.len().min(LIMIT),
        d.clauses.len()
    );
    for c in d.clauses.iter().take(LIMIT) {
        // Each pattern is matched with the bindings of the ones before it that matched.
        let mut matched: Vec<Option<&str>> = Vec::new();
        let mut shown = Vec::new();
        for (i, (print, evaluated)) in c.args.iter().enumerate() {
            let mut ps = matched.clone();
            ps.push(Some(evaluated));
            let ok = holds(&mut p, &mut s, &fn_over(&ps, "true"), &args[..=i]);
            matched.push(ok.then_some(evaluated.as_str()));
            shown.push(mark(ok, print, marks));
        }
        let mut line = format!("        {} {}({})", d.kind, d.name.name(), shown.join(", "));
        for g in &c.guards {
            let parts: Vec<String> = g
                .iter()
                .map(|part| match part {
                    Part::Op(op) => op.clone(),
                    Part::Leaf(print, evaluated) => {
                        let ok = holds(&mut p, &mut s, &fn_over(&matched, evaluated), args);
                        mark(ok, print, marks)
                    }
                })
                .collect();
            line.push_str(" when ");
            line.push_str(&parts.join(" "));
        }
        out.push_str(&line);
        out.push('\n');
    }
    match d.clauses.len().saturating_sub(LIMIT) {
        0 => {}
        1 => out.push_str("        ...\n        (1 clause not shown)\n"),
        n => out.push_str(&format!("        ...\n        ({n} clauses not shown)\n")),
    }
    out
}
