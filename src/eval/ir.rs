//! The compiled form: expressions and patterns with every variable resolved
//! to a frame slot and every call resolved to its target.
//!
//! **Invariant:** a slot is written once per binding: rebinding `x` gives a
//! new slot, so a closure or a branch never sees a later binding's value.

use std::sync::Arc;

use crate::stdlib::Native;
use crate::term::{Atom, Term};

use super::code::FunSlot;

/// A compiled expression. (An explicit tag byte: telling the variants apart
/// is one load, not a decoding of `Lit`'s term.)
#[derive(Debug)]
#[repr(u8)]
pub enum Node {
    Lit(Term),
    /// Read a slot.
    Var(usize),
    Tuple(Vec<Node>),
    /// `[items | tail]`
    List(Vec<Node>, Option<Box<Node>>),
    /// `%{k => v}` / `%{base | k => v}` (`update` = keys must exist).
    Map {
        base: Option<Box<Node>>,
        pairs: Vec<(Node, Node)>,
        update: bool,
        line: u32,
    },
    /// `%Name{...}`: fields are checked against the struct definition at run time.
    Struct {
        module: Atom,
        base: Option<Box<Node>>,
        pairs: Vec<(Atom, Node)>,
    },
    /// `pattern = expr`
    Match(Box<Pat>, Box<Node>, u32),
    /// A binary operator with a fast path (arithmetic, comparison, concatenation).
    Op(Op2, Box<Node>, Box<Node>, u32),
    /// `<<segments>>`
    Bits(Vec<BitSeg<Node>>),
    Block(Vec<Node>),
    /// A call of a function defined in Elixir code; a `remote` call
    /// (`Mod.fun()`) may only reach public functions.
    Call {
        slot: Arc<FunSlot>,
        args: Vec<Node>,
        line: u32,
        remote: bool,
    },
    /// A call of a native builtin.
    Native {
        f: Native,
        args: Vec<Node>,
        line: u32,
    },
    /// `mod.fun(args)` where the module is only known at run time (or the field access `m.key`).
    Dynamic {
        module: Box<Node>,
        name: Atom,
        args: Vec<Node>,
        parens: bool,
        line: u32,
    },
    /// `fun.(args)`
    Apply {
        fun: Box<Node>,
        args: Vec<Node>,
        line: u32,
    },
    /// Build a closure capturing the given slots of the current frame.
    MakeFn {
        lambda: Arc<super::Lambda>,
        captures: Vec<usize>,
    },
    Case {
        subject: Box<Node>,
        clauses: Vec<Clause>,
        line: u32,
    },
    /// `cond` and `if` (an `if` is a two-clause cond on truthiness).
    Cond {
        clauses: Vec<(Node, Node)>,
        line: u32,
    },
    Receive {
        clauses: Vec<Clause>,
        after: Option<(Box<Node>, Box<Node>)>,
    },
    /// `a and b` (strict: `a` must be boolean), `a or b`
    And(Box<Node>, Box<Node>),
    Or(Box<Node>, Box<Node>),
    /// `a && b`, `a || b`
    AndAlso(Box<Node>, Box<Node>),
    OrElse(Box<Node>, Box<Node>),
    /// `"a #{b} c"`: each part converted with `String.Chars`.
    Interp(Vec<Node>),
    Try(Box<Try>),
    /// `with clauses do body else else_clauses end`
    With {
        steps: Vec<WithStep>,
        body: Box<Node>,
        elses: Vec<Clause>,
    },
    /// `for gens/filters, into: c, uniq: u do body end`
    For(Box<For>),
    /// `raise`/`throw`/`exit` already evaluated to an exception value happen through natives;
    /// this is a reraise of a caught value with its kind.
    Reraise(Box<Node>, Box<Node>),
    /// `__STACKTRACE__`
    Stacktrace,
    /// `defmodule Name do ... end`: compiled and installed when it runs.
    DefModule(Arc<super::module::ModuleDef>),
}

impl Node {
    /// A variable or a literal: evaluating it cannot fail or call anything.
    #[inline(always)]
    pub fn is_leaf(&self) -> bool {
        matches!(self, Node::Var(_) | Node::Lit(_))
    }
}

/// The body of a `fn` that only applies operators to its arguments,
/// captures and literals (`&(&1 * 3)`, `fn x -> rem(x, 2) == 0 end`),
/// computed without a frame (see `Lambda::pure_body`).
#[derive(Debug, Clone)]
pub enum Pure {
    Arg(usize),
    Env(usize),
    Lit(Term),
    Op(Op2, Box<Pure>, Box<Pure>),
}

