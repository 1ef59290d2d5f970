//! The IEx helpers available at the prompt: `h`, `v`, `pid`, `c`, `clear`,
//! `exports` (`flush` lives with `Process`).

use super::Registry;
use crate::eval::exception::{self as ex, R};
use crate::eval::exec::Proc;
use crate::runtime::io;
use crate::term::{Atom, Pid, Term};

const HELP: &str = "\
IEx helpers available in iexr:

  c/1            - compiles and loads a file, returning its modules
  clear/0        - clears the screen
  exports/1      - shows the functions a module exports
  flush/0        - prints every message in the shell's mailbox and empties it
  h/0            - prints this help
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

fn pid(_: &mut Proc, a: Vec<Term>) -> R<Term> {
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

pub fn register(r: &mut Registry) {
    r.add("IEx.Helpers", "h", 0, |_, _| {
        io::out(HELP);
        Ok(Term::atom("ok"))
    });
    r.add("IEx.Helpers", "v", 0, |p, _| v(p, -1));
    r.add("IEx.Helpers", "v", 1, |p, a| match a[0] {
        Term::Int(n) => v(p, n),
        _ => ex::badarg(),
    });
    r.add("IEx.Helpers", "pid", 1, pid);
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
        let mut new: Vec<Atom> = crate::eval::code::modules()
            .into_iter()
            .filter(|m| !before.contains(m))
            .collect();
        new.sort_by_key(|m| m.name());
        Ok(Term::list(new.into_iter().map(Term::Atom).collect::<Vec<_>>()))
    });
}
