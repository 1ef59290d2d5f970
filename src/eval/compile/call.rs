//! Compiling calls: special forms, local and remote calls, `fn` and `&`.

use std::sync::Arc;

use super::{CResult, CompileError, Compiler, Frame, Import, RaisedIn, err, show};
use crate::eval::Lambda;
use crate::eval::code;
use crate::eval::ir::{Clause, Node};
use crate::stdlib;
use crate::syntax::ast::{BinOp, CallTarget, Expr, ExprKind, Span, StabClause, UnaryOp};
use crate::term::{Atom, Term};

/// The value of `key` in a keyword-list expression (`[do: x, else: y]`).
/// What `h` is asked about: `Mod.fun` or `Mod.fun/arity`.
fn help_target(e: &Expr) -> Option<(Vec<String>, String, Option<i64>)> {
    let (call, arity) = match &e.kind {
        ExprKind::Binary(BinOp::Div, call, n) => match n.kind {
            ExprKind::Int(n) => (&**call, Some(n)),
            _ => return None,
        },
        _ => (e, None),
    };
    match &call.kind {
        ExprKind::Call {
            target: CallTarget::Remote(m, f),
            args,
            ..
        } if args.is_empty() => match &m.kind {
            ExprKind::Alias(segs) => Some((segs.clone(), f.clone(), arity)),
            _ => None,
        },
        _ => None,
    }
}

pub fn kw<'a>(list: &'a Expr, key: &str) -> Option<&'a Expr> {
    kw_pairs(list)?.into_iter().find(|(k, _)| *k == key).map(|(_, v)| v)
}

/// The pairs of a literal keyword list, or `None` if `e` is not one.
pub fn kw_pairs(e: &Expr) -> Option<Vec<(&str, &Expr)>> {
    let ExprKind::List { items, tail: None } = &e.kind else {
        return None;
    };
    items
        .iter()
        .map(|i| match &i.kind {
            ExprKind::Tuple(kv) if kv.len() == 2 => match &kv[0].kind {
                ExprKind::Atom(k) => Some((k.as_str(), &kv[1])),
                _ => None,
            },
            _ => None,
        })
        .collect()
}

/// Elixir's explanation of a module used where it is defined.
const SAME_CONTEXT: &str = "This happens when you depend on a module in the same context in which it is defined. \
For example:\n\n    defmodule MyApp do\n      defmodule Mod do\n      end\n\n      use Mod\n    end\n\n\
Try defining the module outside the context that uses it:\n\n    defmodule MyApp.Mod do\n    end\n\n    \
defmodule MyApp do\n      use MyApp.Mod\n    end\n\nIf the module is defined at the top-level and you are \
trying to use it at the top-level, this is not supported by Elixir";

/// `fn a, b \\\\ 2 -> … end` (in clause `index`): Elixir refuses it in
/// `elixir_fn:expand/4`, inside the `lists:mapfoldl/3` over the clauses.
fn optional_arguments(index: usize, line: u32) -> CompileError {
    let mut frames = vec!["(stdlib 4.2) lists.erl:1462: :lists.mapfoldl_1/3".to_string()];
    frames.extend((0..index).map(|_| "(stdlib 4.2) lists.erl:1463: :lists.mapfoldl_1/3".to_string()));
    frames.push("(elixir 1.14.0) src/elixir_fn.erl:23: :elixir_fn.expand/4".into());
    CompileError {
        line,
        message: "anonymous functions cannot have optional arguments".into(),
        raised_in: Some(Box::new(RaisedIn {
            frames,
            module_line: None,
        })),
        ..Default::default()
    }
}

/// A function (not a macro) given `->` clauses as a keyword's value
/// (`IO.puts cond do … end` gives `cond` and the clauses to `IO.puts`).
fn no_clauses(name: &str, args: &[Expr], line: u32) -> CResult<()> {
    let given = args
        .last()
        .and_then(kw_pairs)
        .is_some_and(|kv| kv.iter().any(|(_, v)| matches!(v.kind, ExprKind::Stab(_))));
    if given {
        return err(
            line,
            format!(
                "the function \"{name}\" cannot handle clauses with the -> operator because it is not a macro. Please make sure you are invoking the proper name and that it is a macro"
            ),
        );
    }
    Ok(())
}

