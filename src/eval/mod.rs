//! Evaluation: compile an AST once into resolved code, then run it in a process.

/// A compiled `fn`: its clauses and how it prints.
#[derive(Debug)]
pub struct Lambda {
    pub arity: usize,
    /// Index of this `fn` within its module or input, as in `#Function<3.…`.
    pub index: u32,
    /// Where it was defined, as printed after `in`: `Servy.PledgeServer.listen_loop/1`
    /// or `:erl_eval.expr/6` for a `fn` typed at the prompt.
    pub context: String,
}
