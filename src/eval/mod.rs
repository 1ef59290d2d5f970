//! Evaluation: compile an AST once into resolved code ([`ir`]), then run it
//! in a process ([`exec`]).
//!
//! **Invariant:** evaluation never touches the terminal: output goes through
//! [`crate::runtime::io`], errors come back as [`exception::Exc`] values.

mod bitstring;
pub mod code;
pub mod compile;
pub mod exception;
pub mod exec;
mod forms;
pub mod ir;
pub mod module;
mod pattern;
pub mod protocol;
pub mod session;

use std::sync::Arc;

pub use bitstring::not_a_binary;
pub use exception::{Exc, R};
pub use exec::Proc;

/// A compiled `fn`: its clauses and how it prints.
#[derive(Debug)]
pub struct Lambda {
    pub arity: usize,
    /// Index of this `fn` within its module or input, as in `#Function<3.…`.
    pub index: u32,
    /// How many captured variables the BEAM's fun holds (a variable bound to
    /// a constant is propagated, not captured): its frames' arity adds them.
    pub held: usize,
    /// Where it was defined, as printed after `in`: `Servy.PledgeServer.listen_loop/1`
    /// or `:erl_eval.expr/6` for a `fn` typed at the prompt.
    pub context: String,
    pub clauses: Vec<ir::Clause>,
    /// Frame size.
    pub slots: usize,
    /// Where each captured value goes in the frame, in capture order.
    pub capture_slots: Vec<usize>,
    pub file: Arc<str>,
    pub line: u32,
}
