//! Parser: tokens to AST by precedence climbing.

use super::SyntaxError;
use super::ast::Expr;

pub fn parse_program(_src: &str) -> Result<Vec<Expr>, SyntaxError> {
    todo!("parser")
}
