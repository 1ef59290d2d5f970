//! The compiler: AST to [`Node`]s with variables resolved to frame slots and
//! calls resolved to their targets.
//!
//! A [`Compiler`] lives as long as its scope: the REPL and a script keep one
//! for the whole session, so later inputs see earlier bindings, aliases and
//! imports. `fn`s open a new frame; names they use from outer frames are
//! captured by value when the `fn` is made.
//!
//! **Invariants:** every binding allocates a fresh slot; a clause's bindings
//! are dropped from scope when the clause ends (they do not leak out of
//! `case`, `if`, `receive`, `fn`); a name is resolved once, here, never at
//! run time.

mod call;
pub use call::kw as call_kw;
pub(crate) use call::{for_each_child_mut, kw_pairs};
mod forms;
mod macros;
mod pattern;
pub mod warn;

use std::collections::HashMap;
use std::sync::Arc;

use super::ir::{Node, Op2};
use crate::stdlib;
use crate::syntax::ast::{BinOp, CallTarget, Expr, ExprKind, StrPart, UnaryOp};
use crate::term::{Atom, Term};

/// An error found while compiling: `** (CompileError) file:line: message`.
#[derive(Debug, Clone, Default, thiserror::Error)]
#[error("{line}: {message}")]
pub struct CompileError {
    pub line: u32,
    pub message: String,
    /// Raised as this exception instead of `CompileError` (expanding a
    /// struct with an unknown key raises a `KeyError`).
    pub exception: Option<&'static str>,
    /// What the compiler was expanding, and where: Elixir prints them as
    /// the error's stack (`expanding struct: P.__struct__/1`, then
    /// `file:line: (file)` or `Mod.fun/1`). Empty: no stack.
    pub expanding: Option<(String, String)>,
    /// A module calls a local function it does not define: iex shows the
    /// frames of Elixir's check of a module's local calls under it.
    pub undefined_local: bool,
    /// Raised by Elixir's compiler code itself (not a macro's expansion).
    pub raised_in: Option<Box<RaisedIn>>,
}

/// The stack of an error Elixir's compiler code raised.
#[derive(Debug, Clone, Default)]
pub struct RaisedIn {
    /// Its frames, innermost first.
    pub frames: Vec<String>,
    /// Under them, in a function of a module, the module body's frame at
    /// its `def`, when the BEAM's 8 frames reach it.
    pub module_line: Option<u32>,
}

impl CompileError {
    /// The error as Elixir reports it for top-level code in `file`: the
    /// banner, then what was being expanded and where, or an empty line.
    pub fn report(&self, file: &str) -> String {
        let mut t = match self.exception {
            Some(name) => format!("** ({name}) {}\n", self.message),
            None => format!("** (CompileError) {file}:{}: {}\n", self.line, self.message),
        };
        match &self.expanding {
            Some((what, within)) => t.push_str(&format!("    {what}\n    {file}:{}: {within}\n", self.line)),
            None if let Some(r) = &self.raised_in => {
                for f in &r.frames {
                    t.push_str(&format!("    {f}\n"));
                }
                if let Some(l) = r.module_line {
                    t.push_str(&format!("    {file}:{l}: (module)\n"));
                }
            }
            None => t.push('\n'),
        }
        t
    }
}

pub type CResult<T> = Result<T, CompileError>;

fn err<T>(line: u32, message: impl Into<String>) -> CResult<T> {
    Err(CompileError {
        line,
        message: message.into(),
        ..Default::default()
    })
}

#[derive(Default, Clone)]
struct Frame {
    vars: HashMap<String, usize>,
    slots: usize,
    /// `(outer slot, inner slot)` for each captured variable.
    captures: Vec<(usize, usize)>,
}

/// The module being defined, as the compiler of its functions sees it.
#[derive(Clone, Debug)]
pub struct ModuleScope {
    pub name: Atom,
    /// Every `name/arity` the module defines (public or private).
    pub locals: std::collections::HashSet<(String, usize)>,
    /// Module attributes set so far.
    pub attrs: HashMap<String, Term>,
    /// The attributes read so far, by the module's body or its functions
    /// (shared by their compilers).
    pub attrs_read: Arc<std::sync::Mutex<std::collections::HashSet<String>>>,
}

/// An `import Module` with its `only:` list of `name/arity` (all when
/// `None`) and its `except:` list.
#[derive(Clone, Debug)]
pub struct Import {
    pub module: Atom,
    pub only: Option<Vec<(String, usize)>>,
    pub except: Vec<(String, usize)>,
}

