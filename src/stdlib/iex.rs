//! The IEx helpers available at the prompt: `h`, `i`, `v`, `pid`, `c`,
//! `clear`, `exports`, `respawn` (`flush` lives with `Process`;
//! `import_file` and `h Mod.fun` are compiled as the macros they are in iex).

use super::Registry;
use crate::eval::exception::{self as ex, R};
use crate::eval::exec::Proc;
use crate::runtime::io;
use crate::term::{Atom, Pid, Term};

/// The reason `respawn/0` gives the shell process it ends.
pub const RESPAWN: &str = "$respawn";

const HELP: &str = "\
IEx helpers available in iexr:

  c/1            - compiles and loads a file, returning its modules
  clear/0        - clears the screen
  exports/1      - shows the functions a module exports
  flush/0        - prints every message in the shell's mailbox and empties it
  h/0            - prints this help
  h/1            - help on a module or function: h(Enum), h Enum.map, h Enum.map/2
  i/1            - information about a value: its type, description and protocols
  import_file/1  - evaluates a file in the shell, as if typed (its bindings stay)
  respawn/0      - starts a new shell process (the bindings stay)
  pid/1          - makes a pid from \"0.110.0\", \"#PID<0.110.0>\" or a registered name
  pid/3          - makes a pid from three integers, pid(0, 110, 0)
  v/0            - the last result
  v/1            - the result of input n (negative n counts back from the last)

Press Ctrl+C to cancel a running evaluation, Ctrl+D (or Ctrl+C twice) to exit.
";

fn parse_pid(s: &str) -> Option<Pid> {
    let s = s.trim().trim_start_matches("#PID<").trim_end_matches('>');
    let parts: Vec<&str> = s.split('.').collect();
    match parts.as_slice() {
        ["0", n, "0"] => n.parse().ok().map(Pid),
        _ => None,
    }
}

fn pid(_: &mut Proc, a: &[Term]) -> R<Term> {
    match &a[0] {
        Term::Bin(_) => match a[0].as_str().and_then(parse_pid) {
            Some(p) => Ok(Term::Pid(p)),
            None => ex::argument_error(format!("invalid pid: {}", crate::term::inspect::inspect_default(&a[0]))),
        },
        Term::Atom(n) => match crate::runtime::whereis(*n) {
            Some(p) => Ok(Term::Pid(p)),
            None => ex::argument_error(format!(
                "could not find registered process with name: {}",
                crate::term::inspect::inspect_default(&a[0])
            )),
        },
        other => ex::argument_error(format!("invalid pid: {}", crate::term::inspect::inspect_default(other))),
    }
}

fn v(p: &mut Proc, n: i64) -> R<Term> {
    let len = p.results.len() as i64;
    let i = if n < 0 { len + n } else { n - 1 };
    match p.results.get(i.max(0) as usize) {
        Some(t) if i >= 0 => Ok(t.clone()),
        _ => ex::runtime_error(format!("v({n}) is out of bounds")),
    }
}

/// What a helper returns when the shell should print no result (IEx's marker).
pub fn no_result() -> Term {
    Term::atom("do not show this result in output")
}

