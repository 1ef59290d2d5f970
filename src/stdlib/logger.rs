//! `Logger`: `debug`, `info`, `warning`, `error` print as Elixir's console
//! logger does (`HH:MM:SS.mmm [level] message` after a blank line).

use super::Registry;
use super::kernel::to_chars;
use crate::eval::exception::R;
use crate::eval::exec::Proc;
use crate::term::Term;

fn log(level: &str, msg: &Term) -> R<Term> {
    let mut text = Vec::new();
    to_chars(msg, &mut text)?;
    let line = format!(
        "\n{} [{level}] {}\n",
        super::timestamp(),
        String::from_utf8_lossy(&text)
    );
    crate::runtime::io::out(&line);
    Ok(Term::OK)
}

pub fn register(r: &mut Registry) {
    for arity in [1, 2] {
        r.add("Logger", "debug", arity, |_: &mut Proc, a| log("debug", &a[0]));
        r.add("Logger", "info", arity, |_, a| log("info", &a[0]));
        r.add("Logger", "notice", arity, |_, a| log("notice", &a[0]));
        r.add("Logger", "warning", arity, |_, a| log("warning", &a[0]));
        r.add("Logger", "warn", arity, |_, a| log("warning", &a[0]));
        r.add("Logger", "error", arity, |_, a| log("error", &a[0]));
    }
}