/// The `->` clauses of a block section (`do`, `else`, `after`…).
fn stabs(e: &Expr) -> &[StabClause] {
    match &e.kind {
        ExprKind::Stab(c) => c,
        _ => &[],
    }
}

impl Compiler {
    pub(super) fn call(&mut self, target: &CallTarget, args: &[Expr], parens: bool, line: u32) -> CResult<Node> {
        match target {
            CallTarget::Local(name) => {
                if let Some(n) = self.special_form(name, args, parens, line)? {
                    return Ok(n);
                }
                // `a -1` where `a` is a variable is subtraction, not a call.
                if !parens
                    && args.len() == 1
                    && let ExprKind::Unary(op @ (UnaryOp::Neg | UnaryOp::Plus), rhs) = &args[0].kind
                    && let Some(s) = self.lookup(name)
                {
                    let r = self.expr(rhs)?;
                    let op = if *op == UnaryOp::Neg {
                        crate::eval::ir::Op2::Sub
                    } else {
                        crate::eval::ir::Op2::Add
                    };
                    return Ok(Node::Op(op, Box::new(Node::Var(s)), Box::new(r), line));
                }
                no_clauses(name, args, line)?;
                let args = self.exprs(args)?;
                self.local_call(name, args, line)
            }
            CallTarget::Remote(recv, name) => {
                no_clauses(name, args, line)?;
                let module = match &recv.kind {
                    ExprKind::Alias(segs) => Some(self.alias(segs)),
                    ExprKind::Atom(a) => Some(Atom::new(a)),
                    ExprKind::Var(v) if v == "__MODULE__" => self.module.as_ref().map(|m| m.name),
                    _ => None,
                };
                let fname = Atom::new(name);
                match module {
                    Some(m) => {
                        let args = self.exprs(args)?;
                        self.remote(m, fname, args, line)
                    }
                    None => {
                        let m = self.expr(recv)?;
                        let args = self.exprs(args)?;
                        Ok(Node::Dynamic {
                            module: Box::new(m),
                            name: fname,
                            args,
                            parens,
                            line,
                        })
                    }
                }
            }
            CallTarget::Anon(f) => {
                let fun = self.expr(f)?;
                let args = self.exprs(args)?;
                Ok(Node::Apply {
                    fun: Box::new(fun),
                    args,
                    line,
                })
            }
        }
    }

    /// A guard expression.
    pub(super) fn guard(&mut self, g: &Expr) -> CResult<Node> {
        let outer = std::mem::replace(&mut self.in_guard, true);
        let r = self.expr(g);
        self.in_guard = outer;
        r
    }

    /// `Mod.name(args)` with the module known now.
    fn remote(&mut self, m: Atom, name: Atom, args: Vec<Node>, line: u32) -> CResult<Node> {
        // A builtin macro (`Integer.is_even/1`) needs its module required:
        // in a guard the call does not compile, elsewhere it is a call of a
        // function that does not exist.
        if stdlib::is_macro(m, name, args.len()) && !self.requires.contains(&m) {
            if self.in_guard {
                return err(
                    line,
                    format!(
                        "cannot invoke remote function {} inside guards",
                        crate::eval::exception::format_mfa(m, name, args.len())
                    ),
                );
            }
            return Ok(Node::Call {
                remote: true,
                slot: code::slot(m, name, args.len()),
                args,
                line,
            });
        }
        // `IO.warn(message)` prints the current stacktrace: it is told when
        // the call is in code typed at the prompt, whose frames are iex's.
        if m == Atom::alias("IO") && &*name.name() == "warn" && args.len() == 1 {
            let site = match (&self.module, self.frames.len()) {
                (None, 1) if self.context == crate::eval::exec::SHELL_CONTEXT => Term::tuple(vec![Term::atom("shell")]),
                _ => Term::NIL,
            };
            let mut args = args;
            args.push(Node::Lit(site));
            return Ok(self.remote_known(m, Atom::new("__warn__"), args, line));
        }
        Ok(self.remote_known(m, name, args, line))
    }

