//! Compile-time warnings, as Elixir 1.14 prints them on stderr when it
//! compiles a script or a module.
//!
//! Two families, in the order Elixir prints them:
//! - Elixir's own (from its expansion of the code): unused variables (a
//!   clause's when the clause ends, in source order; the outermost scope's at
//!   the end, sorted by name) and `try` with only `else`;
//! - the Erlang compiler's (its `sys_core_fold` pass, after Elixir's, sorted by
//!   line): a pure builtin called with constant arguments that makes it fail,
//!   an invalid function call (`5.(1)`), a map update of a non-map, the
//!   ignored result of a builtin that can fail, and a binary construction
//!   that will fail (`binary.rs`), except in code the compiler drops first
//!   (a branch it may decide, what follows a call that always raises).
//!
//! **Invariants:** the pass only reads the AST, never the compiled code; when
//! it is unsure (a construct it does not model, like `quote` or `binding()`) it
//! warns less, never more: a false warning is worse than a missing one.
//! Constant propagation follows `name = constant` (and tuples of names
//! matched against a tuple of the same size, and a binary construction that
//! evaluates completely), into `fn`s too.

mod binary;
pub mod deprecated;

use std::collections::HashMap;

use super::call::{kw, kw_pairs};
use crate::syntax::ast::{BinOp, CallTarget, Expr, ExprKind, StabClause, StrPart, UnaryOp};

/// One warning, printed as `warning: MESSAGE\n  FILE:LINE[:COL][: CONTEXT]\n\n`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub line: u32,
    pub col: Option<u32>,
    /// `Mod.fun/arity` for Elixir's warnings inside a function.
    pub context: Option<String>,
    pub message: String,
}

impl Warning {
    pub fn render(&self, file: &str) -> String {
        let col = self.col.map(|c| format!(":{c}")).unwrap_or_default();
        let ctx = self.context.as_ref().map(|c| format!(": {c}")).unwrap_or_default();
        format!("warning: {}\n  {file}:{}{col}{ctx}\n\n", self.message, self.line)
    }
}

/// The warnings Elixir prints while it reads `src` (the first it prints):
/// the tokenizer's in source order, then the parser's.
pub fn syntax(src: &str, parsed: &crate::syntax::Parsed) -> Vec<Warning> {
    let from = |w: &crate::syntax::SyntaxWarning| Warning {
        line: w.line,
        col: Some(w.col),
        context: None,
        message: w.message.clone(),
    };
    let mut out = quoted_atoms(src);
    out.extend(parsed.lexer.iter().map(from));
    out.sort_by_key(|w| (w.line, w.col));
    out.extend(parsed.parser.iter().map(from));
    out
}

/// `found quoted atom "ok" but the quotes are not required…` for each quoted
/// atom or keyword whose quotes are not needed.
fn quoted_atoms(src: &str) -> Vec<Warning> {
    let Ok(toks) = crate::syntax::lexer::tokenize(src) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for t in toks {
        let text = src.get(t.span.start as usize..).unwrap_or("");
        let (name, keyword) = match &t.tok {
            crate::syntax::lexer::Tok::Atom(a) if text.starts_with(":\"") || text.starts_with(":'") => (a, false),
            crate::syntax::lexer::Tok::KwKey(k) if text.starts_with('"') || text.starts_with('\'') => (k, true),
            _ => continue,
        };
        if !plain_identifier(name) {
            continue;
        }
        let message = if keyword {
            format!(
                "found quoted keyword \"{name}\" but the quotes are not required. Note that keywords are always atoms, even when quoted. Similar to atoms, keywords made exclusively of ASCII letters, numbers, and underscores and not beginning with a number do not require quotes"
            )
        } else {
            format!(
                "found quoted atom \"{name}\" but the quotes are not required. Atoms made exclusively of ASCII letters, numbers, underscores, beginning with a letter or underscore, and optionally ending with ! or ? do not require quotes"
            )
        };
        out.push(Warning {
            line: t.span.line,
            // A keyword's column is the one after its opening quote.
            col: Some(t.span.col + u32::from(keyword)),
            context: None,
            message,
        });
    }
    out
}

/// A lowercase identifier Elixir's tokenizer accepts unquoted as an atom.
fn plain_identifier(s: &str) -> bool {
    let body = s.strip_suffix(['!', '?']).unwrap_or(s);
    let mut cs = body.chars();
    matches!(cs.next(), Some(c) if c.is_ascii_lowercase() || c == '_')
        && cs.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Where the analysed code lives, for what it needs to resolve names.
pub struct Env<'a> {
    /// `alias` names in scope.
    pub aliases: &'a HashMap<String, crate::term::Atom>,
    /// The functions of the module being compiled (they shadow Kernel's).
    pub locals: Option<&'a std::collections::HashSet<(String, usize)>>,
    /// Whether anything is imported (an import may shadow Kernel's functions).
    pub imports: bool,
    /// The modules required where the code is (their macros may be called).
    pub requires: &'a [crate::term::Atom],
}

/// The warnings Elixir prints when it compiles a script's top-level code
/// (not the bodies of its modules, which are compiled when they run).
pub fn script(exprs: &[Expr], env: &Env) -> Vec<Warning> {
    let mut w = Walker::new(env, None);
    w.block(exprs, Ctx::Value);
    w.finish(true)
}

/// The warnings of top-level input typed at the prompt: iex evaluates it
/// without the Erlang compiler and keeps its bindings, so only the
/// clause-level ones. `bound` are the names already bound in the shell.
pub fn repl(exprs: &[Expr], bound: &[String], env: &Env) -> Vec<Warning> {
    let mut w = Walker::new(env, None);
    for b in bound {
        w.bind_silently(b);
    }
    w.block(exprs, Ctx::Value);
    w.scopes.truncate(1);
    w.elixir
}

/// The warnings of one function clause of a module: its parameters, guard and body.
pub fn function_clause(params: &[Expr], guard: Option<&Expr>, body: &Expr, context: String, env: &Env) -> Clause {
    let mut w = Walker::new(env, Some(context));
    for p in params {
        w.pattern(p);
    }
    if let Some(g) = guard {
        w.expr(g, Ctx::Value);
    }
    w.body(body, Ctx::Value);
    Clause {
        elixir: {
            let mut e = std::mem::take(&mut w.elixir);
            let top = w.pop_scope_warnings();
            e.extend(top);
            e
        },
        erlang: w.erlang,
        deprecated: w.deprecated,
    }
}

/// A function clause's warnings: Elixir's, printed as the clause is
/// compiled, and the Erlang compiler's, printed (sorted) once the module is.
pub struct Clause {
    pub elixir: Vec<Warning>,
    pub erlang: Vec<ErlWarning>,
    /// Its deprecated calls, which the module checker reports once the module is compiled.
    pub deprecated: Vec<deprecated::Call>,
}

/// An Erlang compiler warning, with what orders it among the others.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct ErlWarning {
    line: u32,
    rank: u8,
    message: String,
}

impl ErlWarning {
    pub fn warning(self) -> Warning {
        Warning {
            line: self.line,
            col: None,
            context: None,
            message: self.message,
        }
    }
}

/// The Erlang compiler's warnings in its order (by line), without repeats.
pub fn sort_erlang(mut ws: Vec<ErlWarning>) -> Vec<Warning> {
    ws.sort();
    ws.dedup();
    ws.into_iter().map(ErlWarning::warning).collect()
}

