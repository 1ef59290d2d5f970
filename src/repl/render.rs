//! How results and errors look at the prompt, with and without colour.

use crate::term::Term;
use crate::term::inspect::{Opts, format_iex_result};

/// A result as iex prints it (pretty, width 80, IEx's syntax colours), with a newline.
pub fn value(v: &Term, colors: bool) -> String {
    let mut s = format_iex_result(v, &Opts::iex(colors));
    s.push('\n');
    s
}

/// An error in red when colours are on.
pub fn error(text: &str, colors: bool) -> String {
    if colors {
        format!("\x1b[31m{}\x1b[0m", text)
    } else {
        text.to_string()
    }
}