    fn remote_known(&mut self, m: Atom, name: Atom, mut args: Vec<Node>, line: u32) -> Node {
        if stdlib::kernel::is_builtin_exception(m) && args.len() == 1 {
            let (native, arity) = match &*name.name() {
                "exception" => ("__exception__", 2),
                "message" => ("message", 1),
                _ => ("", 0),
            };
            if arity == 2 {
                args.insert(0, Node::Lit(Term::Atom(m)));
            }
            if let Some(f) = stdlib::lookup(
                if arity == 2 {
                    Atom::ELIXIR_KERNEL
                } else {
                    Atom::alias("Exception")
                },
                Atom::new(native),
                arity,
            ) {
                return Node::Native { f, args, line };
            }
        }
        // Kernel's functions written in Elixir (`get_in/2`…) are code; the
        // rest of Kernel stays native.
        if let Some(f) = stdlib::lookup(m, name, args.len())
            && (!code::module_loaded(m) || m == Atom::ELIXIR_KERNEL && code::lookup(m, name, args.len()).is_none())
        {
            return Node::Native { f, args, line };
        }
        Node::Call {
            remote: true,
            slot: code::slot(m, name, args.len()),
            args,
            line,
        }
    }

    /// `name(args)`: the module's own function, an import, or a Kernel builtin.
    pub(super) fn local_call(&mut self, name: &str, mut args: Vec<Node>, line: u32) -> CResult<Node> {
        let arity = args.len();
        if let Some(m) = &self.module
            && m.locals.contains(&(name.to_string(), arity))
        {
            let slot = code::slot(m.name, Atom::new(name), arity);
            return Ok(Node::Call {
                slot,
                args,
                line,
                remote: false,
            });
        }
        let fname = Atom::new(name);
        let providers = self.importers(fname, arity);
        if let [first, second, ..] = providers[..] {
            return Err(CompileError {
                line,
                message: format!(
                    "function {name}/{arity} imported from both {} and {}, call is ambiguous",
                    crate::eval::exception::module_name(first),
                    crate::eval::exception::module_name(second)
                ),
                raised_in: Some(Box::new(RaisedIn {
                    frames: vec![
                        "(elixir 1.14.0) src/elixir_dispatch.erl:149: :elixir_dispatch.expand_import/7".into(),
                        "(elixir 1.14.0) src/elixir_dispatch.erl:119: :elixir_dispatch.dispatch_import/6".into(),
                    ],
                    module_line: None,
                })),
                ..Default::default()
            });
        }
        if let Some(&m) = providers.first()
            && m != Atom::ELIXIR_KERNEL
        {
            if code::lookup(m, fname, arity).is_some() {
                return Ok(Node::Call {
                    remote: true,
                    slot: code::slot(m, fname, arity),
                    args,
                    line,
                });
            }
            if let Some(f) = stdlib::lookup(m, fname, arity) {
                return Ok(Node::Native { f, args, line });
            }
        }
        if code::lookup(Atom::ELIXIR_KERNEL, fname, arity).is_some() {
            return Ok(Node::Call {
                remote: true,
                slot: code::slot(Atom::ELIXIR_KERNEL, fname, arity),
                args,
                line,
            });
        }
        if let Some(f) = stdlib::lookup(Atom::ELIXIR_KERNEL, fname, arity) {
            // `div/2` and `rem/2` are operators, as on the BEAM.
            let op = match name {
                "div" => Some(crate::eval::ir::Op2::IntDiv),
                "rem" => Some(crate::eval::ir::Op2::Rem),
                _ => None,
            };
            if let Some(op) = op
                && args.len() == 2
                && let (Some(b), Some(a)) = (args.pop(), args.pop())
            {
                return Ok(Node::Op(op, Box::new(a), Box::new(b), line));
            }
            return Ok(Node::Native { f, args, line });
        }
        // A module's body runs before its functions exist: only imports count there.
        let body = self.context.ends_with(".__MODULE__/0");
        match self.module.as_ref().filter(|_| !body) {
            Some(m) => Err(CompileError {
                line,
                message: format!(
                    "undefined function {name}/{arity} (expected {} to define such a function or for it to be imported, but none are available)",
                    crate::eval::exception::module_name(m.name)
                ),
                undefined_local: true,
                ..Default::default()
            }),
            None => err(
                line,
                format!("undefined function {name}/{arity} (there is no such import)"),
            ),
        }
    }

