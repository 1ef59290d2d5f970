//! Rendering errors that are not exceptions yet: syntax and compile errors.

use crate::syntax::SyntaxError;
use crate::syntax::error::SyntaxErrorKind;

/// `** (SyntaxError) file:line:col: message`, then (for a plain syntax
/// error, and for an expression left incomplete at the end) the line of
/// `src` it is on with a caret under the column, as Elixir 1.14 shows it. A
/// missing terminator, a mismatched delimiter, an unmatched `end` or a
/// misplaced reserved word has no snippet.
pub fn syntax_error(e: &SyntaxError, file: &str, src: &str) -> String {
    let kind = match e.kind {
        SyntaxErrorKind::Syntax | SyntaxErrorKind::MismatchedDelimiter | SyntaxErrorKind::UnexpectedEnd => {
            "SyntaxError"
        }
        SyntaxErrorKind::TokenMissing => "TokenMissingError",
    };
    let mut t = format!("** ({kind}) {file}:{}:{}: {}", e.line, e.col, e.message);
    // The parser's own "syntax error: expression is incomplete" at the end
    // of the input is a TokenMissingError with a snippet.
    // A reserved word where an expression cannot have it is raised without one.
    let plain = (e.kind == SyntaxErrorKind::Syntax && !e.message.contains("is a reserved word in Elixir"))
        || (e.kind == SyntaxErrorKind::TokenMissing && e.message.starts_with("syntax error"));
    if let Some(code) = src.lines().nth((e.line as usize).wrapping_sub(1)).filter(|_| plain) {
        let number = e.line.to_string();
        let width = number.len().max(2);
        let gutter = format!("{:width$} |", "", width = width + 1);
        let caret = " ".repeat(e.col.saturating_sub(1) as usize);
        t.push_str(&format!("\n{gutter}\n {number:>width$} | {code}\n{gutter} {caret}^"));
    }
    t
}