/// One line about each builtin module, for `h/1`.
const MODULE_DOCS: &[(&str, &str)] = &[
    (
        "Kernel",
        "Functions and macros imported into every module: arithmetic, comparison, spawn, send, raise...",
    ),
    (
        "Enum",
        "Functions for working with collections (known as enumerables): lists, maps, ranges, sets, streams.",
    ),
    (
        "Stream",
        "Lazy, composable enumerables: nothing runs until an Enum function consumes the stream.",
    ),
    (
        "Map",
        "Maps are the \"go to\" key-value data structure: functions to read, put, update and delete keys.",
    ),
    (
        "Keyword",
        "Keyword lists: lists of {atom, value} tuples, used for options.",
    ),
    (
        "List",
        "Linked lists: functions that only make sense for lists (Enum has the generic ones).",
    ),
    (
        "Tuple",
        "Functions for working with tuples: fixed-size containers of values.",
    ),
    (
        "String",
        "Strings are UTF-8 encoded binaries; lengths and indexes count graphemes.",
    ),
    (
        "Integer",
        "Functions for working with integers: parsing, digits, powers, modulo.",
    ),
    (
        "Float",
        "Functions for working with floating-point numbers: rounding, parsing, formatting.",
    ),
    ("Atom", "Atoms are constants whose values are their own name."),
    (
        "IO",
        "Input and output: puts, write, inspect, to standard output or standard error.",
    ),
    (
        "Process",
        "Functions for working with processes: info, links, monitors, registry, timers, dictionary.",
    ),
    (
        "GenServer",
        "A behaviour module for client-server processes: call, cast, state, supervision.",
    ),
    (
        "Agent",
        "Agents are a simple abstraction around state held in a process.",
    ),
    ("Task", "Conveniences for spawning and awaiting tasks."),
    (
        "Supervisor",
        "A behaviour module for supervisors: processes that start and restart children.",
    ),
    ("MapSet", "Sets of unique values, in Elixir's MapSet."),
    ("Range", "Ranges represent a sequence of integers: first..last//step."),
    (
        "Regex",
        "Regular expressions, compiled by the ~r sigil or Regex.compile/2.",
    ),
    (
        "System",
        "System information: clocks, environment variables, unique integers.",
    ),
    ("Date", "Dates in the ISO calendar: ~D[2024-02-29]."),
];

fn h_module(m: Atom) -> String {
    let name = ex::module_name(m);
    let doc = MODULE_DOCS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, d)| d.to_string())
        .or_else(|| crate::eval::code::module(m).map(|_| format!("{name} is a module defined in this session.")));
    let Some(doc) = doc else {
        return format!("Could not load module {name}, got: nofile\n");
    };
    let mut funs = crate::eval::code::module(m)
        .map(|i| i.exports.clone())
        .unwrap_or_default();
    if funs.is_empty() {
        funs = super::exports(m);
    }
    let names: Vec<String> = funs
        .iter()
        .filter(|(f, _)| !f.name().starts_with("__"))
        .map(|(f, n)| format!("{}/{n}", ex::fun_name(*f)))
        .collect();
    // The functions, wrapped at 80 columns.
    let mut text = String::from("Functions:");
    let mut width = text.len();
    for n in names {
        if width + n.len() + 1 > 80 {
            text.push_str("\n ");
            width = 1;
        }
        text.push(' ');
        text.push_str(&n);
        width += n.len() + 1;
    }
    format!("\n{name}\n\n{doc}\n\n{text}\n\n")
}

fn h_function(m: Atom, f: Atom, arity: Option<i64>) -> String {
    let mut funs = crate::eval::code::module(m)
        .map(|i| i.exports.clone())
        .unwrap_or_default();
    if funs.is_empty() {
        funs = super::exports(m);
    }
    let found: Vec<String> = funs
        .iter()
        .filter(|(name, n)| *name == f && arity.is_none_or(|a| a == *n as i64))
        .map(|(name, n)| format!("{}.{}/{n}", ex::module_name(m), ex::fun_name(*name)))
        .collect();
    if found.is_empty() {
        let what = match arity {
            Some(a) => format!("{}.{}/{a}", ex::module_name(m), ex::fun_name(f)),
            None => format!("{}.{}", ex::module_name(m), ex::fun_name(f)),
        };
        return format!("No documentation for {what} was found\n");
    }
    format!(
        "\n{}\n\nDefined in iexr; see Elixir's documentation of {} for the details.\n\n",
        found.join("\n"),
        ex::module_name(m)
    )
}