    /// `import`/`require` need the module's code when they are compiled: a
    /// module the same top-level code defines does not exist yet (a script
    /// is compiled whole), one nobody defines is not found. A module this
    /// runtime does not know but Elixir has passes.
    fn check_loaded(&self, module: Atom, line: u32) -> CResult<()> {
        if code::module(module).is_some() || stdlib::is_builtin_module(module) {
            return Ok(());
        }
        let name = crate::eval::exception::module_name(module);
        if self.module.is_none() && self.context_modules.contains(&module) {
            return err(
                line,
                format!("module {name} is not loaded but was defined. {SAME_CONTEXT}"),
            );
        }
        let elixir_module = module.name().starts_with("Elixir.");
        if elixir_module && crate::eval::exception::exports_of(module).is_none() {
            return err(line, format!("module {name} is not loaded and could not be found"));
        }
        Ok(())
    }

    /// `&fun/2` of a function (not a macro) one import offers, Kernel's
    /// included: Elixir captures it as `&Mod.fun/2`, or as the Erlang
    /// function it inlines to (`&:erlang.length/1`).
    fn imported_capture(&self, name: &str, arity: usize) -> Option<crate::term::Fun> {
        if let Some(m) = &self.module
            && m.locals.contains(&(name.to_string(), arity))
        {
            return None;
        }
        let [module] = self.importers(Atom::new(name), arity)[..] else {
            return None;
        };
        let (exports, _) = crate::eval::exception::exports_of(module)?;
        if !exports.iter().any(|(n, a)| n == name && *a == arity) {
            return None;
        }
        let (module, name) = stdlib::kernel::inlined(module, name, arity).unwrap_or((module, name));
        Some(crate::term::Fun::External {
            module,
            name: Atom::new(name),
            arity,
        })
    }

    /// The modules whose imports offer `name/arity`, the latest import
    /// first and Kernel (imported before anything) last: a module imported
    /// again counts only with its latest `only:`/`except:`.
    fn importers(&self, name: Atom, arity: usize) -> Vec<Atom> {
        let exports = |m: Atom| code::lookup(m, name, arity).is_some() || stdlib::lookup(m, name, arity).is_some();
        let mut seen = Vec::new();
        let mut out = Vec::new();
        let kernel = Import::all(Atom::ELIXIR_KERNEL);
        for i in self.imports.iter().rev().chain(std::iter::once(&kernel)) {
            if seen.contains(&i.module) {
                continue;
            }
            seen.push(i.module);
            if i.admits(&name.name(), arity) && exports(i.module) {
                out.push(i.module);
            }
        }
        out
    }