/// Whether a value is used (`Value`) or thrown away (`Effect`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ctx {
    Value,
    Effect,
    /// The right side of `_ = expr`: the Erlang compiler does not warn about
    /// that call itself (only about the calls inside it).
    Unwanted,
}

struct Binding {
    name: String,
    line: u32,
    used: bool,
    /// A variable of the same name was visible when this one was bound.
    overridden: bool,
    /// The constant expression it is known to hold.
    value: Option<Expr>,
}

/// A lexical scope: the bindings it made (the latest of each name) and
/// where its bindings start in `Walker::bindings`.
#[derive(Default)]
struct Scope {
    names: HashMap<String, usize>,
    start: usize,
    /// Its unused variables are not reported (a module body).
    silent: bool,
}

struct Walker<'a> {
    env: &'a Env<'a>,
    context: Option<String>,
    bindings: Vec<Binding>,
    /// Innermost last.
    scopes: Vec<Scope>,
    /// The variables bound so far by the pattern being walked.
    pattern_names: HashMap<String, usize>,
    /// An `alias`, `require … as:` or `use` was seen: calls may not reach the builtins they name.
    renamed: bool,
    /// An `import` was seen: local calls and operators may not reach the builtins.
    imported: bool,
    /// Inside the right side of a match or a `rescue`: failing calls are not reported.
    quiet: u32,
    /// Inside the right side of a match to a variable: failing binary
    /// constructions are not reported (their invalid sizes are).
    quiet_binary: u32,
    /// In code the Erlang compiler drops before it looks at binaries: a
    /// branch of a `case`/`if`/`cond` it may decide at compile time, or what
    /// follows a call that always raises.
    dead: u32,
    /// The value of the last binary construction that is a constant.
    last_binary: Option<(crate::syntax::ast::Span, crate::term::Term)>,
    elixir: Vec<Warning>,
    erlang: Vec<ErlWarning>,
    /// The deprecated calls inside a module's function (the module checker's).
    deprecated: Vec<deprecated::Call>,
    /// The call a `|>` is piping into (its arity counts one more argument).
    pipe_into: Option<crate::syntax::ast::Span>,
    /// The aliases an `alias` (or `require … as:`) in the code made: name to module.
    aliases: HashMap<String, String>,
    /// A `use` was seen or an alias not understood: any name may mean another module.
    unknown_aliases: bool,
    /// The modules a plain `require` in the code named.
    required: Vec<String>,
    /// Inside a module's body (outside its functions): Elixir warns of
    /// deprecated calls there when the body runs, which this pass does not model.
    module_body: u32,
}

const UNUSED: &str = "if the variable is not meant to be used, prefix it with an underscore";
const OVERRIDDEN: &str = "there is a variable with the same name in the context, use the pin operator (^) to match on it or prefix this variable with underscore if it is not meant to be used";