impl Import {
    /// The whole module.
    pub fn all(module: Atom) -> Import {
        Import {
            module,
            only: None,
            except: Vec::new(),
        }
    }

    /// Whether `name/arity` is imported by it (if the module has it).
    fn admits(&self, name: &str, arity: usize) -> bool {
        let listed = |l: &[(String, usize)]| l.iter().any(|(n, a)| n == name && *a == arity);
        self.only.as_deref().is_none_or(listed) && !listed(&self.except)
    }
}

/// Compiles expressions in one lexical scope.
#[derive(Clone)]
pub struct Compiler {
    pub file: Arc<str>,
    frames: Vec<Frame>,
    pub module: Option<ModuleScope>,
    pub aliases: HashMap<String, Atom>,
    pub imports: Vec<Import>,
    /// The modules `require`d here (their macros may be called).
    pub requires: Vec<Atom>,
    /// Compiling a guard: a call of a macro not required is a compile error.
    pub(super) in_guard: bool,
    /// What an `fn` made here is "in": `:erl_eval.expr/6`, `Mod.fun/2`…
    pub context: String,
    /// The modules whose `defmodule` this compiler has compiled (they exist
    /// only once that code runs).
    pub context_modules: Vec<Atom>,
    lambdas: u32,
    /// While a `for` compiles: each variable read, as `(frame depth, slot)`
    /// (see `for_form`, which counts the variables its closures capture).
    reads: Option<Vec<(usize, usize)>>,
    /// `(frame depth, slot)` of the variables bound to a constant.
    constants: std::collections::HashSet<(usize, usize)>,
}

impl Compiler {
    /// A compiler for top-level code (`context` names where its `fn`s live).
    pub fn new(file: &str, context: &str) -> Compiler {
        Compiler {
            file: Arc::from(file),
            frames: vec![Frame::default()],
            module: None,
            aliases: HashMap::new(),
            imports: Vec::new(),
            requires: Vec::new(),
            in_guard: false,
            context: context.to_string(),
            context_modules: Vec::new(),
            lambdas: 0,
            reads: None,
            constants: Default::default(),
        }
    }

    /// How many slots the outermost frame needs.
    pub fn slots(&self) -> usize {
        self.frames[0].slots
    }

    /// The variables bound at top level, with their slots, sorted by name.
    pub fn bindings(&self) -> Vec<(String, usize)> {
        let mut v: Vec<_> = self.frames[0].vars.iter().map(|(k, s)| (k.clone(), *s)).collect();
        v.sort();
        v
    }

    /// Forgets every top-level binding (`respawn`-like resets).
    pub fn clear_bindings(&mut self) {
        self.frames[0].vars.clear();
    }

    /// A compiler for the body of a function in `module`: a fresh frame, same aliases.
    pub fn for_function(&self, context: String) -> Compiler {
        Compiler {
            frames: vec![Frame::default()],
            context,
            lambdas: 0,
            constants: Default::default(),
            ..self.clone()
        }
    }

    /// Keeps slots `0..arity` of the current frame for a function's arguments.
    pub fn reserve_args(&mut self, arity: usize) {
        let f = self.top();
        f.slots = f.slots.max(arity);
    }

    fn top(&mut self) -> &mut Frame {
        self.frames.last_mut().expect("a compiler always has a frame")
    }

    fn new_slot(&mut self) -> usize {
        let f = self.top();
        f.slots += 1;
        f.slots - 1
    }

    fn bind(&mut self, name: &str) -> usize {
        let s = self.new_slot();
        self.top().vars.insert(name.to_string(), s);
        s
    }

    fn lookup(&mut self, name: &str) -> Option<usize> {
        let depth = self.frames.len() - 1;
        self.lookup_at(depth, name)
    }

    fn lookup_at(&mut self, depth: usize, name: &str) -> Option<usize> {
        if let Some(s) = self.frames[depth].vars.get(name).copied() {
            if let Some(r) = &mut self.reads {
                r.push((depth, s));
            }
            return Some(s);
        }
        if depth == 0 {
            return None;
        }
        let outer = self.lookup_at(depth - 1, name)?;
        let f = &mut self.frames[depth];
        // Another clause of the same `fn` captured it already.
        if let Some(&(_, inner)) = f.captures.iter().find(|(o, _)| *o == outer) {
            f.vars.insert(name.to_string(), inner);
            if let Some(r) = &mut self.reads {
                r.push((depth, inner));
            }
            return Some(inner);
        }
        f.slots += 1;
        let inner = f.slots - 1;
        f.captures.push((outer, inner));
        f.vars.insert(name.to_string(), inner);
        if self.constants.contains(&(depth - 1, outer)) {
            self.constants.insert((depth, inner));
        }
        if let Some(r) = &mut self.reads {
            r.push((depth, inner));
        }
        Some(inner)
    }