    /// The forms that are not calls: `if`, `case`, `receive`, `defmodule`…
    fn special_form(&mut self, name: &str, args: &[Expr], parens: bool, line: u32) -> CResult<Option<Node>> {
        let _ = parens;
        let last = args.last();
        Ok(Some(match (name, args.len()) {
            ("put_in" | "update_in" | "get_and_update_in", 2) | ("pop_in", 1) => self.path_macro(name, args, line)?,
            ("if" | "unless", 2) => {
                let kwl = &args[1];
                // Kernel's build_if/2 takes exactly `do:`, then an optional `else:`.
                let keys: Option<Vec<&str>> = kw_pairs(kwl).map(|ps| ps.iter().map(|(k, _)| *k).collect());
                let (Some(["do"] | ["do", "else"]), Some(then)) = (keys.as_deref(), kw(kwl, "do")) else {
                    let (frame, builder) = if name == "if" {
                        (3731, "build_if/2")
                    } else {
                        (3775, "build_unless/2")
                    };
                    let message = format!(
                        "invalid or duplicate keys for {name}, only \"do\" and an optional \"else\" are permitted"
                    );
                    return Err(self.macro_error(&format!("{name}/2"), &[(frame, builder)], message, line));
                };
                let cond = self.expr(&args[0])?;
                let then = self.scoped(|c| c.expr(then))?;
                let other = match kw(kwl, "else") {
                    Some(e) => self.scoped(|c| c.expr(e))?,
                    None => Node::Lit(Term::NIL),
                };
                let (a, b) = if name == "if" { (then, other) } else { (other, then) };
                Node::Cond {
                    clauses: vec![(cond, a), (Node::Lit(Term::TRUE), b)],
                    line,
                }
            }
            ("case", 2) => {
                let subject = self.expr(&args[0])?;
                let Some(body) = kw(&args[1], "do") else {
                    return err(line, "missing :do option in \"case\"");
                };
                let clauses = self.clauses(stabs(body))?;
                if clauses.is_empty() {
                    return err(line, "expected -> clauses for :do in \"case\"");
                }
                Node::Case {
                    subject: Box::new(subject),
                    clauses,
                    line,
                }
            }
            ("cond", 1) => {
                let Some(body) = kw(&args[0], "do") else {
                    return err(line, "missing :do option in \"cond\"");
                };
                let mut clauses = Vec::new();
                for sc in stabs(body) {
                    let [c] = sc.params.as_slice() else {
                        return err(sc.span.line, "expected one condition in cond clause");
                    };
                    let pair = self.scoped(|cc| Ok((cc.expr(c)?, cc.expr(&sc.body)?)))?;
                    clauses.push(pair);
                }
                // No clause true: Elixir raises where the last clause stands.
                let line = stabs(body)
                    .last()
                    .and_then(|sc| sc.params.first())
                    .map_or(line, |c| c.span.line);
                Node::Cond { clauses, line }
            }
            ("receive", 1) => {
                let kwl = &args[0];
                let clauses = match kw(kwl, "do") {
                    Some(b) => self.clauses(stabs(b))?,
                    None => vec![],
                };
                let after = match kw(kwl, "after") {
                    Some(a) => {
                        let [sc] = stabs(a) else {
                            return err(line, "expected a single -> clause for :after in \"receive\"");
                        };
                        let [t] = sc.params.as_slice() else {
                            return err(line, "expected a timeout in after");
                        };
                        let t = self.expr(t)?;
                        let body = self.scoped(|c| c.expr(&sc.body))?;
                        Some((Box::new(t), Box::new(body)))
                    }
                    None => None,
                };
                Node::Receive { clauses, after }
            }
            ("try", 1) => self.try_form(&args[0], line)?,
            ("with", _) if last.is_some_and(|l| kw(l, "do").is_some()) => self.with_form(args, line)?,
            ("for", _) if last.is_some_and(|l| kw(l, "do").is_some() || kw(l, "reduce").is_some()) => {
                self.for_form(args, line)?
            }
            ("defmodule" | "defprotocol", 2) => {
                let form = name;
                let segs = match &args[0].kind {
                    ExprKind::Alias(segs) => segs.clone(),
                    ExprKind::Atom(a) => vec![format!(":{a}")],
                    _ => return err(line, "invalid module name"),
                };
                let mut name = match segs[0].strip_prefix(':') {
                    Some(erl) => Atom::new(erl),
                    None => self.alias(&segs),
                };
                if let Some(m) = &self.module {
                    // A nested module is named after its parent and aliased inside it.
                    let parent = m.name.alias_name().unwrap_or_default();
                    let full = format!("{parent}.{}", segs.join("."));
                    if let Some(first) = segs.first() {
                        self.aliases
                            .insert(first.clone(), Atom::alias(&format!("{parent}.{first}")));
                    }
                    name = Atom::alias(&full);
                }
                let Some(body) = kw(&args[1], "do") else {
                    return err(line, format!("missing :do option in \"{form}\""));
                };
                if form == "defprotocol" {
                    return Ok(Some(crate::eval::protocol::defprotocol(self, name, body, line)));
                }
                self.context_modules.push(name);
                let def = crate::eval::module::ModuleDef {
                    name,
                    body: body.clone(),
                    outer: self.clone(),
                    line,
                    kind: crate::eval::module::ModuleKind::Plain,
                };
                Node::DefModule(Arc::new(def))
            }
            ("defimpl", 2 | 3) => crate::eval::protocol::defimpl(self, args, line)?,
            ("def" | "defp" | "defmacro" | "defmacrop", _) => {
                return Err(self.outside_module(
                    &format!("{name}/{}", args.len()),
                    "(elixir 1.14.0) lib/kernel.ex:5070: Kernel.define/4\n    ",
                    line,
                ));
            }
            ("alias", 1 | 2) => {
                let ExprKind::Alias(segs) = &args[0].kind else {
                    return err(line, "invalid alias");
                };
                let full = self.alias(segs);
                let short = match args.get(1).and_then(|o| kw(o, "as")) {
                    Some(Expr {
                        kind: ExprKind::Alias(s),
                        ..
                    }) => s.join("."),
                    _ => segs.last().cloned().unwrap_or_default(),
                };
                self.aliases.insert(short, full);
                Node::Lit(Term::Atom(full))
            }
            ("import", 1 | 2) => {
                let module = match &args[0].kind {
                    ExprKind::Alias(segs) => self.alias(segs),
                    ExprKind::Atom(a) => Atom::new(a),
                    _ => return err(line, "invalid import"),
                };
                self.check_loaded(module, line)?;
                let names = |l: &Expr| -> Option<Vec<(String, usize)>> {
                    let pairs = kw_pairs(l)?.into_iter().map(|(n, a)| {
                        let arity = if let ExprKind::Int(i) = a.kind { i as usize } else { 0 };
                        (n.to_string(), arity)
                    });
                    Some(pairs.collect())
                };
                // `only: :functions` (or `:macros`, `:sigils`) is not a list of names.
                let opt = |key: &str| args.get(1).and_then(|o| kw(o, key)).and_then(names);
                self.imports.push(Import {
                    module,
                    only: opt("only"),
                    except: opt("except").unwrap_or_default(),
                });
                Node::Lit(Term::Atom(module))
            }
            ("require", 1 | 2) => match &args[0].kind {
                ExprKind::Alias(segs) => {
                    let m = self.alias(segs);
                    self.check_loaded(m, line)?;
                    self.requires.push(m);
                    Node::Lit(Term::Atom(m))
                }
                _ => Node::Lit(Term::NIL),
            },
            ("__STACKTRACE__", 0) => Node::Stacktrace,
            ("match?", 2) => {
                let subject = self.expr(&args[1])?;
                let (p, g) = match &args[0].kind {
                    ExprKind::Binary(BinOp::When, p, g) => (&**p, Some(&**g)),
                    _ => (&args[0], None),
                };
                let clause = self.scoped(|c| {
                    let pats = c.patterns(std::slice::from_ref(p))?;
                    let guard = match g {
                        Some(g) => Some(c.guard(g)?),
                        None => None,
                    };
                    Ok(Clause {
                        pats,
                        guard,
                        body: Node::Lit(Term::TRUE),
                        line,
                    })
                })?;
                let other = Clause {
                    pats: vec![crate::eval::ir::Pat::Any],
                    guard: None,
                    body: Node::Lit(Term::FALSE),
                    line,
                };
                Node::Case {
                    subject: Box::new(subject),
                    clauses: vec![clause, other],
                    line,
                }
            }
            ("binding", 0) => {
                let mut pairs: Vec<(String, usize)> = self.top().vars.iter().map(|(k, v)| (k.clone(), *v)).collect();
                pairs.sort();
                let items = pairs
                    .into_iter()
                    .filter(|(k, _)| !k.starts_with('_'))
                    .map(|(k, s)| Node::Tuple(vec![Node::Lit(Term::atom(&k)), Node::Var(s)]))
                    .collect();
                Node::List(items, None)
            }
            // The IEx macros: `h Mod.fun`, `h Mod.fun/2`, `import_file("path")`.
            ("h", 1) if self.context == crate::eval::exec::SHELL_CONTEXT => match help_target(&args[0]) {
                Some((m, f, arity)) => {
                    let module = Node::Lit(Term::Atom(self.alias(&m)));
                    let f = Node::Lit(Term::atom(&f));
                    let arity = Node::Lit(arity.map_or(Term::NIL, Term::Int));
                    stdlib::native_call("IEx.Helpers", "__h__", vec![module, f, arity], line)?
                }
                None => return Ok(None),
            },
            ("import_file", 1) if self.context == crate::eval::exec::SHELL_CONTEXT => {
                let ExprKind::Str(parts) = &args[0].kind else {
                    return err(line, "import_file/1 expects a literal binary as its argument");
                };
                let path: String = parts
                    .iter()
                    .map(|p| match p {
                        crate::syntax::ast::StrPart::Lit(s) => s.as_str(),
                        _ => "",
                    })
                    .collect();
                let Ok(src) = std::fs::read_to_string(&path) else {
                    return err(line, format!("could not find file {path}"));
                };
                let exprs = match crate::syntax::parse_program(&src) {
                    Ok(e) => e,
                    Err(e) => return err(line, crate::report::syntax_error(&e, &path, &src)),
                };
                // The file's code runs here, so its bindings are the shell's.
                Node::Block(exprs.iter().map(|e| self.expr(e)).collect::<CResult<Vec<_>>>()?)
            }
            _ => return Ok(None),
        }))
    }

