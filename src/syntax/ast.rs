//! The abstract syntax tree the parser produces and the compiler consumes.
//!
//! It follows the shape of Elixir's own quoted form where that keeps the
//! compiler uniform: keyword pairs are two-element tuples (`[a: 1]` is
//! `[{:a, 1}]`), a `do ... end` block is a trailing keyword-list argument
//! (`if c do a else b end` is `if(c, [do: a, else: b])`, exactly as
//! `if c, do: a, else: b`), and `->` clauses are [`ExprKind::Stab`] values.

/// Where a node starts (1-based line and column) and its byte range in the source.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Span {
    pub line: u32,
    pub col: u32,
    pub start: u32,
    pub end: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    pub span: Span,
    pub kind: ExprKind,
}

/// One piece of a string, charlist or sigil: literal text or `#{expr}`.
#[derive(Clone, Debug, PartialEq)]
pub enum StrPart {
    Lit(String),
    Interp(Expr),
}

/// `params [when guard] -> body`, in `fn`, `case`, `receive`, `cond`, `rescue`…
#[derive(Clone, Debug, PartialEq)]
pub struct StabClause {
    pub span: Span,
    pub params: Vec<Expr>,
    pub guard: Option<Expr>,
    pub body: Expr,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    /// `-x`
    Neg,
    /// `+x`
    Plus,
    /// `not x`
    Not,
    /// `!x`
    Bang,
    /// `^x`
    Pin,
    /// `&expr`
    Capture,
    /// `@name`
    At,
    /// `~~~x`
    BNot,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    /// `=`
    Match,
    /// `|>`
    Pipe,
    Add,
    Sub,
    Mul,
    Div,
    /// `**`
    Pow,
    /// `<>`
    Concat,
    /// `++`
    ListConcat,
    /// `--`
    ListSub,
    Eq,
    Ne,
    StrictEq,
    StrictNe,
    Lt,
    Gt,
    Le,
    Ge,
    /// `=~`
    Match2,
    And,
    Or,
    AndAnd,
    OrOr,
    In,
    NotIn,
    /// `a..b`
    Range,
    /// `a..b//step` — the parser folds `Range` and `//` into this: left is the `Range` node.
    StepRange,
    When,
    /// `::`
    Type,
    /// `<-`
    LArrow,
    /// `\\`
    Default,
    /// `|` (inside lists and maps the parser consumes it itself)
    Bar,
    /// `<<<`, `>>>`, `&&&`, `|||`, `^^^` (Bitwise)
    BAnd,
    BOr,
    BXor,
    BSl,
    BSr,
    /// `<~>`, `~>>` and the other user-definable operators, by text.
    Custom(&'static str),
}

/// The function part of a call.
#[derive(Clone, Debug, PartialEq)]
pub enum CallTarget {
    /// `name(args)` or `name args`: a local or imported function, or a special form.
    Local(String),
    /// `Mod.name(args)`, `:erlang_mod.name(args)`, `expr.name` (map field or zero-arity call).
    Remote(Box<Expr>, String),
    /// `fun.(args)`.
    Anon(Box<Expr>),
}

#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    Int(i64),
    /// An integer literal outside `i64`, as decimal digits.
    BigInt(String),
    Float(f64),
    /// `:name`, `true`, `false`, `nil`, and the keys of `[a: 1]`.
    Atom(String),
    /// `"..."` (and heredocs); one `Lit` part when there is no interpolation.
    Str(Vec<StrPart>),
    /// `'...'`
    Charlist(Vec<StrPart>),
    /// `~x"..."mods`; `name` is the sigil letter(s), e.g. `w`.
    Sigil {
        name: String,
        parts: Vec<StrPart>,
        modifiers: String,
    },
    /// A variable, `_` and `_name` included, and `__MODULE__`.
    Var(String),
    /// `Foo.Bar` as its segments.
    Alias(Vec<String>),
    Tuple(Vec<Expr>),
    /// `[a, b | tail]`; keyword items are two-element `Tuple`s.
    List {
        items: Vec<Expr>,
        tail: Option<Box<Expr>>,
    },
    /// `%{k => v, a: 1}` or `%{base | k => v}`.
    Map {
        base: Option<Box<Expr>>,
        pairs: Vec<(Expr, Expr)>,
    },
    /// `%Name{a: 1}` or `%Name{base | a: 1}`; `name` is an `Alias`, `__MODULE__` or a variable.
    Struct {
        name: Box<Expr>,
        base: Option<Box<Expr>>,
        pairs: Vec<(Expr, Expr)>,
    },
    /// `<<a, b::binary>>`
    Bitstring(Vec<Expr>),
    Unary(UnaryOp, Box<Expr>),
    Binary(BinOp, Box<Expr>, Box<Expr>),
    /// `&1`, `&2` inside a capture.
    CaptureArg(u32),
    /// A call; `parens` says whether it was written with parentheses.
    Call {
        target: CallTarget,
        args: Vec<Expr>,
        parens: bool,
    },
    /// `expr[key]`
    Access(Box<Expr>, Box<Expr>),
    /// `fn clauses end`
    Fn(Vec<StabClause>),
    /// The `->` clauses of a `do`/`else`/`after`/`rescue`/`catch` block.
    Stab(Vec<StabClause>),
    /// Several expressions in sequence (`__block__`); empty for `()`/an empty `do end`.
    Block(Vec<Expr>),
}

impl Expr {
    pub fn new(kind: ExprKind, span: Span) -> Expr {
        Expr { span, kind }
    }
}