    fn scoped<T>(&mut self, body: impl FnOnce(&mut Self) -> CResult<T>) -> CResult<T> {
        let saved = self.top().vars.clone();
        let r = body(self);
        self.top().vars = saved;
        r
    }

    /// Compiles one expression.
    pub fn expr(&mut self, e: &Expr) -> CResult<Node> {
        let line = e.span.line;
        Ok(match &e.kind {
            ExprKind::Int(i) => Node::Lit(Term::Int(*i)),
            ExprKind::BigInt(d) => match d.parse::<num_bigint::BigInt>() {
                Ok(b) => Node::Lit(Term::from_bigint(b)),
                Err(_) => return err(line, format!("invalid integer {d}")),
            },
            ExprKind::Float(x) => Node::Lit(Term::Float(*x)),
            ExprKind::Atom(a) => Node::Lit(Term::atom(a)),
            ExprKind::Str(parts) => self.string(parts)?,
            ExprKind::Charlist(parts) => match self.string(parts)? {
                Node::Lit(Term::Bin(b)) => Node::Lit(Term::charlist(&String::from_utf8_lossy(&b))),
                n => stdlib::native_call("Elixir.String", "to_charlist", vec![n], line)?,
            },
            ExprKind::Sigil { name, parts, modifiers } => self.sigil(name, parts, modifiers, line)?,
            ExprKind::Var(name) => self.var(name, line)?,
            ExprKind::Alias(segs) => Node::Lit(Term::Atom(self.alias(segs))),
            ExprKind::Tuple(items) => {
                let v = self.exprs(items)?;
                match consts(&v) {
                    Some(c) => Node::Lit(Term::tuple(c)),
                    None => Node::Tuple(v),
                }
            }
            ExprKind::List { items, tail } => {
                let v = self.exprs(items)?;
                let t = match tail {
                    Some(t) => Some(Box::new(self.expr(t)?)),
                    None => None,
                };
                match (consts(&v), &t) {
                    (Some(c), None) => Node::Lit(Term::list(c)),
                    _ => Node::List(v, t),
                }
            }
            ExprKind::Map { base, pairs } => {
                let base = match base {
                    Some(b) => Some(Box::new(self.expr(b)?)),
                    None => None,
                };
                let update = base.is_some();
                let pairs = pairs
                    .iter()
                    .map(|(k, v)| Ok((self.expr(k)?, self.expr(v)?)))
                    .collect::<CResult<_>>()?;
                Node::Map {
                    base,
                    pairs,
                    update,
                    line: e.span.line,
                }
            }
            ExprKind::Struct { name, base, pairs } => {
                let module = self.struct_name(name)?;
                let keys: Vec<&Expr> = pairs.iter().map(|(k, _)| k).collect();
                self.check_struct(module, &keys, false, line)?;
                let base = match base {
                    Some(b) => Some(Box::new(self.expr(b)?)),
                    None => None,
                };
                let mut ps = Vec::new();
                for (k, v) in pairs {
                    let ExprKind::Atom(k) = &k.kind else {
                        return err(k.span.line, "expected an atom key in a struct");
                    };
                    ps.push((Atom::new(k), self.expr(v)?));
                }
                Node::Struct {
                    module,
                    base,
                    pairs: ps,
                }
            }
            ExprKind::Bitstring(segs) => Node::Bits(self.bit_segments(segs, |c, e| c.expr(e))?),
            ExprKind::Unary(op, arg) => self.unary(*op, arg, line)?,
            ExprKind::Binary(op, a, b) => self.binary(*op, a, b, line)?,
            ExprKind::CaptureArg(n) => {
                return err(
                    line,
                    format!("capture argument &{n} must be used within the capture operator &"),
                );
            }
            ExprKind::Call { target, args, parens } => self.call(target, args, *parens, line)?,
            ExprKind::Access(target, key) => {
                let t = self.expr(target)?;
                let k = self.expr(key)?;
                stdlib::native_call("Elixir.Access", "get", vec![t, k], line)?
            }
            ExprKind::Fn(clauses) => self.lambda(clauses, line)?,
            ExprKind::Stab(_) => return err(line, "unhandled operator ->"),
            ExprKind::Block(items) => {
                let mut v = self.exprs(items)?;
                // `y = f(x); y` in a function: the Erlang compiler returns
                // `f(x)` directly, so it is a tail call (top-level code keeps
                // the binding, which later inputs may read).
                if (self.module.is_some() || self.frames.len() > 1)
                    && let [.., Node::Match(p, _, _), Node::Var(s)] = &v[..]
                    && matches!(**p, super::ir::Pat::Bind(b) if b == *s)
                {
                    v.pop();
                    if let Some(Node::Match(_, rhs, _)) = v.pop() {
                        v.push(*rhs);
                    }
                }
                Node::Block(v)
            }
        })
    }