    pub(super) fn clauses(&mut self, scs: &[StabClause]) -> CResult<Vec<Clause>> {
        scs.iter().map(|sc| self.clause(sc)).collect()
    }

    /// `fn clauses end`: a new frame; outer names become captures.
    pub(super) fn lambda(&mut self, scs: &[StabClause], line: u32) -> CResult<Node> {
        let arity = scs.first().map(|c| c.params.len()).unwrap_or(0);
        self.frames.push(Frame::default());
        self.reserve_args(scs.iter().map(|c| c.params.len()).max().unwrap_or(0));
        // As Elixir's `elixir_fn:expand/4`: each clause in turn (refused if
        // it has a default), then the arities.
        let clauses: CResult<Vec<Clause>> = scs
            .iter()
            .enumerate()
            .map(|(i, sc)| {
                if sc
                    .params
                    .iter()
                    .any(|p| matches!(p.kind, ExprKind::Binary(BinOp::Default, ..)))
                {
                    return Err(optional_arguments(i, line));
                }
                self.fn_clause(sc)
            })
            .collect();
        let frame = self.frames.pop().expect("pushed above");
        let clauses = clauses?;
        if scs.iter().any(|c| c.params.len() != arity) {
            return err(line, "cannot mix clauses with different arities in anonymous functions");
        }
        let index = self.lambdas;
        self.lambdas += 1;
        let depth = self.frames.len() - 1;
        let held = frame
            .captures
            .iter()
            .filter(|(outer, _)| !self.constants.contains(&(depth, *outer)))
            .count();
        let capture_slots: Vec<usize> = frame.captures.iter().map(|(_, inner)| *inner).collect();
        let lambda = Lambda {
            arity,
            index,
            held,
            context: self.context.clone(),
            pure: Lambda::pure_body(&clauses, &capture_slots),
            clauses,
            slots: frame.slots,
            capture_slots,
            file: self.file.clone(),
            line,
        };
        Ok(Node::MakeFn {
            lambda: Arc::new(lambda),
            captures: frame.captures.iter().map(|(outer, _)| *outer).collect(),
        })
    }