impl<'a> Walker<'a> {
    fn new(env: &'a Env<'a>, context: Option<String>) -> Walker<'a> {
        Walker {
            env,
            context,
            bindings: Vec::new(),
            scopes: vec![Scope::default()],
            pattern_names: HashMap::new(),
            renamed: false,
            imported: false,
            quiet: 0,
            quiet_binary: 0,
            dead: 0,
            last_binary: None,
            elixir: Vec::new(),
            erlang: Vec::new(),
            deprecated: Vec::new(),
            pipe_into: None,
            aliases: HashMap::new(),
            unknown_aliases: false,
            required: Vec::new(),
            module_body: 0,
        }
    }

    /// Every warning of a script's top level: Elixir's, then Erlang's.
    fn finish(mut self, top: bool) -> Vec<Warning> {
        if top {
            let ws = self.pop_scope_warnings();
            self.elixir.extend(ws);
        }
        let mut out = std::mem::take(&mut self.elixir);
        out.extend(sort_erlang(std::mem::take(&mut self.erlang)));
        out
    }

    // ---- scopes and variables ----

    fn lookup(&self, name: &str) -> Option<usize> {
        self.scopes.iter().rev().find_map(|s| s.names.get(name).copied())
    }

    fn bind_silently(&mut self, name: &str) {
        let i = self.bindings.len();
        self.bindings.push(Binding {
            name: name.to_string(),
            line: 0,
            used: true,
            overridden: false,
            value: None,
        });
        if let Some(s) = self.scopes.last_mut() {
            s.names.insert(name.to_string(), i);
        }
    }

    fn bind(&mut self, name: &str, line: u32, value: Option<Expr>) {
        if name == "_" || (name.starts_with("__") && name.ends_with("__")) {
            return;
        }
        // An underscored variable is never unused; reading it warns.
        let underscored = name.starts_with('_');
        let overridden = !underscored && self.lookup(name).is_some();
        let i = self.bindings.len();
        self.bindings.push(Binding {
            name: name.to_string(),
            line,
            used: underscored,
            overridden,
            value: value.filter(|_| !underscored),
        });
        if let Some(s) = self.scopes.last_mut() {
            s.names.insert(name.to_string(), i);
        }
    }

    fn read(&mut self, name: &str, line: u32) {
        if let Some(i) = self.lookup(name) {
            self.bindings[i].used = true;
            if name.starts_with('_') {
                self.elixir.push(Warning {
                    line,
                    col: None,
                    context: self.context.clone(),
                    message: format!(
                        "the underscored variable \"{name}\" is used after being set. A leading underscore indicates that the value of the variable should be ignored. If this is intended please rename the variable to remove the underscore"
                    ),
                });
            }
        }
    }

    /// The constant a variable is known to hold here.
    fn constant_of(&self, name: &str) -> Option<&Expr> {
        self.bindings[self.lookup(name)?].value.as_ref()
    }

    /// Marks every visible variable as used (a construct that may read any of them).
    fn use_all(&mut self) {
        let visible: Vec<usize> = self.scopes.iter().flat_map(|s| s.names.values().copied()).collect();
        for i in visible {
            self.bindings[i].used = true;
        }
    }

    fn push_scope(&mut self, silent: bool) {
        self.scopes.push(Scope {
            names: HashMap::new(),
            start: self.bindings.len(),
            silent,
        });
    }

    /// Closes the innermost scope, returning its unused variables, sorted by
    /// name (then in binding order).
    fn pop_scope_warnings(&mut self) -> Vec<Warning> {
        let scope = self.scopes.pop().unwrap_or_default();
        if self.scopes.is_empty() {
            self.scopes.push(Scope::default());
        }
        let mine = scope.start..self.bindings.len();
        let mut unused: Vec<usize> = mine.clone().filter(|&i| !self.bindings[i].used).collect();
        // Closed: nothing can read them any more, and no outer scope reports them.
        for i in mine {
            self.bindings[i].used = true;
        }
        if scope.silent {
            return Vec::new();
        }
        unused.sort_by(|&a, &b| self.bindings[a].name.cmp(&self.bindings[b].name).then(a.cmp(&b)));
        unused
            .iter()
            .map(|&i| {
                let b = &self.bindings[i];
                Warning {
                    line: b.line,
                    col: None,
                    context: self.context.clone(),
                    message: format!(
                        "variable \"{}\" is unused ({})",
                        b.name,
                        if b.overridden { OVERRIDDEN } else { UNUSED }
                    ),
                }
            })
            .collect()
    }

    fn pop_scope(&mut self) {
        let ws = self.pop_scope_warnings();
        self.elixir.extend(ws);
    }

    // ---- patterns ----

    fn pattern(&mut self, p: &Expr) {
        self.pattern_with(p, None);
    }

    /// Binds the variables of a pattern; `value` is the constant it matches, if known.
    fn pattern_with(&mut self, p: &Expr, value: Option<&Expr>) {
        let line = p.span.line;
        match &p.kind {
            ExprKind::Var(name) => {
                // A name bound twice in one pattern: the second is a use of the first.
                if let Some(&i) = self.pattern_names.get(name) {
                    self.bindings[i].used = true;
                    return;
                }
                let v = value.filter(|v| is_constant(v)).cloned();
                let before = self.bindings.len();
                self.bind(name, line, v);
                if self.bindings.len() > before {
                    self.pattern_names.insert(name.clone(), before);
                }
            }
            ExprKind::Unary(UnaryOp::Pin, x) => self.expr(x, Ctx::Value),
            ExprKind::Tuple(items) => {
                let vals = match value.map(|v| &v.kind) {
                    Some(ExprKind::Tuple(vs)) if vs.len() == items.len() => Some(vs),
                    _ => None,
                };
                for (k, it) in items.iter().enumerate() {
                    self.pattern_with(it, vals.map(|v| &v[k]));
                }
            }
            ExprKind::List { items, tail } => {
                for it in items {
                    self.pattern(it);
                }
                if let Some(t) = tail {
                    self.pattern(t);
                }
            }
            ExprKind::Map { pairs, base } => {
                if let Some(b) = base {
                    self.pattern(b);
                }
                for (k, v) in pairs {
                    self.expr(k, Ctx::Value);
                    self.pattern(v);
                }
            }
            ExprKind::Struct { name, pairs, .. } => {
                if let ExprKind::Var(_) = name.kind {
                    self.pattern(name);
                }
                for (_, v) in pairs {
                    self.pattern(v);
                }
            }
            ExprKind::Bitstring(segs) => {
                for s in segs {
                    match &s.kind {
                        ExprKind::Binary(BinOp::Type, v, spec) => {
                            self.pattern(v);
                            self.expr(spec, Ctx::Value);
                        }
                        _ => self.pattern(s),
                    }
                }
            }
            ExprKind::Binary(BinOp::Match, a, b) => {
                self.pattern_with(a, value);
                self.pattern_with(b, value);
            }
            ExprKind::Binary(BinOp::Concat, a, b) => {
                self.expr(a, Ctx::Value);
                self.pattern(b);
            }
            // `e in [A, B]` in `rescue`
            ExprKind::Binary(BinOp::In, a, b) => {
                self.pattern(a);
                self.expr(b, Ctx::Value);
            }
            ExprKind::Binary(BinOp::When, a, g) | ExprKind::Binary(BinOp::Default, a, g) => {
                self.pattern(a);
                self.expr(g, Ctx::Value);
            }
            _ => {}
        }
    }

    /// Binds a whole pattern (one clause head or one side of `=`).
    fn head(&mut self, params: &[Expr], value: Option<&Expr>) {
        self.pattern_names.clear();
        for p in params {
            self.pattern_with(p, value);
        }
        self.pattern_names.clear();
    }

    // ---- expressions ----

    fn block(&mut self, items: &[Expr], ctx: Ctx) {
        let mut dead = 0;
        for (i, e) in items.iter().enumerate() {
            let c = if i + 1 == items.len() { ctx } else { Ctx::Effect };
            self.expr(e, c);
            if dead == 0 && always_raises(e) {
                dead = 1;
                self.dead += 1;
            }
        }
        self.dead -= dead;
    }

    /// Whether the Erlang compiler may compute `e` at compile time (it is
    /// made of constants), so that it drops the branches `e` does not take.
    fn foldable(&self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Var(n) => self.constant_of(n).is_some(),
            _ if is_constant(e) => true,
            ExprKind::Binary(BinOp::Match, _, _) => false,
            ExprKind::Binary(_, a, b) => self.foldable(a) && self.foldable(b),
            ExprKind::Unary(_, a) => self.foldable(a),
            ExprKind::Tuple(items) => items.iter().all(|x| self.foldable(x)),
            ExprKind::List { items, tail } => {
                items.iter().all(|x| self.foldable(x)) && tail.as_deref().is_none_or(|t| self.foldable(t))
            }
            ExprKind::Call {
                target: CallTarget::Local(_) | CallTarget::Remote(..),
                args,
                ..
            } => args.iter().all(|x| self.foldable(x)),
            _ => false,
        }
    }

    fn body(&mut self, e: &Expr, ctx: Ctx) {
        match &e.kind {
            ExprKind::Block(items) => self.block(items, ctx),
            _ => self.expr(e, ctx),
        }
    }

    fn exprs(&mut self, es: &[Expr]) {
        for e in es {
            self.expr(e, Ctx::Value);
        }
    }

    fn parts(&mut self, parts: &[StrPart]) {
        for p in parts {
            if let StrPart::Interp(e) = p {
                self.expr(e, Ctx::Value);
            }
        }
    }

    fn expr(&mut self, e: &Expr, direct: Ctx) {
        let line = e.span.line;
        let ctx = if direct == Ctx::Unwanted { Ctx::Value } else { direct };
        match &e.kind {
            ExprKind::Var(name) => self.read(name, line),
            ExprKind::Str(parts) | ExprKind::Charlist(parts) | ExprKind::Sigil { parts, .. } => self.parts(parts),
            ExprKind::Tuple(items) => self.exprs(items),
            ExprKind::Bitstring(_) | ExprKind::Binary(BinOp::Concat, _, _) => {
                let mut srcs = Vec::new();
                construction(e, &mut srcs);
                for (x, _) in &srcs {
                    self.expr(x, Ctx::Value);
                }
                self.binary(e, &srcs);
            }
            ExprKind::List { items, tail } => {
                self.exprs(items);
                if let Some(t) = tail {
                    self.expr(t, Ctx::Value);
                }
            }
            ExprKind::Map { base, pairs } => {
                if let Some(b) = base {
                    self.expr(b, Ctx::Value);
                    if self
                        .constant(b)
                        .is_some_and(|c| !matches!(c.kind, ExprKind::Map { .. }))
                    {
                        self.bad_map_update(line);
                    }
                }
                for (k, v) in pairs {
                    self.expr(k, Ctx::Value);
                    self.expr(v, Ctx::Value);
                }
            }
            ExprKind::Struct { name, base, pairs } => {
                self.expr(name, Ctx::Value);
                if let Some(b) = base {
                    self.expr(b, Ctx::Value);
                }
                for (_, v) in pairs {
                    self.expr(v, Ctx::Value);
                }
            }
            ExprKind::Unary(UnaryOp::Capture, a) => match &a.kind {
                // `&Mod.fun/arity`
                ExprKind::Binary(BinOp::Div, f, n) if matches!(n.kind, ExprKind::Int(_)) => match (&f.kind, &n.kind) {
                    (
                        ExprKind::Call {
                            target: CallTarget::Remote(m, name),
                            args,
                            ..
                        },
                        ExprKind::Int(arity),
                    ) if args.is_empty() => {
                        self.expr(m, Ctx::Value);
                        self.deprecation(m, name, *arity as usize, f.span.line);
                    }
                    _ => self.expr(a, Ctx::Value),
                },
                _ => self.expr(a, Ctx::Value),
            },
            ExprKind::Unary(_, a) => {
                self.expr(a, Ctx::Value);
                self.builtin(e, direct);
            }
            ExprKind::Binary(BinOp::Match, p, v) => {
                let unwanted = matches!(&p.kind, ExprKind::Var(n) if n.starts_with('_'));
                let to_var = matches!(&p.kind, ExprKind::Var(_) | ExprKind::Unary(UnaryOp::Pin, _));
                // What a match binds, the Erlang compiler never reports failing.
                self.quiet += 1;
                self.quiet_binary += u32::from(to_var);
                self.expr(v, if unwanted { Ctx::Unwanted } else { Ctx::Value });
                self.quiet_binary -= u32::from(to_var);
                self.quiet -= 1;
                let value = self.constant(v).cloned().or_else(|| match self.last_binary.take() {
                    Some((span, bits)) if span == v.span => Some(bits_expr(&bits, span)),
                    _ => None,
                });
                self.head(std::slice::from_ref(p), value.as_ref());
            }
            ExprKind::Binary(BinOp::Pipe, a, b) => {
                self.expr(a, Ctx::Value);
                self.pipe_into = Some(b.span);
                self.expr(b, Ctx::Value);
            }
            ExprKind::Binary(_, a, b) => {
                self.expr(a, Ctx::Value);
                self.expr(b, Ctx::Value);
                self.builtin(e, direct);
            }
            ExprKind::Access(a, b) => {
                self.expr(a, Ctx::Value);
                self.expr(b, Ctx::Value);
            }
            ExprKind::Fn(clauses) => {
                for c in clauses {
                    self.clause(c, Ctx::Value);
                }
            }
            ExprKind::Stab(clauses) => {
                for c in clauses {
                    self.clause(c, ctx);
                }
            }
            ExprKind::Block(items) => self.block(items, ctx),
            ExprKind::Call { target, args, .. } => self.call(e, target, args, direct),
            ExprKind::Int(_)
            | ExprKind::BigInt(_)
            | ExprKind::Float(_)
            | ExprKind::Atom(_)
            | ExprKind::Alias(_)
            | ExprKind::CaptureArg(_) => {}
        }
    }

    /// One `->` clause in its own scope.
    fn clause(&mut self, c: &StabClause, ctx: Ctx) {
        self.push_scope(false);
        self.head(&c.params, None);
        if let Some(g) = &c.guard {
            self.expr(g, Ctx::Value);
        }
        self.body(&c.body, ctx);
        self.pop_scope();
    }

    /// A `do`/`else` section: `->` clauses, or a body in its own scope.
    fn section(&mut self, e: &Expr, ctx: Ctx) {
        match &e.kind {
            ExprKind::Stab(clauses) => {
                for c in clauses {
                    self.clause(c, ctx);
                }
            }
            _ => {
                self.push_scope(false);
                self.body(e, ctx);
                self.pop_scope();
            }
        }
    }

    fn call(&mut self, e: &Expr, target: &CallTarget, args: &[Expr], ctx: Ctx) {
        match target {
            CallTarget::Local(name) => {
                let form_ctx = if ctx == Ctx::Unwanted { Ctx::Value } else { ctx };
                if self.special_form(e, name, args, form_ctx) {
                    return;
                }
                let piped = self.pipe_into.take_if(|s| *s == e.span).is_some();
                let arity = args.len() + usize::from(piped);
                let shadowed = self.env.locals.is_some_and(|l| l.contains(&(name.clone(), arity)));
                if !shadowed && !self.imported && !self.env.imports {
                    self.kernel_macro(name, arity, e.span.line);
                }
                self.exprs(args);
                self.builtin(e, ctx);
            }
            CallTarget::Remote(m, name) => {
                let piped = self.pipe_into.take_if(|s| *s == e.span).is_some();
                self.expr(m, Ctx::Value);
                self.deprecation(m, name, args.len() + usize::from(piped), e.span.line);
                self.exprs(args);
                self.builtin(e, ctx);
            }
            CallTarget::Anon(f) => {
                self.expr(f, Ctx::Value);
                self.exprs(args);
                if self
                    .constant(f)
                    .is_some_and(|c| !matches!(c.kind, ExprKind::Unary(UnaryOp::Capture, _)))
                {
                    self.erl(e.span.line, 0, "invalid function call".into());
                }
            }
        }
    }

    /// The forms with scopes of their own; `false` for an ordinary call.
    fn special_form(&mut self, e: &Expr, name: &str, args: &[Expr], ctx: Ctx) -> bool {
        let line = e.span.line;
        let last_kw = args.last().filter(|a| kw(a, "do").is_some());
        match (name, last_kw) {
            ("case", Some(opts)) if args.len() == 2 => {
                self.expr(&args[0], Ctx::Value);
                let dead = u32::from(self.foldable(&args[0]));
                self.dead += dead;
                if let Some(d) = kw(opts, "do") {
                    self.section(d, ctx);
                }
                self.dead -= dead;
            }
            ("cond", Some(opts)) if args.len() == 1 => {
                if let Some(ExprKind::Stab(clauses)) = kw(opts, "do").map(|d| &d.kind) {
                    // From a condition the compiler may decide on, later
                    // clauses may be dropped (and this one, unless it is
                    // literally true).
                    let mut dead = 0;
                    for c in clauses {
                        self.push_scope(false);
                        self.exprs(&c.params);
                        let decided = c.params.iter().all(|p| self.foldable(p));
                        let taken = matches!(c.params.as_slice(), [p] if is_constant(p)
                            && !matches!(&p.kind, ExprKind::Atom(a) if a == "false" || a == "nil"));
                        if decided && !taken && dead == 0 {
                            dead = 1;
                            self.dead += 1;
                        }
                        self.body(&c.body, ctx);
                        if decided && dead == 0 {
                            dead = 1;
                            self.dead += 1;
                        }
                        self.pop_scope();
                    }
                    self.dead -= dead;
                }
            }
            ("if" | "unless", Some(opts)) if args.len() == 2 => {
                self.expr(&args[0], Ctx::Value);
                let dead = u32::from(self.foldable(&args[0]));
                self.dead += dead;
                for k in ["do", "else"] {
                    if let Some(b) = kw(opts, k) {
                        self.section(b, ctx);
                    }
                }
                self.dead -= dead;
            }
            ("receive", Some(opts)) if args.len() == 1 => {
                if let Some(d) = kw(opts, "do") {
                    self.section(d, Ctx::Value);
                }
                if let Some(ExprKind::Stab(clauses)) = kw(opts, "after").map(|a| &a.kind) {
                    for c in clauses {
                        self.exprs(&c.params);
                        self.section(&c.body, Ctx::Value);
                    }
                }
            }
            ("try", Some(opts)) if args.len() == 1 => {
                let keys: Vec<&str> = kw_pairs(opts).unwrap_or_default().iter().map(|(k, _)| *k).collect();
                if keys.contains(&"else") && !keys.iter().any(|k| matches!(*k, "rescue" | "catch" | "after")) {
                    self.elixir.push(Warning {
                        line,
                        col: None,
                        context: self.context.clone(),
                        message: "\"else\" shouldn't be used as the only clause in \"try\", use \"case\" instead"
                            .into(),
                    });
                }
                for (k, v) in kw_pairs(opts).unwrap_or_default() {
                    match k {
                        "do" | "after" => self.section(v, Ctx::Value),
                        _ => {
                            // A handler the compiler may drop as unreachable: no failing calls reported.
                            let quiet = u32::from(k != "else");
                            self.quiet += quiet;
                            if let ExprKind::Stab(clauses) = &v.kind {
                                for c in clauses {
                                    self.clause(c, Ctx::Value);
                                }
                            }
                            self.quiet -= quiet;
                        }
                    }
                }
            }
            ("for", _) => {
                self.push_scope(false);
                for a in args {
                    match &a.kind {
                        ExprKind::Binary(BinOp::LArrow, p, src) => {
                            self.expr(src, Ctx::Value);
                            self.head(std::slice::from_ref(p), None);
                        }
                        ExprKind::List { .. } if kw_pairs(a).is_some() => {
                            for (k, v) in kw_pairs(a).unwrap_or_default() {
                                match k {
                                    "do" if kw(a, "reduce").is_some() => self.section(v, Ctx::Value),
                                    "do" => self.body(v, Ctx::Value),
                                    _ => self.expr(v, Ctx::Value),
                                }
                            }
                        }
                        _ => self.expr(a, Ctx::Value),
                    }
                }
                self.pop_scope();
            }
            ("with", Some(opts)) => {
                self.push_scope(false);
                let mut dead = 0;
                for a in &args[..args.len() - 1] {
                    match &a.kind {
                        ExprKind::Binary(BinOp::LArrow, p, src) => {
                            self.expr(src, Ctx::Value);
                            self.head(std::slice::from_ref(p), None);
                            if dead == 0 && self.foldable(src) {
                                dead = 1;
                                self.dead += 1;
                            }
                        }
                        _ => self.expr(a, Ctx::Value),
                    }
                }
                if let Some(d) = kw(opts, "do") {
                    self.body(d, Ctx::Value);
                }
                self.pop_scope();
                if let Some(ExprKind::Stab(clauses)) = kw(opts, "else").map(|x| &x.kind) {
                    for c in clauses {
                        self.clause(c, Ctx::Value);
                    }
                }
                self.dead -= dead;
            }
            ("defmodule" | "defprotocol" | "defimpl", Some(opts)) => {
                // Elixir counts every variable a module body could see as used.
                self.use_all();
                self.push_scope(true);
                if let Some(d) = kw(opts, "do") {
                    let items: &[Expr] = match &d.kind {
                        ExprKind::Block(items) => items,
                        _ => std::slice::from_ref(d),
                    };
                    self.module_body += 1;
                    for it in items {
                        if !is_def(it) {
                            self.expr(it, Ctx::Value);
                        }
                    }
                    self.module_body -= 1;
                }
                self.pop_scope();
            }
            ("quote" | "binding" | "unquote" | "var!" | "import_file" | "import_file_if_available", _) => {
                self.use_all();
            }
            // A plain `require` makes macros available and renames nothing.
            ("require", _) if args.len() == 1 => {
                self.exprs(args);
                if let Some(ExprKind::Alias(segs)) = args.first().map(|a| &a.kind) {
                    self.required.push(segs.join("."));
                }
            }
            // Names may mean something else from here on: resolve no more builtins.
            ("import", _) => {
                self.exprs(args);
                // `Bitwise` adds its operators and functions, and shadows none of Kernel's.
                if !matches!(args.first().map(|a| &a.kind), Some(ExprKind::Alias(s)) if s == &["Bitwise"]) {
                    self.imported = true;
                }
            }
            ("alias" | "require" | "use", _) => {
                self.exprs(args);
                self.renamed = true;
                self.note_alias(name, args);
            }
            _ => return false,
        }
        true
    }

    /// A call of `m.name/arity`: Elixir's warning when the function is
    /// deprecated (at once outside functions, by the module checker inside them).
    fn deprecation(&mut self, m: &Expr, name: &str, arity: usize, line: u32) {
        let ExprKind::Alias(segs) = &m.kind else { return };
        if self.unknown_aliases || segs.is_empty() || self.module_body > 0 {
            return;
        }
        let module = match self.env.aliases.get(&segs[0]) {
            _ if let Some(a) = self.aliases.get(&segs[0]) => {
                let mut full = vec![a.clone()];
                full.extend(segs[1..].iter().cloned());
                full.join(".")
            }
            Some(a) => {
                let mut full = vec![a.alias_name().unwrap_or_default()];
                full.extend(segs[1..].iter().cloned());
                full.join(".")
            }
            None if segs[0] == "Elixir" => segs[1..].join("."),
            None => segs.join("."),
        };
        if module == "Kernel" {
            return self.kernel_macro(name, arity, line);
        }
        // A builtin macro called in a function with its module not required:
        // the module checker's warning (elsewhere the call just fails).
        let atom = crate::term::Atom::alias(&module);
        if let Some(context) = &self.context
            && crate::stdlib::is_macro(atom, crate::term::Atom::new(name), arity)
            && !self.env.requires.contains(&atom)
            && !self.required.contains(&module)
        {
            self.deprecated.push(deprecated::Call {
                rank: 0,
                message: format!("you must require {module} before invoking the macro {module}.{name}/{arity}"),
                line,
                context: context.clone(),
            });
            return;
        }
        let Some(message) = deprecated::message(&module, name, arity) else {
            return;
        };
        match &self.context {
            None => self.elixir.push(Warning {
                line,
                col: None,
                context: None,
                message,
            }),
            Some(context) => self.deprecated.push(deprecated::Call {
                rank: 1,
                message,
                line,
                context: context.clone(),
            }),
        }
    }

    /// Notes the alias an `alias`/`require` makes (`alias A.B` names `B`,
    /// `as: C` names `C`); anything else may rename any module.
    fn note_alias(&mut self, form: &str, args: &[Expr]) {
        let target = match args.first().map(|a| &a.kind) {
            Some(ExprKind::Alias(segs)) if form != "use" && segs.first().is_some_and(|s| s != "__MODULE__") => segs,
            _ => {
                self.unknown_aliases = true;
                return;
            }
        };
        let full = match self.aliases.get(&target[0]) {
            Some(a) => std::iter::once(a.clone())
                .chain(target[1..].iter().cloned())
                .collect::<Vec<_>>()
                .join("."),
            None => target.join("."),
        };
        let opts = args.get(1);
        let name = match opts.map(|o| kw(o, "as").map(|e| &e.kind)) {
            None => match form {
                "alias" => target.last().cloned(),
                _ => return,
            },
            Some(Some(ExprKind::Alias(n))) if n.len() == 1 => Some(n[0].clone()),
            Some(None) if form == "alias" && kw_pairs(opts.expect("checked")).is_some() => target.last().cloned(),
            Some(None) if form == "require" => return,
            _ => None,
        };
        match name {
            Some(n) => {
                self.aliases.insert(n, full);
            }
            None => self.unknown_aliases = true,
        }
    }

    /// `Kernel.to_char_list/1`, a deprecated macro: it warns as it expands,
    /// naming where (`(file)` outside functions).
    fn kernel_macro(&mut self, name: &str, arity: usize, line: u32) {
        if (name, arity) == ("to_char_list", 1) && self.module_body == 0 {
            self.elixir.push(Warning {
                line,
                col: None,
                context: Some(self.context.clone().unwrap_or_else(|| "(file)".into())),
                message: "Kernel.to_char_list/1 is deprecated, use Kernel.to_charlist/1 instead".into(),
            });
        }
    }

    // ---- the Erlang compiler's warnings ----

    fn erl(&mut self, line: u32, rank: u8, message: String) {
        self.erlang.push(ErlWarning { line, rank, message });
    }

    fn bad_map_update(&mut self, line: u32) {
        self.erl(line, 1, "map update will fail with a 'badmap' exception".into());
    }

    /// A binary construction, `<<…>>` or a chain of `<>`, made of `srcs`
    /// (each a segment, or an operand of `<>`).
    fn binary(&mut self, e: &Expr, srcs: &[(&Expr, bool)]) {
        let segs: Option<Vec<binary::Seg>> = srcs.iter().map(|(x, operand)| self.segment(x, *operand)).collect();
        let Some(segs) = segs else { return };
        let out = binary::check(&segs);
        if self.dead == 0 {
            if out.bad_size {
                self.erl(e.span.line, 4, binary::BAD_SIZE.into());
            }
            if self.quiet_binary == 0 {
                for f in out.failures {
                    self.erl(e.span.line, 2, f);
                }
            }
        }
        if let Some(v) = out.value {
            self.last_binary = Some((e.span, v));
        }
    }

    /// One segment as the Erlang compiler sees it; `None` for a specifier
    /// this pass does not know.
    fn segment(&self, x: &Expr, operand: bool) -> Option<binary::Seg> {
        use binary::{Kind, Seg, Size};
        if operand {
            return Some(Seg {
                value: self.const_term(x),
                kind: Kind::Binary,
                size: Size::Default,
                unit: 8,
                little: false,
                native: false,
            });
        }
        let (v, spec) = match &x.kind {
            ExprKind::Binary(BinOp::Type, v, spec) => (&**v, Some(&**spec)),
            _ => (x, None),
        };
        let mut specs = Vec::new();
        if let Some(sp) = spec {
            super::pattern::flatten_spec(sp, &mut specs);
        }
        let (mut kind, mut size, mut unit, mut little, mut native) = (None, None, None, false, false);
        for sp in specs {
            match &sp.kind {
                ExprKind::Var(n)
                | ExprKind::Call {
                    target: CallTarget::Local(n),
                    ..
                } if !matches!(&sp.kind, ExprKind::Call { args, .. } if !args.is_empty()) => match n.as_str() {
                    "binary" | "bytes" => kind = Some((Kind::Binary, 8)),
                    "bitstring" | "bits" => kind = Some((Kind::Binary, 1)),
                    "integer" => kind = Some((Kind::Integer, 1)),
                    "float" => kind = Some((Kind::Float, 1)),
                    "utf8" => kind = Some((Kind::Utf8, 1)),
                    "utf16" => kind = Some((Kind::Utf16, 1)),
                    "utf32" => kind = Some((Kind::Utf32, 1)),
                    "signed" | "unsigned" => {}
                    "big" => (little, native) = (false, false),
                    "little" => (little, native) = (true, false),
                    "native" => native = true,
                    _ => return None,
                },
                ExprKind::Call {
                    target: CallTarget::Local(n),
                    args,
                    ..
                } if args.len() == 1 && n == "size" => size = Some(&args[0]),
                ExprKind::Call {
                    target: CallTarget::Local(n),
                    args,
                    ..
                } if args.len() == 1 && n == "unit" => match args[0].kind {
                    ExprKind::Int(u) => unit = Some(u32::try_from(u).ok()?),
                    _ => return None,
                },
                ExprKind::Int(_) => size = Some(sp),
                ExprKind::Binary(BinOp::Mul, n, u) => match u.kind {
                    ExprKind::Int(u) => {
                        size = Some(&**n);
                        unit = Some(u32::try_from(u).ok()?);
                    }
                    _ => return None,
                },
                _ => return None,
            }
        }
        let text = match &v.kind {
            ExprKind::Str(parts) => parts
                .iter()
                .map(|p| match p {
                    StrPart::Lit(s) => Some(s.as_str()),
                    _ => None,
                })
                .collect::<Option<String>>(),
            _ => None,
        };
        let float = matches!(&v.kind, ExprKind::Float(_))
            || matches!(&v.kind, ExprKind::Unary(UnaryOp::Neg, f) if matches!(f.kind, ExprKind::Float(_)));
        let (kind, default_unit) = kind.unwrap_or(if text.is_some() {
            (Kind::Binary, 8)
        } else if float {
            (Kind::Float, 1)
        } else {
            (Kind::Integer, 1)
        });
        let mut value = self.const_term(v);
        let mut kind = kind;
        if let (Some(t), Kind::Utf8 | Kind::Utf16 | Kind::Utf32) = (&text, kind) {
            // Elixir splits a literal string into one segment per character.
            value = (kind == Kind::Utf8).then(|| crate::term::Term::str(t));
            kind = Kind::Binary;
            unit = Some(1);
        }
        let size = match size {
            None => Size::Default,
            Some(e) => self.const_term(e).map_or(Size::Unknown, Size::Const),
        };
        Some(Seg {
            value,
            kind,
            size,
            unit: unit.unwrap_or(default_unit),
            little,
            native,
        })
    }

    /// The value of an expression that is a constant.
    fn const_term(&self, e: &Expr) -> Option<crate::term::Term> {
        use crate::term::Term;
        let c = self.constant(e)?;
        match &c.kind {
            ExprKind::Int(n) => Some(Term::Int(*n)),
            ExprKind::Float(f) => Some(Term::Float(*f)),
            ExprKind::Atom(a) => Some(Term::atom(a)),
            ExprKind::Str(parts) if parts.is_empty() => Some(Term::str("")),
            ExprKind::Str(parts) => match parts.as_slice() {
                [StrPart::Lit(t)] => Some(Term::str(t)),
                _ => run(c.clone()).ok(),
            },
            _ => run(c.clone()).ok(),
        }
    }

    /// The constant an expression is: itself when it is one, or what the
    /// variable it names holds.
    fn constant<'e>(&'e self, e: &'e Expr) -> Option<&'e Expr> {
        match &e.kind {
            ExprKind::Var(n) => self.constant_of(n),
            _ if is_constant(e) => Some(e),
            _ => None,
        }
    }

    /// A call of a pure builtin: fails with constant arguments, or its result is ignored.
    fn builtin(&mut self, e: &Expr, ctx: Ctx) {
        let line = e.span.line;
        if self.renamed {
            return;
        }
        let Some((bif, args)) = self.resolve(e) else {
            return;
        };
        // An import may shadow the operators and Kernel's functions, not remote calls.
        if self.imported
            && !matches!(
                &e.kind,
                ExprKind::Call {
                    target: CallTarget::Remote(..),
                    ..
                }
            )
        {
            return;
        }
        if bif.name == "Map.put" {
            if args
                .first()
                .and_then(|a| self.constant(a))
                .is_some_and(|m| !matches!(m.kind, ExprKind::Map { .. }))
            {
                self.bad_map_update(line);
            }
            return;
        }
        if ctx == Ctx::Unwanted {
            return;
        }
        let consts: Option<Vec<Expr>> = args.iter().map(|a| self.constant(a).cloned()).collect();
        if let Some(consts) = consts
            && self.quiet == 0
            && let Some(exc) = fails(e, &consts)
        {
            let map_arg = match bif.display {
                ":erlang.map_get/2" => Some(0),
                "is_map_key/2" => Some(1),
                _ => None,
            };
            let exc = if let Some(k) = map_arg {
                if consts.get(k).is_some_and(|m| matches!(m.kind, ExprKind::Map { .. })) {
                    exc
                } else {
                    "BadMapError".to_string()
                }
            } else {
                bif.fails_with.to_string()
            };
            self.erl(line, 2, format!("the call to {} will fail with {exc}", bif.display));
        }
        if ctx == Ctx::Effect
            && let Some(ignored) = bif.ignored
        {
            self.erl(
                line,
                3,
                format!("the result of {ignored} is ignored (suppress the warning by assigning the expression to the _ variable)"),
            );
        }
    }

    /// The builtin a call or operator is compiled to, with its arguments in Elixir's order.
    fn resolve<'e>(&self, e: &'e Expr) -> Option<(&'static Bif, Vec<&'e Expr>)> {
        let (key, args): (String, Vec<&Expr>) = match &e.kind {
            ExprKind::Binary(op, a, b) => {
                let name = match op {
                    BinOp::Add => "+",
                    BinOp::Sub => "-",
                    BinOp::Mul => "*",
                    BinOp::Div => "/",
                    BinOp::ListConcat => "++",
                    BinOp::ListSub => "--",
                    BinOp::BAnd => "Bitwise.band",
                    BinOp::BOr => "Bitwise.bor",
                    BinOp::BXor => "Bitwise.bxor",
                    BinOp::BSl => "Bitwise.bsl",
                    BinOp::BSr => "Bitwise.bsr",
                    _ => return None,
                };
                let key = if name.contains('.') {
                    name.to_string()
                } else {
                    format!("Kernel.{name}")
                };
                (key, vec![&**a, &**b])
            }
            ExprKind::Unary(UnaryOp::Neg, a) if !matches!(a.kind, ExprKind::Int(_) | ExprKind::Float(_)) => {
                ("Kernel.-".into(), vec![&**a])
            }
            ExprKind::Unary(UnaryOp::BNot, a) => ("Bitwise.bnot".into(), vec![&**a]),
            ExprKind::Call {
                target: CallTarget::Local(name),
                args,
                ..
            } => {
                let shadowed = self.env.locals.is_some_and(|l| l.contains(&(name.clone(), args.len())));
                let bitwise = ["band", "bor", "bxor", "bsl", "bsr", "bnot"].contains(&name.as_str());
                if shadowed || (self.env.imports && !bitwise) {
                    return None;
                }
                let module = if bitwise { "Bitwise" } else { "Kernel" };
                (format!("{module}.{name}"), args.iter().collect())
            }
            ExprKind::Call {
                target: CallTarget::Remote(m, name),
                args,
                ..
            } => {
                let module = match &m.kind {
                    ExprKind::Alias(segs) if !self.env.aliases.contains_key(&segs[0]) => segs.join("."),
                    ExprKind::Atom(a) if a == "erlang" => ":erlang".into(),
                    _ => return None,
                };
                (format!("{module}.{name}"), args.iter().collect())
            }
            _ => return None,
        };
        BIFS.iter()
            .find(|b| b.name == key && b.arity == args.len())
            .map(|b| (b, args))
    }
}