/// A clause of `case`, `receive`, `fn`, a `def` or a `rescue`.
#[derive(Debug)]
pub struct Clause {
    pub pats: Vec<Pat>,
    pub guard: Option<Node>,
    pub body: Node,
    pub line: u32,
}

#[derive(Debug)]
pub struct Try {
    pub body: Node,
    pub rescue: Vec<Rescue>,
    /// `catch kind, value ->` clauses: pats are `[kind, value]`.
    pub catch: Vec<Clause>,
    pub else_: Vec<Clause>,
    pub after: Option<Node>,
    /// In a script's top-level code (not in a `fn` or `for`): its line, for
    /// the script's frame in `__STACKTRACE__`.
    pub top_line: Option<u32>,
}

/// `rescue e in [A, B] ->`, `rescue A ->`, `rescue e ->`
#[derive(Debug)]
pub struct Rescue {
    pub modules: Vec<Atom>,
    pub bind: Option<usize>,
    pub body: Node,
}

#[derive(Debug)]
pub enum WithStep {
    Match { pat: Pat, guard: Option<Node>, expr: Node },
    Bare(Node),
}

#[derive(Debug)]
pub struct For {
    pub steps: Vec<ForStep>,
    pub body: Node,
    pub into: Option<Node>,
    pub uniq: bool,
    pub reduce: Option<(Node, Vec<Clause>)>,
    /// Where the comprehension is, for the frames of its generators' closures.
    pub file: Arc<str>,
    pub context: String,
    pub line: u32,
}

#[derive(Debug)]
pub enum ForStep {
    Gen {
        pat: Pat,
        guard: Option<Node>,
        source: Node,
        /// How many variables Elixir's closure for the rest captures, and
        /// its number among the function's closures.
        captured: usize,
        index: u32,
    },
    /// `<<seg, seg <- source>>`: the segments are matched over and over along the source.
    BinGen {
        segs: Vec<BitSeg<Pat>>,
        source: Node,
    },
    Filter(Node),
}

/// A compiled pattern.
#[derive(Debug)]
#[repr(u8)]
pub enum Pat {
    Any,
    /// Bind the value to a slot.
    Bind(usize),
    /// The value must equal (`===`) what a slot holds: a pinned or repeated variable.
    Same(usize),
    Lit(Term),
    Tuple(Vec<Pat>),
    /// `[a, b | tail]`
    List(Vec<Pat>, Box<Pat>),
    /// `%{key => pat}`: keys are literal or pinned.
    Map(Vec<(Node, Pat)>),
    /// `"prefix" <> rest`
    BinPrefix(Vec<u8>, Box<Pat>),
    /// `<<seg, seg>>`
    Bits(Vec<BitSeg<Pat>>),
    /// `a = b` inside a pattern: both must match.
    Both(Box<Pat>, Box<Pat>),
}

/// One segment of a bitstring pattern or constructor.
#[derive(Debug)]
pub struct BitSeg<T> {
    pub value: Box<T>,
    pub kind: BitKind,
    /// Size in units; `None` = the type's default (for binaries: all that is left).
    pub size: Option<Node>,
    /// Bits per unit of size: 1, or 8 for `binary`, unless `unit(n)` says otherwise.
    pub unit: u16,
    pub signed: bool,
    pub little: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BitKind {
    Integer,
    Float,
    /// `binary` and `bitstring` (they differ only in their unit).
    Binary,
    Utf8,
    Utf16,
    Utf32,
}

/// The binary operators that evaluate both operands and have a fast path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op2 {
    /// `+`, `-` and `/` where the BEAM's JIT works inline in a module's
    /// (optimised) code: `+`/`-` with a small integer literal, and `/`.
    /// They compute the same, but failing they record no frame of the
    /// `:erlang` operator (see `kernel::op2`).
    AddInline,
    SubInline,
    /// `*` with a float literal operand, which the BEAM also runs inline.
    MulInline,
    DivInline,
    Add,
    Sub,
    Mul,
    Div,
    /// `div/2` and `rem/2` (Kernel's, which the BEAM also runs as operators).
    IntDiv,
    Rem,
    Eq,
    Ne,
    StrictEq,
    StrictNe,
    Lt,
    Gt,
    Le,
    Ge,
    Concat,
    ListConcat,
    ListSub,
}