    /// `&Mod.fun/2`, `&fun/1`, `&(&1 + &2)`, `& &1`.
    pub(super) fn capture(&mut self, arg: &Expr, line: u32) -> CResult<Node> {
        if let ExprKind::Binary(BinOp::Div, f, a) = &arg.kind
            && let ExprKind::Int(arity) = a.kind
        {
            let arity = arity as usize;
            match &f.kind {
                ExprKind::Call {
                    target: CallTarget::Remote(m, name),
                    args,
                    ..
                } if args.is_empty() => {
                    let module = match &m.kind {
                        ExprKind::Alias(segs) => Some(self.alias(segs)),
                        ExprKind::Atom(a) => Some(Atom::new(a)),
                        _ => None,
                    };
                    if let Some(module) = module {
                        // Functions Elixir inlines capture as the Erlang function (`&:erlang.+/2`).
                        let (module, name) = stdlib::kernel::inlined(module, name, arity).unwrap_or((module, name));
                        return Ok(Node::Lit(Term::Fun(Arc::new(crate::term::Fun::External {
                            module,
                            name: Atom::new(name),
                            arity,
                        }))));
                    }
                }
                ExprKind::Var(name) if stdlib::kernel::erlang_operator(name).is_some() => {
                    let erl = stdlib::kernel::erlang_operator(name).unwrap_or_default();
                    let fun = crate::term::Fun::External {
                        module: Atom::new("erlang"),
                        name: Atom::new(erl),
                        arity,
                    };
                    return Ok(Node::Lit(Term::Fun(Arc::new(fun))));
                }
                ExprKind::Var(name)
                | ExprKind::Call {
                    target: CallTarget::Local(name),
                    ..
                } => {
                    if let Some(fun) = self.imported_capture(name, arity) {
                        return Ok(Node::Lit(Term::Fun(Arc::new(fun))));
                    }
                    // `&fun/2` of a local function or an imported macro: a fn calling it.
                    let params: Vec<Expr> = (1..=arity)
                        .map(|i| Expr::new(ExprKind::CaptureArg(i as u32), f.span))
                        .collect();
                    let call = Expr::new(
                        ExprKind::Call {
                            target: CallTarget::Local(name.clone()),
                            args: params,
                            parens: true,
                        },
                        f.span,
                    );
                    let mut call = call;
                    rewrite_capture_args(&mut call, &mut 0);
                    return self.capture_body(call, arity, line);
                }
                _ => {}
            }
        }
        let mut body = arg.clone();
        let mut max = 0;
        rewrite_capture_args(&mut body, &mut max);
        if max == 0 {
            return err(
                line,
                format!(
                    "invalid args for &, expected one of:\n\n  * &Mod.fun/arity to capture a remote function, such as &Enum.map/2\n  * &fun/arity to capture a local or imported function, such as &is_atom/1\n  * &some_code(&1, ...) containing at least one argument as &1, such as &List.flatten(&1)\n\nGot: {}",
                    show(arg)
                ),
            );
        }
        self.capture_body(body, max as usize, line)
    }