/// A builtin the Erlang compiler evaluates when its arguments are constants.
struct Bif {
    /// `Kernel.hd`, as written in Elixir (`Kernel.` for imports and operators).
    name: &'static str,
    arity: usize,
    /// How the warning names it.
    display: &'static str,
    fails_with: &'static str,
    /// `calling hd/1`: the Erlang compiler warns when its result is thrown away.
    ignored: Option<&'static str>,
}

const fn bif(
    name: &'static str,
    arity: usize,
    display: &'static str,
    fails_with: &'static str,
    ignored: Option<&'static str>,
) -> Bif {
    Bif {
        name,
        arity,
        display,
        fails_with,
        ignored,
    }
}

const ARG: &str = "ArgumentError";
const ARITH: &str = "ArithmeticError";

static BIFS: &[Bif] = &[
    bif("Kernel.+", 2, "+/2", ARITH, Some("evaluating operator '+'/2")),
    bif("Kernel.-", 2, "-/2", ARITH, Some("evaluating operator '-'/2")),
    bif("Kernel.*", 2, "*/2", ARITH, Some("evaluating operator '*'/2")),
    bif("Kernel./", 2, "//2", ARITH, Some("evaluating operator '/'/2")),
    bif("Kernel.-", 1, "-/1", ARITH, Some("evaluating operator '-'/1")),
    bif("Kernel.++", 2, "++/2", ARG, Some("evaluating operator '++'/2")),
    bif("Kernel.--", 2, "--/2", ARG, Some("evaluating operator '--'/2")),
    bif("Kernel.div", 2, "div/2", ARITH, None),
    bif("Kernel.rem", 2, "rem/2", ARITH, None),
    bif("Kernel.hd", 1, "hd/1", ARG, Some("calling hd/1")),
    bif("Kernel.tl", 1, "tl/1", ARG, Some("calling tl/1")),
    bif("Kernel.length", 1, "length/1", ARG, Some("calling length/1")),
    bif("Kernel.abs", 1, "abs/1", ARG, Some("calling abs/1")),
    bif(
        "Kernel.tuple_size",
        1,
        "tuple_size/1",
        ARG,
        Some("calling tuple_size/1"),
    ),
    bif("Kernel.byte_size", 1, "byte_size/1", ARG, Some("calling byte_size/1")),
    bif("Kernel.bit_size", 1, "bit_size/1", ARG, Some("calling bit_size/1")),
    bif("Kernel.trunc", 1, "trunc/1", ARG, Some("calling trunc/1")),
    bif("Kernel.round", 1, "round/1", ARG, Some("calling round/1")),
    bif("Kernel.elem", 2, ":erlang.element/2", ARG, Some("calling element/2")),
    bif(
        "Kernel.put_elem",
        3,
        ":erlang.setelement/3",
        ARG,
        Some("calling setelement/3"),
    ),
    bif("Kernel.binary_part", 3, "binary_part/3", ARG, None),
    bif("Kernel.is_map_key", 2, "is_map_key/2", "BadMapError", None),
    bif("Map.has_key?", 2, "is_map_key/2", "BadMapError", None),
    bif(":erlang.atom_to_binary", 1, "Atom.to_string/1", ARG, None),
    bif(
        ":erlang.element",
        2,
        ":erlang.element/2",
        ARG,
        Some("calling element/2"),
    ),
    bif(":erlang.binary_to_atom", 2, ":erlang.binary_to_atom/2", ARG, None),
    bif(":erlang.list_to_binary", 1, ":erlang.list_to_binary/1", ARG, None),
    bif("Bitwise.band", 2, "Bitwise.band/2", ARITH, None),
    bif("Bitwise.bor", 2, "Bitwise.bor/2", ARITH, None),
    bif("Bitwise.bxor", 2, "Bitwise.bxor/2", ARITH, None),
    bif("Bitwise.bsl", 2, "Bitwise.bsl/2", ARITH, None),
    bif("Bitwise.bsr", 2, "Bitwise.bsr/2", ARITH, None),
    bif("Bitwise.bnot", 1, "Bitwise.bnot/1", ARITH, None),
    bif("Map.fetch!", 2, ":erlang.map_get/2", "KeyError", None),
    bif("Map.put", 3, "", "", None),
    bif("Atom.to_string", 1, "Atom.to_string/1", ARG, None),
    bif("Integer.to_string", 1, "Integer.to_string/1", ARG, None),
    bif("String.to_integer", 1, "String.to_integer/1", ARG, None),
    bif("String.to_float", 1, "String.to_float/1", ARG, None),
    bif("String.to_atom", 1, ":erlang.binary_to_atom/2", ARG, None),
    bif("List.to_tuple", 1, "List.to_tuple/1", ARG, None),
    bif("List.to_atom", 1, "List.to_atom/1", ARG, None),
    bif("List.to_integer", 1, "List.to_integer/1", ARG, None),
    bif("List.to_integer", 2, "List.to_integer/2", ARG, None),
    bif("List.to_float", 1, "List.to_float/1", ARG, None),
    bif("Atom.to_charlist", 1, "Atom.to_charlist/1", ARG, None),
    bif("Integer.to_charlist", 1, "Integer.to_charlist/1", ARG, None),
    bif("Tuple.to_list", 1, "Tuple.to_list/1", ARG, None),
];