    fn exprs(&mut self, items: &[Expr]) -> CResult<Vec<Node>> {
        items.iter().map(|e| self.expr(e)).collect()
    }

    fn var(&mut self, name: &str, line: u32) -> CResult<Node> {
        if name == "__MODULE__" {
            return Ok(Node::Lit(
                self.module.as_ref().map(|m| Term::Atom(m.name)).unwrap_or(Term::NIL),
            ));
        }
        if let Some(s) = self.lookup(name) {
            return Ok(Node::Var(s));
        }
        match name {
            "__STACKTRACE__" => return Ok(Node::Stacktrace),
            "__DIR__" => {
                let dir = std::path::Path::new(&*self.file)
                    .parent()
                    .map(|p| p.display().to_string());
                let dir = std::fs::canonicalize(dir.filter(|d| !d.is_empty()).unwrap_or_else(|| ".".into()))
                    .map(|p| p.display().to_string())
                    .unwrap_or_default();
                return Ok(Node::Lit(Term::str(&dir)));
            }
            _ => {}
        }
        if name.starts_with('_') && name != "_" {
            return err(line, format!("invalid use of _ in {name}"));
        }
        if name == "_" {
            return err(
                line,
                "invalid use of _. _ can only be used inside patterns to ignore values and cannot be used in expressions. Make sure you are inside a pattern or change it accordingly",
            );
        }
        // A bare name that is not a variable is a call without arguments;
        // when there is no such function either, Elixir first warns of the guess.
        let call = self.local_call(name, vec![], line);
        if call.is_err() {
            let w = warn::Warning {
                line,
                col: None,
                context: self.warning_context(),
                message: format!(
                    "variable \"{name}\" does not exist and is being expanded to \"{name}()\", please use parentheses to remove the ambiguity or change the variable name"
                ),
            };
            crate::runtime::io::write(crate::runtime::io::Device::Stderr, &w.render(&self.file));
        }
        call
    }

    /// What Elixir names after a warning's location: the function being
    /// compiled, the module whose body it is, nothing at a script's top level.
    fn warning_context(&self) -> Option<String> {
        let m = self.module.as_ref()?;
        Some(if self.context.ends_with(".__MODULE__/0") {
            crate::eval::exception::module_name(m.name)
        } else {
            self.context.clone()
        })
    }

    /// `Foo.Bar` with the first segment expanded through `alias`.
    pub fn alias(&self, segs: &[String]) -> Atom {
        if segs.first().map(String::as_str) == Some("Elixir") && segs.len() > 1 {
            return Atom::alias(&segs[1..].join("."));
        }
        if let Some(first) = segs.first()
            && let Some(a) = self.aliases.get(first)
        {
            let base = a.alias_name().unwrap_or_default();
            let mut full = vec![base];
            full.extend(segs[1..].iter().cloned());
            return Atom::alias(&full.join("."));
        }
        Atom::alias(&segs.join("."))
    }

    /// Where a macro being expanded is, as its frame names it: `(file)`,
    /// `(module)` or the function.
    pub(super) fn expansion_site(&self) -> String {
        match &self.module {
            None => "(file)".to_string(),
            Some(_) if self.context.ends_with(".__MODULE__/0") => "(module)".to_string(),
            Some(_) => self.context.clone(),
        }
    }