    /// A one-clause `fn` with parameters `&1..&arity` around `body` (already rewritten).
    fn capture_body(&mut self, body: Expr, arity: usize, line: u32) -> CResult<Node> {
        let span = Span { line, ..body.span };
        let params: Vec<Expr> = (1..=arity)
            .map(|i| Expr::new(ExprKind::Var(format!("&{i}")), span))
            .collect();
        let sc = StabClause {
            span,
            params,
            guard: None,
            body,
        };
        self.lambda(std::slice::from_ref(&sc), line)
    }
}

/// Turns `&n` into the variable `&n` the capture's `fn` binds, noting the largest `n`.
fn rewrite_capture_args(e: &mut Expr, max: &mut u32) {
    match &mut e.kind {
        ExprKind::CaptureArg(n) => {
            *max = (*max).max(*n);
            e.kind = ExprKind::Var(format!("&{n}"));
        }
        ExprKind::Fn(_) | ExprKind::Unary(UnaryOp::Capture, _) => {}
        _ => for_each_child_mut(e, &mut |c| rewrite_capture_args(c, max)),
    }
}

/// Calls `f` on each child of `e` (the clauses of an `fn` or `->` block
/// give their parameters, guards and bodies).
pub(crate) fn for_each_child_mut(e: &mut Expr, f: &mut dyn FnMut(&mut Expr)) {
    match &mut e.kind {
        ExprKind::Tuple(v) | ExprKind::Block(v) | ExprKind::Bitstring(v) => v.iter_mut().for_each(f),
        ExprKind::List { items, tail } => {
            items.iter_mut().for_each(&mut *f);
            if let Some(t) = tail {
                f(t)
            }
        }
        ExprKind::Map { base, pairs } | ExprKind::Struct { base, pairs, .. } => {
            if let Some(b) = base {
                f(b)
            }
            for (k, v) in pairs {
                f(k);
                f(v);
            }
        }
        ExprKind::Unary(_, a) => f(a),
        ExprKind::Binary(_, a, b) | ExprKind::Access(a, b) => {
            f(a);
            f(b)
        }
        ExprKind::Call { target, args, .. } => {
            match target {
                CallTarget::Remote(r, _) | CallTarget::Anon(r) => f(r),
                CallTarget::Local(_) => {}
            }
            args.iter_mut().for_each(f);
        }
        ExprKind::Str(parts) | ExprKind::Charlist(parts) | ExprKind::Sigil { parts, .. } => {
            for p in parts {
                if let crate::syntax::ast::StrPart::Interp(x) = p {
                    f(x)
                }
            }
        }
        ExprKind::Stab(cs) | ExprKind::Fn(cs) => {
            for c in cs {
                c.params.iter_mut().for_each(&mut *f);
                if let Some(g) = &mut c.guard {
                    f(g)
                }
                f(&mut c.body)
            }
        }
        _ => {}
    }
}