/// Runs call `e` with its arguments replaced by `consts`; the name of the
/// exception it raises, if it does.
fn fails(e: &Expr, consts: &[Expr]) -> Option<String> {
    let call = match &e.kind {
        ExprKind::Binary(op, _, _) => ExprKind::Binary(*op, Box::new(consts[0].clone()), Box::new(consts[1].clone())),
        ExprKind::Unary(op, _) => ExprKind::Unary(*op, Box::new(consts[0].clone())),
        ExprKind::Call { target, parens, .. } => ExprKind::Call {
            target: target.clone(),
            args: consts.to_vec(),
            parens: *parens,
        },
        _ => return None,
    };
    match run(Expr::new(call, e.span)) {
        Err(Some(crate::eval::Exc::Error(x, _))) => Some(crate::eval::exception::exception_name(&x)),
        _ => None,
    }
}

/// Compiles and runs an expression of constants; `Err(None)` when it does not compile.
fn run(e: Expr) -> Result<crate::term::Term, Option<crate::eval::Exc>> {
    let mut c = super::Compiler::new("nofile", "warn");
    // Bitwise's operators and functions are resolved only when imported.
    c.imports.push(super::Import::all(crate::term::Atom::alias("Bitwise")));
    let node = c.expr(&e).map_err(|_| None)?;
    let mut proc = crate::eval::Proc::new(crate::runtime::detached_process());
    let mut frame = vec![crate::term::Term::NIL; c.slots()];
    proc.eval(&node, &mut frame).map_err(|e| Some(*e))
}

