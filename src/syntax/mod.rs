//! Syntax: source text to [`ast::Expr`], with line and column on every error.
//!
//! Two stages: [`lexer`] (nom combinators) turns text into tokens with spans;
//! [`parser`] (precedence climbing over the token slice) builds the tree.

pub mod ast;
pub mod error;
pub mod lexer;
pub mod parser;

pub use error::{SyntaxError, SyntaxWarning};
pub use parser::{Parsed, parse_program_warned};

/// Parses a whole file or input into its top-level expressions, in order.
pub fn parse_program(src: &str) -> Result<Vec<ast::Expr>, SyntaxError> {
    parser::parse_program(src)
}
