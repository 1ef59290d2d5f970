//! A top-level scope that evaluates expressions one after another, keeping
//! bindings between them: the REPL's and a script's.
//!
//! **Invariant:** an expression that fails (to compile or to run) leaves the
//! bindings exactly as they were before it.

use super::compile::{CompileError, Compiler};
use super::exception::Exc;
use super::exec::Proc;
use super::ir::Node;
use crate::syntax::ast::Expr;
use crate::term::Term;

/// Why a top-level expression produced no value.
#[derive(Debug)]
pub enum Failure {
    Compile(CompileError),
    Raised(Exc),
}

pub struct Session {
    pub compiler: Compiler,
    frame: Vec<Term>,
}

impl Session {
    /// `file` is what errors name (`iex`, `script.exs`); `context` is where `fn`s live.
    pub fn new(file: &str, context: &str) -> Session {
        Session {
            compiler: Compiler::new(file, context),
            frame: Vec::new(),
        }
    }

    /// Compiles and runs one top-level expression.
    pub fn eval(&mut self, proc: &mut Proc, e: &Expr) -> Result<Term, Failure> {
        let saved = self.compiler.clone();
        let node = match self.compiler.expr(e) {
            Ok(n) => n,
            Err(err) => {
                self.compiler = saved;
                return Err(Failure::Compile(err));
            }
        };
        self.grow_frame();
        match proc.eval(&node, &mut self.frame) {
            Ok(v) => Ok(v),
            Err(x) => {
                self.compiler = saved;
                Err(Failure::Raised(*x))
            }
        }
    }

    /// Makes room in the scope's frame for every slot compiled so far.
    fn grow_frame(&mut self) {
        let n = self.compiler.slots();
        if self.frame.len() < n {
            self.frame.resize(n, Term::NIL);
        }
    }

    /// Compiles expressions without running them (a script is compiled whole
    /// before it runs, as Elixir does, so a compile error stops it before any output).
    pub fn compile_all(&mut self, exprs: &[Expr]) -> Result<Vec<Node>, CompileError> {
        exprs.iter().map(|e| self.compiler.expr(e)).collect()
    }

    /// Runs a node compiled by [`Session::compile_all`].
    pub fn run(&mut self, proc: &mut Proc, node: &Node) -> Result<Term, Exc> {
        self.grow_frame();
        proc.eval(node, &mut self.frame).map_err(|e| *e)
    }

    /// Runs a node compiled by [`Session::compile_all`] in tail position (a
    /// script's last expression): when the error comes from a call that
    /// replaced the script's own frame, its stack is marked so
    /// ([`super::exception::Stack::take_tail_called`]).
    pub fn run_tail(&mut self, proc: &mut Proc, node: &Node) -> Result<Term, Exc> {
        self.grow_frame();
        match proc.eval_tail(node, &mut self.frame) {
            Ok(super::exec::Flow::Value(v)) => Ok(v),
            Ok(super::exec::Flow::Tail) => {
                let (c, args) = proc.take_tail();
                proc.run_at(c, args, super::exec::TOP_TAIL).map_err(|mut e| {
                    if let Some(st) = e.stack_mut() {
                        st.tail_called = true;
                    }
                    *e
                })
            }
            Err(e) => Err(*e),
        }
    }

    /// The current bindings, by name.
    pub fn bindings(&self) -> Vec<(String, Term)> {
        self.compiler
            .bindings()
            .into_iter()
            .filter(|(k, _)| !k.starts_with('&'))
            .map(|(k, s)| (k, self.frame.get(s).cloned().unwrap_or(Term::NIL)))
            .collect()
    }
}