/// The segments of a binary construction: a `<<…>>`'s, or the operands of
/// a chain of `<>` (`true`), with any `<<…>>` among them spliced in, as
/// Elixir builds one binary of them.
fn construction<'e>(e: &'e Expr, out: &mut Vec<(&'e Expr, bool)>) {
    match &e.kind {
        ExprKind::Bitstring(items) => out.extend(items.iter().map(|x| (x, false))),
        ExprKind::Binary(BinOp::Concat, a, b) => {
            for side in [a, b] {
                match side.kind {
                    ExprKind::Bitstring(_) | ExprKind::Binary(BinOp::Concat, _, _) => construction(side, out),
                    _ => out.push((side, true)),
                }
            }
        }
        _ => {}
    }
}

/// A constant bitstring as the literal `<<b1, b2, …, last::size(k)>>`.
fn bits_expr(bits: &crate::term::Term, span: crate::syntax::ast::Span) -> Expr {
    let int = |n: u8| Expr::new(ExprKind::Int(i64::from(n)), span);
    let mut items = Vec::new();
    if let Some(v) = bits.as_bitstring() {
        let whole = v.len / 8;
        items.extend((0..whole).map(|i| int(v.sub(8 * i, 8).read_u64(8) as u8)));
        let rest = v.len % 8;
        if rest > 0 {
            let last = v.sub(8 * whole, rest).read_u64(rest) as u8;
            items.push(Expr::new(
                ExprKind::Binary(BinOp::Type, Box::new(int(last)), Box::new(int(rest as u8))),
                span,
            ));
        }
    }
    Expr::new(ExprKind::Bitstring(items), span)
}