    /// Expands `%Name{keys}` as Elixir does at compile time: the struct must
    /// exist already (a module defined in the same top-level code does not
    /// exist until that code runs) and have the keys. A module's own struct
    /// is checked when it is built.
    pub(super) fn check_struct(&self, module: Atom, keys: &[&Expr], pattern: bool, line: u32) -> CResult<()> {
        if self.module.as_ref().is_some_and(|m| m.name == module) {
            return Ok(());
        }
        let arity = if pattern { 0 } else { 1 };
        let name = crate::eval::exception::module_name(module);
        let within = self.expansion_site();
        // Elixir's own structs are expanded inside Elixir's application.
        let app = match crate::eval::code::module(module) {
            Some(_) => "",
            None => "(elixir 1.14.0) ",
        };
        let fail = |app: &str, exception: Option<&'static str>, message: String| {
            Err(CompileError {
                line,
                message,
                exception,
                expanding: Some((
                    format!("{app}expanding struct: {name}.__struct__/{arity}"),
                    within.clone(),
                )),
                ..Default::default()
            })
        };
        let builtin = || {
            crate::eval::exception::exports_of(module)
                .is_some_and(|(exports, _)| exports.contains(&("__struct__".to_string(), 0)))
        };
        let fields = match crate::stdlib::struct_default(module) {
            Ok(fields) => fields,
            // A builtin struct whose fields are not listed: its keys are checked when it is built.
            Err(_) if builtin() => return Ok(()),
            Err(_) => {
                if self.module.is_none() && self.context_modules.contains(&module) {
                    return fail(
                        "",
                        None,
                        format!(
                            "cannot access struct {name}, the struct was not yet defined or the struct is being accessed in the same context that defines it"
                        ),
                    );
                }
                return fail(
                    "",
                    None,
                    format!(
                        "{name}.__struct__/{arity} is undefined, cannot expand struct {name}. Make sure the struct name is correct. If the struct name exists and is correct but it still cannot be found, you likely have cyclic module usage in your code"
                    ),
                );
            }
        };
        for k in keys {
            if let ExprKind::Atom(k) = &k.kind
                && !fields.contains_key(&Term::atom(k))
            {
                let key = crate::term::inspect::inspect_default(&Term::atom(k));
                return if pattern {
                    fail(app, None, format!("unknown key {key} for struct {name}"))
                } else {
                    fail(app, Some("KeyError"), format!("key {key} not found"))
                };
            }
        }
        Ok(())
    }

    fn struct_name(&mut self, name: &Expr) -> CResult<Atom> {
        match &name.kind {
            ExprKind::Alias(segs) => Ok(self.alias(segs)),
            ExprKind::Var(v) if v == "__MODULE__" => match &self.module {
                Some(m) => Ok(m.name),
                None => err(name.span.line, "__MODULE__ is not available outside a module"),
            },
            _ => err(name.span.line, "expected a struct name"),
        }
    }

    fn string(&mut self, parts: &[StrPart]) -> CResult<Node> {
        if let [StrPart::Lit(s)] = parts {
            return Ok(Node::Lit(Term::str(s)));
        }
        if parts.is_empty() {
            return Ok(Node::Lit(Term::str("")));
        }
        let mut nodes = Vec::new();
        for p in parts {
            nodes.push(match p {
                StrPart::Lit(s) => Node::Lit(Term::str(s)),
                StrPart::Interp(e) => self.expr(e)?,
            });
        }
        Ok(Node::Interp(nodes))
    }

    fn sigil(&mut self, name: &str, parts: &[StrPart], mods: &str, line: u32) -> CResult<Node> {
        // Lowercase sigils process escapes in their literal parts; uppercase ones do not,
        // nor does `~r`, whose escapes belong to the regular expression.
        let parts: Vec<StrPart> = if name != "r" && name.chars().all(|c| c.is_ascii_lowercase()) {
            parts
                .iter()
                .map(|p| match p {
                    StrPart::Lit(raw) => StrPart::Lit(crate::syntax::lexer::unescape(raw)),
                    other => other.clone(),
                })
                .collect()
        } else {
            parts.to_vec()
        };
        let s = self.string(&parts)?;
        match name {
            "s" | "S" => Ok(s),
            "c" | "C" => stdlib::native_call("Elixir.String", "to_charlist", vec![s], line),
            "w" | "W" => {
                let kind = Node::Lit(Term::atom(match mods {
                    "a" => "atoms",
                    "c" => "charlists",
                    _ => "strings",
                }));
                stdlib::native_call("Elixir.String", "__words__", vec![s, kind], line)
            }
            "D" => stdlib::native_call("Elixir.Date", "__sigil__", vec![s], line),
            "r" | "R" => {
                let mods = Node::Lit(Term::str(mods));
                stdlib::native_call("Elixir.Regex", "__sigil__", vec![s, mods], line)
            }
            _ => err(
                line,
                format!("undefined function sigil_{name}/2 (there is no such import)"),
            ),
        }
    }

    fn unary(&mut self, op: UnaryOp, arg: &Expr, line: u32) -> CResult<Node> {
        match op {
            UnaryOp::Neg => match &arg.kind {
                ExprKind::Int(i) => Ok(Node::Lit(Term::Int(-*i))),
                ExprKind::Float(x) => Ok(Node::Lit(Term::Float(-*x))),
                _ => {
                    let a = self.expr(arg)?;
                    stdlib::native_call("Elixir.Kernel", "-", vec![a], line)
                }
            },
            UnaryOp::Plus => {
                let a = self.expr(arg)?;
                stdlib::native_call("Elixir.Kernel", "+", vec![a], line)
            }
            UnaryOp::Not => {
                let a = self.expr(arg)?;
                stdlib::native_call("Elixir.Kernel", "not", vec![a], line)
            }
            UnaryOp::Bang => {
                let a = self.expr(arg)?;
                stdlib::native_call("Elixir.Kernel", "!", vec![a], line)
            }
            UnaryOp::BNot => {
                let a = self.expr(arg)?;
                self.local_call("~~~", vec![a], line)
            }
            UnaryOp::Pin => err(
                line,
                format!(
                    "misplaced operator ^{}\n\nThe pin operator ^ is supported only inside matches or inside custom macros. Make sure you are inside a match or all necessary macros have been required",
                    show(arg)
                ),
            ),
            UnaryOp::Capture => self.capture(arg, line),
            UnaryOp::At => self.attribute(arg, line),
        }
    }

    /// Kernel's `ArgumentError` for `def…` or `@` (`what`) used outside a
    /// module, raised while the macro expands (`via`: the frames between).
    pub(super) fn outside_module(&self, what: &str, via: &str, line: u32) -> CompileError {
        CompileError {
            line,
            message: format!("cannot invoke {what} outside module"),
            exception: Some("ArgumentError"),
            expanding: Some((
                format!(
                    "(elixir 1.14.0) lib/kernel.ex:6373: Kernel.assert_module_scope/3\n    {via}(elixir 1.14.0) expanding macro: Kernel.{what}"
                ),
                self.expansion_site(),
            )),
            ..Default::default()
        }
    }

    fn attribute(&mut self, arg: &Expr, line: u32) -> CResult<Node> {
        if self.module.is_none() {
            return Err(self.outside_module("@/1", "", line));
        }
        let ExprKind::Var(name) = &arg.kind else {
            return err(line, "module attributes set here must be set in the module body");
        };
        let Some(m) = &self.module else {
            return Err(self.outside_module("@/1", "", line));
        };
        m.attrs_read
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(name.clone());
        match m.attrs.get(name) {
            Some(v) => Ok(Node::Lit(v.clone())),
            None => {
                // Elixir warns as it expands the read, and reads nil.
                let w = warn::Warning {
                    line,
                    col: None,
                    context: Some(format!("{} (module)", crate::eval::exception::module_name(m.name))),
                    message: format!(
                        "undefined module attribute @{name}, please remove access to @{name} or explicitly set it before access"
                    ),
                };
                crate::runtime::io::err(&w.render(&self.file));
                Ok(Node::Lit(Term::NIL))
            }
        }
    }

    fn binary(&mut self, op: BinOp, a: &Expr, b: &Expr, line: u32) -> CResult<Node> {
        let op2 = |c: &mut Self, o: Op2| -> CResult<Node> {
            let x = c.expr(a)?;
            let y = c.expr(b)?;
            let o = if c.module.is_some() { inline_op(o, &x, &y) } else { o };
            Ok(Node::Op(o, Box::new(x), Box::new(y), line))
        };
        let kernel = |c: &mut Self, name: &str| -> CResult<Node> {
            let x = c.expr(a)?;
            let y = c.expr(b)?;
            stdlib::native_call("Elixir.Kernel", name, vec![x, y], line)
        };
        match op {
            BinOp::Match => {
                let rhs = self.expr(b)?;
                let p = self.pattern_top(a)?;
                // A variable bound to a constant is one the Erlang compiler
                // propagates: no closure captures it.
                if let (super::ir::Pat::Bind(s), Node::Lit(_)) = (&p, &rhs) {
                    let depth = self.frames.len() - 1;
                    self.constants.insert((depth, *s));
                }
                Ok(Node::Match(Box::new(p), Box::new(rhs), line))
            }
            BinOp::Pipe => self.pipe(a, b, line),
            BinOp::Add => op2(self, Op2::Add),
            BinOp::Sub => op2(self, Op2::Sub),
            BinOp::Mul => op2(self, Op2::Mul),
            BinOp::Div => op2(self, Op2::Div),
            BinOp::Eq => op2(self, Op2::Eq),
            BinOp::Ne => op2(self, Op2::Ne),
            BinOp::StrictEq => op2(self, Op2::StrictEq),
            BinOp::StrictNe => op2(self, Op2::StrictNe),
            BinOp::Lt => op2(self, Op2::Lt),
            BinOp::Gt => op2(self, Op2::Gt),
            BinOp::Le => op2(self, Op2::Le),
            BinOp::Ge => op2(self, Op2::Ge),
            BinOp::Concat => {
                self.check_concat(a, b, line)?;
                op2(self, Op2::Concat)
            }
            BinOp::ListConcat => op2(self, Op2::ListConcat),
            BinOp::ListSub => op2(self, Op2::ListSub),
            BinOp::Pow => kernel(self, "**"),
            BinOp::Match2 => kernel(self, "=~"),
            BinOp::And => Ok(Node::And(Box::new(self.expr(a)?), Box::new(self.expr(b)?))),
            BinOp::Or => Ok(Node::Or(Box::new(self.expr(a)?), Box::new(self.expr(b)?))),
            BinOp::AndAnd => Ok(Node::AndAlso(Box::new(self.expr(a)?), Box::new(self.expr(b)?))),
            BinOp::OrOr => Ok(Node::OrElse(Box::new(self.expr(a)?), Box::new(self.expr(b)?))),
            BinOp::In | BinOp::NotIn => {
                let x = self.expr(a)?;
                let coll = self.expr(b)?;
                let m = stdlib::native_call("Elixir.Enum", "member?", vec![coll, x], line)?;
                if op == BinOp::NotIn {
                    stdlib::native_call("Elixir.Kernel", "not", vec![m], line)
                } else {
                    Ok(m)
                }
            }
            BinOp::Range => {
                self.check_range(a, b, None, line)?;
                let x = self.expr(a)?;
                let y = self.expr(b)?;
                stdlib::native_call("Elixir.Range", "new", vec![x, y], line)
            }
            BinOp::StepRange => {
                let ExprKind::Binary(BinOp::Range, first, last) = &a.kind else {
                    return err(line, "the step operator // must follow a range");
                };
                self.check_range(first, last, Some(b), line)?;
                let x = self.expr(first)?;
                let y = self.expr(last)?;
                let s = self.expr(b)?;
                stdlib::native_call("Elixir.Range", "new", vec![x, y, s], line)
            }
            // The operators of `Bitwise`, once imported.
            BinOp::BAnd => bitwise_op(self, "&&&", a, b, line),
            BinOp::BOr => bitwise_op(self, "|||", a, b, line),
            BinOp::BXor => bitwise_op(self, "^^^", a, b, line),
            BinOp::BSl => bitwise_op(self, "<<<", a, b, line),
            BinOp::BSr => bitwise_op(self, ">>>", a, b, line),
            BinOp::When | BinOp::Type | BinOp::LArrow | BinOp::Default | BinOp::Bar | BinOp::Custom(_) => {
                err(line, unhandled_operator(op))
            }
        }
    }

    /// `a |> f(b)` is `f(a, b)`.
    fn pipe(&mut self, a: &Expr, b: &Expr, line: u32) -> CResult<Node> {
        // The call stands where it is written, on the `|>` line of a
        // pipeline split over lines.
        match &b.kind {
            ExprKind::Call { target, args, .. } => {
                let mut all = vec![a.clone()];
                all.extend(args.iter().cloned());
                self.call(target, &all, true, b.span.line)
            }
            ExprKind::Var(name) => self.call(
                &CallTarget::Local(name.clone()),
                std::slice::from_ref(a),
                true,
                b.span.line,
            ),
            _ => err(
                line,
                format!(
                    "cannot pipe {} into {}, can only pipe into local calls foo(), remote calls Foo.bar() or anonymous function calls foo.()",
                    show(a),
                    show(b)
                ),
            ),
        }
    }
}

