//! Rendering errors that are not exceptions yet: syntax and compile errors.

use crate::syntax::SyntaxError;
use crate::syntax::error::SyntaxErrorKind;

/// `** (SyntaxError) file:line:col: message`.
pub fn syntax_error(e: &SyntaxError, file: &str) -> String {
    let kind = match e.kind {
        SyntaxErrorKind::Syntax | SyntaxErrorKind::MismatchedDelimiter => "SyntaxError",
        SyntaxErrorKind::TokenMissing => "TokenMissingError",
    };
    format!("** ({kind}) {file}:{}:{}: {}", e.line, e.col, e.message)
}