/// A call that never returns: what follows it in a block is dropped.
fn always_raises(e: &Expr) -> bool {
    let name = match &e.kind {
        ExprKind::Call {
            target: CallTarget::Local(n),
            ..
        } => n,
        ExprKind::Call {
            target: CallTarget::Remote(m, n),
            ..
        } if matches!(&m.kind, ExprKind::Atom(a) if a == "erlang")
            || matches!(&m.kind, ExprKind::Alias(s) if s.len() == 1 && s[0] == "Kernel") =>
        {
            n
        }
        _ => return false,
    };
    matches!(name.as_str(), "error" | "exit" | "throw" | "raise" | "reraise")
}

/// A literal the Erlang compiler sees as a constant: numbers, atoms, plain
/// strings and charlists, and tuples, lists and maps of them.
fn is_constant(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Int(_) | ExprKind::Float(_) | ExprKind::Atom(_) | ExprKind::BigInt(_) => true,
        ExprKind::Str(parts) | ExprKind::Charlist(parts) => parts.iter().all(|p| matches!(p, StrPart::Lit(_))),
        // `~c"1x"`, `~s(a)`, `~w(a b)` without interpolation are literals to the compiler.
        ExprKind::Sigil { name, parts, modifiers } => {
            matches!(name.as_str(), "c" | "s" | "w" | "C" | "S" | "W")
                && modifiers.is_empty()
                && parts.iter().all(|p| matches!(p, StrPart::Lit(_)))
        }
        ExprKind::Tuple(items) => items.iter().all(is_constant),
        ExprKind::List { items, tail } => items.iter().all(is_constant) && tail.as_deref().is_none_or(is_constant),
        ExprKind::Map { base: None, pairs } => pairs.iter().all(|(k, v)| is_constant(k) && is_constant(v)),
        ExprKind::Unary(UnaryOp::Neg, x) => matches!(x.kind, ExprKind::Int(_) | ExprKind::Float(_)),
        // Bytes, then at most a few bits: what a constant construction makes.
        ExprKind::Bitstring(items) => items.iter().enumerate().all(|(i, x)| match &x.kind {
            ExprKind::Int(b) => (0..=255).contains(b),
            ExprKind::Binary(BinOp::Type, v, k) => {
                i + 1 == items.len()
                    && matches!((&v.kind, &k.kind), (ExprKind::Int(v), ExprKind::Int(k))
                        if (1..8).contains(k) && (0..1 << k).contains(v))
            }
            _ => false,
        }),
        _ => false,
    }
}

/// `def`/`defp`/`defmacro`… inside a module body.
fn is_def(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::Call { target: CallTarget::Local(k), .. }
        if matches!(k.as_str(), "def" | "defp" | "defmacro" | "defmacrop" | "defguard" | "defguardp"))
}