/// `i/1`: the sections iex prints about a value.
fn info(p: &Proc, t: &Term) -> String {
    use crate::term::inspect::inspect_default as show;
    let mut s: Vec<(&str, String)> = vec![("Term", show(t))];
    let protocols_all = "IEx.Info, Inspect, List.Chars, String.Chars";
    let (ty, refs, protocols, extra): (&str, &str, &str, Vec<(&str, String)>) = match t {
        Term::Int(_) | Term::BigInt(_) => ("Integer", "Integer", protocols_all, vec![]),
        Term::Float(_) => ("Float", "Float", protocols_all, vec![]),
        Term::Atom(_) => ("Atom", "Atom", protocols_all, vec![]),
        Term::Bin(b) => {
            let mut extra = vec![("Byte size", b.len().to_string())];
            if std::str::from_utf8(b).is_ok_and(|x| !x.chars().any(char::is_control)) {
                extra.push((
                    "Description",
                    "This is a string: a UTF-8 encoded binary. It's printed surrounded by\n  \"double quotes\" because all UTF-8 encoded code points in it are printable.".into(),
                ));
            }
            let raw = crate::term::inspect::inspect(
                t,
                &crate::term::inspect::Opts {
                    binaries: Some(false),
                    ..crate::term::inspect::Opts::inspect()
                },
            );
            extra.push(("Raw representation", raw));
            (
                "BitString",
                "String, :binary",
                "Collectable, IEx.Info, Inspect, List.Chars, String.Chars",
                extra,
            )
        }
        Term::Bits(b) => (
            "BitString",
            "",
            "Collectable, IEx.Info, Inspect, List.Chars, String.Chars",
            vec![
                ("Bits size", b.len().to_string()),
                (
                    "Description",
                    "This is a bitstring. It's a chunk of bits that are not divisible by 8\n  (the number of bytes isn't whole).".into(),
                ),
            ],
        ),
        Term::EmptyList | Term::Cons(_) => {
            let mut extra = vec![];
            let shown = show(t);
            if shown.starts_with('\'') {
                extra.push(("Description", "This is a list of integers that is printed as a sequence of characters\n  delimited by single quotes because all the integers in it represent printable\n  ASCII characters. Conventionally, a list of Unicode code points is known as a\n  charlist and a list of ASCII characters is a subset of it.".into()));
                let raw = crate::term::inspect::inspect(
                    t,
                    &crate::term::inspect::Opts {
                        charlists: Some(false),
                        ..crate::term::inspect::Opts::inspect()
                    },
                );
                extra.push(("Raw representation", raw));
            }
            (
                "List",
                "List",
                "Collectable, Enumerable, IEx.Info, Inspect, List.Chars, String.Chars",
                extra,
            )
        }
        Term::Tuple(_) => ("Tuple", "Tuple", "IEx.Info, Inspect", vec![]),
        Term::Map(_) => match t.struct_name() {
            Some(_) => ("Struct", "", "IEx.Info, Inspect", vec![]),
            None => ("Map", "Map", "Collectable, Enumerable, IEx.Info, Inspect", vec![]),
        },
        Term::Pid(pid) => {
            let alive = crate::runtime::is_alive(*pid);
            let name = crate::runtime::registered()
                .into_iter()
                .find(|n| crate::runtime::whereis(*n) == Some(*pid))
                .map(|n| show(&Term::Atom(n)))
                .unwrap_or_else(|| "not registered".into());
            let proc_ = crate::runtime::lookup(*pid);
            let links = proc_
                .as_ref()
                .map(|pr| pr.links.lock().map(|l| l.clone()).unwrap_or_default())
                .unwrap_or_default();
            let links = if links.is_empty() {
                "none".to_string()
            } else {
                links
                    .iter()
                    .map(|l| show(&Term::Pid(*l)))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let queue = if *pid == p.pid() {
                p.me.mailbox.len()
            } else {
                proc_.as_ref().map(|pr| pr.mailbox.len()).unwrap_or(0)
            };
            (
                "PID",
                "Process, Node",
                "IEx.Info, Inspect",
                vec![
                    ("Alive", alive.to_string()),
                    ("Name", name),
                    ("Links", links),
                    ("Message queue length", queue.to_string()),
                    (
                        "Description",
                        "Use Process.info/1 to get more info about this process".into(),
                    ),
                ],
            )
        }
        Term::Ref(_) => ("Reference", "", "IEx.Info, Inspect", vec![]),
        Term::Fun(f) => {
            let ty = match &**f {
                crate::term::Fun::Closure { .. } => "local",
                crate::term::Fun::External { .. } => "external",
            };
            (
                "Function",
                "",
                "Enumerable, IEx.Info, Inspect",
                vec![
                    ("Type", ty.into()),
                    ("Arity", f.arity().to_string()),
                    ("Description", "This is an anonymous function.".into()),
                ],
            )
        }
    };
    s.push(("Data type", ty.to_string()));
    s.extend(extra);
    if !refs.is_empty() {
        s.push(("Reference modules", refs.to_string()));
    }
    s.push(("Implemented protocols", protocols.to_string()));
    s.iter().map(|(k, v)| format!("{k}\n  {v}\n")).collect()
}

pub fn register(r: &mut Registry) {
    r.add("IEx.Helpers", "h", 0, |_, _| {
        io::out(HELP);
        Ok(no_result())
    });
    r.add("IEx.Helpers", "h", 1, |_, a| match a[0] {
        Term::Atom(m) => {
            io::out(&h_module(m));
            Ok(no_result())
        }
        _ => ex::argument_error("h/1 expects a module, Mod.fun or Mod.fun/arity"),
    });
    r.add("IEx.Helpers", "__h__", 3, |_, a| match (&a[0], &a[1]) {
        (Term::Atom(m), Term::Atom(f)) => {
            io::out(&h_function(*m, *f, a[2].as_int()));
            Ok(no_result())
        }
        _ => ex::badarg(),
    });
    r.add("IEx.Helpers", "i", 1, |p, a| {
        io::out(&info(p, &a[0]));
        Ok(no_result())
    });
    r.add("IEx.Helpers", "respawn", 0, |p, _| {
        crate::runtime::interrupt(&p.me, Some(Term::atom(RESPAWN)));
        p.check_interrupt()?;
        Ok(no_result())
    });
    r.add("IEx.Helpers", "v", 0, |p, _| v(p, -1));
    r.add("IEx.Helpers", "v", 1, |p, a| match a[0] {
        Term::Int(n) => v(p, n),
        _ => ex::badarg(),
    });
    r.add("IEx.Helpers", "pid", 1, |p, a| pid(p, a));
    r.add("IEx.Helpers", "pid", 3, |_, a| match (&a[0], &a[1], &a[2]) {
        (Term::Int(0), Term::Int(n), Term::Int(0)) if *n >= 0 => Ok(Term::Pid(Pid(*n as u64))),
        _ => ex::badarg(),
    });
    r.add("IEx.Helpers", "clear", 0, |_, _| {
        io::out("\x1b[H\x1b[2J");
        Ok(Term::atom("ok"))
    });
    r.add("IEx.Helpers", "exports", 1, |_, a| {
        let Term::Atom(m) = a[0] else { return ex::badarg() };
        let mut funs = crate::eval::code::module(m)
            .map(|i| i.exports.clone())
            .unwrap_or_default();
        if funs.is_empty() {
            funs = super::exports(m);
        }
        let names: Vec<String> = funs.iter().map(|(f, n)| format!("{}/{n}", ex::fun_name(*f))).collect();
        let width = names.iter().map(String::len).max().unwrap_or(0) + 5;
        let per_line = (80 / width.max(1)).max(1);
        let mut out = String::new();
        for chunk in names.chunks(per_line) {
            let line: Vec<String> = chunk.iter().map(|n| format!("{n:width$}")).collect();
            out.push_str(line.join("").trim_end());
            out.push('\n');
        }
        io::out(&out);
        Ok(Term::atom("ok"))
    });
    r.add("IEx.Helpers", "c", 1, |_, a| {
        let Some(path) = a[0].as_str().map(str::to_string) else {
            return ex::badarg();
        };
        let before = crate::eval::code::modules();
        if crate::script::run_file(&path) != 0 {
            return ex::with_message("CompileError", format!("could not compile {path}"));
        }
        // Not Elixir's own modules the file's code loaded on first use.
        let mut new: Vec<Atom> = crate::eval::code::modules()
            .into_iter()
            .filter(|m| !before.contains(m))
            .filter(|m| !crate::eval::code::module(*m).is_some_and(|i| super::otp::is_source(&i.file)))
            .collect();
        new.sort_by_key(|m| m.name());
        Ok(Term::list(new.into_iter().map(Term::Atom).collect::<Vec<_>>()))
    });
}