fn bitwise_op(c: &mut Compiler, op: &str, a: &Expr, b: &Expr, line: u32) -> CResult<Node> {
    let x = c.expr(a)?;
    let y = c.expr(b)?;
    c.local_call(op, vec![x, y], line)
}

/// The values of nodes that are all literals.
fn consts(nodes: &[Node]) -> Option<Vec<Term>> {
    nodes
        .iter()
        .map(|n| if let Node::Lit(t) = n { Some(t.clone()) } else { None })
        .collect()
}

/// A short rendering of an expression for error messages.
pub fn show(e: &Expr) -> String {
    match &e.kind {
        ExprKind::Var(v) => v.clone(),
        ExprKind::Atom(a) => format!(":{a}"),
        ExprKind::Int(i) => i.to_string(),
        ExprKind::Alias(s) => s.join("."),
        ExprKind::Call {
            target: CallTarget::Local(n),
            ..
        } => format!("{n}()"),
        ExprKind::Call {
            target: CallTarget::Anon(f),
            args,
            ..
        } => format!("{}.({})", show(f), args.iter().map(show).collect::<Vec<_>>().join(", ")),
        _ => "expression".into(),
    }
}

/// Elixir's error for an operator that only some forms handle, met
/// anywhere else (`|` outside a list or map, `::` outside `<<>>`).
pub(super) fn unhandled_operator(op: BinOp) -> String {
    match op {
        BinOp::Bar => "misplaced operator |/2\n\nThe | operator is typically used between brackets as the cons operator:\n\n    [head | tail]\n\nwhere head is a single element and the tail is the remaining of a list.\nIt is also used to update maps and structs, via the %{map | key: value} notation,\nand in typespecs, such as @type and @spec, to express the union of two types".into(),
        BinOp::Type => "misplaced operator ::/2\n\nThe :: operator is typically used in bitstrings to specify types and sizes of segments:\n\n    <<size::32-integer, letter::utf8, rest::binary>>\n\nIt is also used in typespecs, such as @type and @spec, to describe inputs and outputs".into(),
        _ => format!("undefined function {}/2 (there is no such import)", binop_text(op)),
    }
}

