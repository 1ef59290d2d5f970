//! Syntax errors as data: Elixir's kind, the position, and the message.

/// Which Elixir exception a syntax error is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    /// `** (SyntaxError) file:line:col: syntax error before: ...`
    Syntax,
    /// `** (TokenMissingError) file:line:col: missing terminator: end ...`
    TokenMissing,
    /// `** (MismatchedDelimiterError) ...` (printed as a SyntaxError in 1.14)
    MismatchedDelimiter,
    /// `unexpected reserved word: end` with nothing open: a SyntaxError
    /// that Elixir prints without the line's snippet.
    UnexpectedEnd,
}

/// A syntax error at `line:col` (1-based).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{line}:{col}: {message}")]
pub struct SyntaxError {
    pub kind: SyntaxErrorKind,
    pub line: u32,
    pub col: u32,
    pub message: String,
    /// True when more input could complete it (an open `do`, bracket or string at the end):
    /// the REPL then asks for a continuation line.
    pub incomplete: bool,
}

/// A warning Elixir's tokenizer or parser prints while reading the source
/// (before anything is compiled), at `line:col`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxWarning {
    pub line: u32,
    pub col: u32,
    pub message: String,
}
