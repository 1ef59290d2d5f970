//! Calls of functions Elixir 1.14 deprecates with a warning
//! (`scripts/record_deprecated.exs` records them, with their reasons, in
//! `src/stdlib/data/deprecated.txt`).
//!
//! Elixir warns in two places. A call outside any function (a script's
//! top level, `fn`s in it included, or an input at the prompt) warns as it
//! is expanded, in order with the other warnings of the expansion:
//! `warning: String.strip/1 is deprecated. Use String.trim/1 instead`
//! and `  FILE:LINE`. A call inside a module's function is found by the
//! module checker once the module is compiled: those of one module are
//! grouped by the function called (sorted by it), each with its locations
//! (`  FILE:LINE: M.f/1`, or `Invalid call found at N locations:` and one
//! line each). A script prints the checker's warnings once it has run
//! successfully; the prompt prints them after the `defmodule`.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

static TABLE: LazyLock<HashMap<(String, String, usize), String>> = LazyLock::new(|| {
    include_str!("../../../stdlib/data/deprecated.txt")
        .lines()
        .filter_map(|l| {
            let [m, f, a, reason] = l.splitn(4, '\t').collect::<Vec<_>>()[..] else {
                return None;
            };
            Some(((m.to_string(), f.to_string(), a.parse().ok()?), reason.to_string()))
        })
        .collect()
});

/// The warning for calling `module.name/arity` (`module` as Elixir prints
/// it, `String`), if Elixir deprecates it.
pub fn message(module: &str, name: &str, arity: usize) -> Option<String> {
    let reason = TABLE.get(&(module.to_string(), name.to_string(), arity))?;
    let fun = crate::eval::exception::fun_name(crate::term::Atom::new(name));
    Some(format!("{module}.{fun}/{arity} is deprecated. {reason}"))
}

/// A call the module checker warns about inside a function of a module
/// (deprecated, or of a macro not required): the warning, its line and the
/// function it is in (`M.f/1`). `rank` orders the kinds as the checker
/// sorts them: a macro not required (0) before a deprecated function (1).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Call {
    pub rank: u8,
    pub message: String,
    pub line: u32,
    pub context: String,
}

/// The module checker's warnings for the deprecated calls of one module.
pub fn render(mut calls: Vec<Call>, file: &str) -> String {
    calls.sort();
    calls.dedup();
    let mut out = String::new();
    let mut i = 0;
    while i < calls.len() {
        let same = calls[i..].iter().take_while(|c| c.message == calls[i].message).count();
        let group = &calls[i..i + same];
        out.push_str(&format!("warning: {}\n", group[0].message));
        if same > 1 {
            out.push_str(&format!("Invalid call found at {same} locations:\n"));
        }
        for c in group {
            out.push_str(&format!("  {file}:{}: {}\n", c.line, c.context));
        }
        out.push('\n');
        i += same;
    }
    out
}

/// The checker's warnings of the modules a script defines, held until the
/// script has run (`None`: print them at once, as at the prompt).
static HELD: Mutex<Option<String>> = Mutex::new(None);

/// Prints the checker's warnings of a module now, or holds them until the
/// script that defines it has run.
pub fn emit(text: &str) {
    if text.is_empty() {
        return;
    }
    let mut held = HELD.lock().unwrap_or_else(|e| e.into_inner());
    match held.as_mut() {
        Some(buf) => buf.push_str(text),
        None => crate::runtime::io::err(text),
    }
}

/// Starts holding the checker's warnings; returns what was held before
/// (a script run by a script), for [`release`].
pub fn hold() -> Option<String> {
    HELD.lock().unwrap_or_else(|e| e.into_inner()).replace(String::new())
}

/// Stops holding: returns the warnings held since [`hold`], and holds
/// `before` again.
pub fn release(before: Option<String>) -> String {
    let mut held = HELD.lock().unwrap_or_else(|e| e.into_inner());
    std::mem::replace(&mut *held, before).unwrap_or_default()
}
