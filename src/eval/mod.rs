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
    /// The body as an operator tree over the arguments and captures, when
    /// a call can be computed without a frame (see [`Lambda::pure_body`]).
    pub pure: Option<ir::Pure>,
}

impl Lambda {
    /// A `fn` of one clause, with plain variables for parameters, no guard,
    /// and a body of operators on its variables and literals, as an
    /// [`ir::Pure`] tree. Such a call calls nothing, sends nothing and binds
    /// nothing, so `Proc::callback` may compute it directly and, should it
    /// fail, run it again the ordinary way, for the same error with its
    /// frames.
    pub fn pure_body(clauses: &[ir::Clause], capture_slots: &[usize]) -> Option<ir::Pure> {
        let [c] = clauses else { return None };
        if c.guard.is_some() {
            return None;
        }
        // Where each slot the body may read comes from.
        let arity = c.pats.len();
        let mut from: Vec<(usize, ir::Pure)> = Vec::new();
        for (i, p) in c.pats.iter().enumerate() {
            match p {
                ir::Pat::Any => from.push((i, ir::Pure::Arg(i))),
                ir::Pat::Bind(s) if *s >= arity => {
                    from.push((i, ir::Pure::Arg(i)));
                    from.push((*s, ir::Pure::Arg(i)));
                }
                _ => return None,
            }
        }
        for (j, s) in capture_slots.iter().enumerate() {
            from.push((*s, ir::Pure::Env(j)));
        }
        fn tree(n: &ir::Node, from: &[(usize, ir::Pure)]) -> Option<ir::Pure> {
            Some(match n {
                ir::Node::Var(s) => from.iter().rev().find(|(slot, _)| slot == s)?.1.clone(),
                ir::Node::Lit(t) => ir::Pure::Lit(t.clone()),
                ir::Node::Op(op, a, b, _) => ir::Pure::Op(*op, Box::new(tree(a, from)?), Box::new(tree(b, from)?)),
                _ => return None,
            })
        }
        tree(&c.body, &from)
    }
}
