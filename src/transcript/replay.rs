//! `iexr replay SCRIPT`: each top-level expression is shown after its prompt
//! (`iex(N)>`, continuation lines after `...(N)>`), evaluated in the shell,
//! and followed by what the processes printed and then its result — the same
//! text on every run, because the result waits for every process to go idle.

use crate::repl::{Options, Repl, feed_line};
use crate::runtime::io;
use crate::syntax;

/// Replays `src`; returns the exit status (1 if it does not parse).
pub fn replay_source(src: &str, file: &str, opts: Options) -> i32 {
    let exprs = match syntax::parse_program(src) {
        Ok(e) => e,
        Err(e) => {
            io::err(&format!("{}\n", crate::report::syntax_error(&e, file, src)));
            return 1;
        }
    };
    let mut repl = match Repl::new(opts) {
        Ok(r) => r,
        Err(e) => {
            io::err(&format!("{e}\n"));
            return 1;
        }
    };
    for e in &exprs {
        let text = &src[e.span.start as usize..e.span.end as usize];
        for line in text.lines() {
            io::out(&format!("{}{}\n", repl.prompt(), line));
            feed_line(&mut repl, line);
        }
    }
    0
}

/// Replays a file.
pub fn replay_file(path: &str, opts: Options) -> i32 {
    match std::fs::read_to_string(path) {
        Ok(src) => replay_source(&src, path, opts),
        Err(e) => {
            io::err(&format!("could not read {path}: {e}\n"));
            1
        }
    }
}