/// An operator as written in Elixir.
pub(super) fn binop_text(op: BinOp) -> &'static str {
    match op {
        BinOp::Match => "=",
        BinOp::Pipe => "|>",
        BinOp::Add => "+",
        BinOp::Sub => "-",
        BinOp::Mul => "*",
        BinOp::Div => "/",
        BinOp::Pow => "**",
        BinOp::Concat => "<>",
        BinOp::ListConcat => "++",
        BinOp::ListSub => "--",
        BinOp::Eq => "==",
        BinOp::Ne => "!=",
        BinOp::StrictEq => "===",
        BinOp::StrictNe => "!==",
        BinOp::Lt => "<",
        BinOp::Gt => ">",
        BinOp::Le => "<=",
        BinOp::Ge => ">=",
        BinOp::Match2 => "=~",
        BinOp::And => "and",
        BinOp::Or => "or",
        BinOp::AndAnd => "&&",
        BinOp::OrOr => "||",
        BinOp::In => "in",
        BinOp::NotIn => "not in",
        BinOp::Range => "..",
        BinOp::StepRange => "..//",
        BinOp::When => "when",
        BinOp::Type => "::",
        BinOp::LArrow => "<-",
        BinOp::Default => "\\\\",
        BinOp::Bar => "|",
        BinOp::BAnd => "&&&",
        BinOp::BOr => "|||",
        BinOp::BXor => "^^^",
        BinOp::BSl => "<<<",
        BinOp::BSr => ">>>",
        BinOp::Custom(s) => s,
    }
}

/// The variant of an arithmetic operator in a module's code that the BEAM
/// runs inline, recording no frame of its own when it fails: `/`; `+`/`-`
/// with a small integer literal operand (on the right of `-`); and `+`, `-`
/// and `*` with a float literal operand (float arithmetic).
fn inline_op(o: Op2, x: &Node, y: &Node) -> Op2 {
    let small = |n: &Node| matches!(n, Node::Lit(Term::Int(i)) if (-(1i64 << 59)..(1i64 << 59)).contains(i));
    let float = |n: &Node| matches!(n, Node::Lit(Term::Float(_)));
    let float = float(x) || float(y);
    match o {
        Op2::Div => Op2::DivInline,
        Op2::Add if float || small(x) || small(y) => Op2::AddInline,
        Op2::Sub if float || small(y) => Op2::SubInline,
        Op2::Mul if float => Op2::MulInline,
        o => o,
    }
}
