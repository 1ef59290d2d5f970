//! `defmodule`: running a module body, compiling its functions, installing them.
//!
//! A module body runs when its `defmodule` runs, as in Elixir: attributes are
//! evaluated in order and a function sees the attribute values set before it.
//! All `def` heads are collected first so functions can call ones defined
//! later in the module.

use super::code::{self, FunDef, ModuleInfo};
use super::compile::{CResult, CompileError, Compiler, ModuleScope, warn};
use super::exception::{self as ex, R};
use super::exec::Proc;
use crate::syntax::ast::{BinOp, CallTarget, Expr, ExprKind, StabClause, UnaryOp};
use crate::term::{Atom, Term};
use std::collections::{HashMap, HashSet};

/// A `defmodule` waiting to run.
#[derive(Debug)]
pub struct ModuleDef {
    pub name: Atom,
    pub body: Expr,
    /// The scope the `defmodule` appeared in (its aliases and imports).
    pub outer: Compiler,
    pub line: u32,
    pub kind: ModuleKind,
}

/// What wrote the module: `defmodule`, `defprotocol` or `defimpl` (see `protocol`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModuleKind {
    Plain,
    Protocol,
    /// An implementation of `protocol` for `for_`; `derived_from` is the
    /// protocol's `Any` when `@derive` made it.
    Impl {
        protocol: Atom,
        for_: Atom,
        derived_from: Option<Atom>,
    },
}

impl std::fmt::Debug for Compiler {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Compiler({})", self.context)
    }
}

/// A function whose clauses are being compiled.
struct Pending {
    public: bool,
    /// The file of a function a behaviour gave (`lib/gen_server.ex`), if not the module's.
    file: Option<std::sync::Arc<str>>,
    compiler: Compiler,
    clauses: Vec<super::ir::Clause>,
    line: u32,
}

/// Compiles one clause of `key` into its pending function.
fn add_clause(
    c: &Compiler,
    module: Atom,
    funs: &mut std::collections::HashMap<(String, usize), Pending>,
    order: &mut Vec<(String, usize)>,
    key: (String, usize),
    dc: DefClause,
) -> CResult<()> {
    let f = funs.entry(key.clone()).or_insert_with(|| {
        order.push(key.clone());
        let ctx = format!(
            "{}.{}/{}",
            ex::module_name(module),
            ex::fun_name(Atom::new(&key.0)),
            key.1
        );
        let mut compiler = c.for_function(ctx);
        compiler.reserve_args(key.1);
        Pending {
            public: dc.public,
            file: None,
            compiler,
            clauses: Vec::new(),
            line: dc.line,
        }
    });
    let sc = StabClause {
        span: dc.body.span,
        params: dc.params,
        guard: dc.guard,
        body: dc.body,
    };
    let clause = f.compiler.fn_clause(&sc).map_err(|mut e| {
        // Elixir's compiler raised while the module body ran this `def`:
        // its frame is among the 8 the BEAM keeps only when the failing
        // call or `fn` is the body (or what the body binds with `=`).
        let plain = |a: &Expr| matches!(a.kind, ExprKind::Var(_) | ExprKind::Int(_) | ExprKind::Atom(_));
        let direct = |b: &Expr| {
            b.span.line == e.line
                && match &b.kind {
                    ExprKind::Fn(_) => true,
                    ExprKind::Call {
                        target: CallTarget::Local(_),
                        args,
                        ..
                    } => args.iter().all(plain),
                    _ => false,
                }
        };
        let shallow = match &sc.body.kind {
            ExprKind::Binary(BinOp::Match, _, rhs) => direct(rhs),
            _ => direct(&sc.body),
        };
        if let Some(r) = e.raised_in.as_mut().filter(|_| shallow) {
            r.module_line = Some(dc.line);
        }
        e
    })?;
    f.clauses.push(clause);
    Ok(())
}

/// The attributes Elixir gives a meaning (never warned unused), and
/// those this runtime sets in the modules it generates.
const RESERVED_ATTRIBUTES: &[&str] = &[
    "after_compile",
    "after_verify",
    "before_compile",
    "behaviour",
    "compile",
    "deprecated",
    "derive",
    "dialyzer",
    "doc",
    "enforce_keys",
    "external_resource",
    "file",
    "impl",
    "moduledoc",
    "on_definition",
    "on_load",
    "optional_callbacks",
    "typedoc",
    "vsn",
    "fallback_to_any",
    "protocol",
    "for",
    "iexr_use_opts",
];

/// Elixir's warning for a clause of a function defined before, with
/// another function's clauses between (`line` is the clause's).
fn ungrouped(
    first: &mut HashMap<(String, usize), (String, u32)>,
    last: &mut Option<(String, usize)>,
    key: &(String, usize),
    kind: String,
    line: u32,
    file: &str,
) -> Option<warn::Warning> {
    let previous = last.replace(key.clone());
    let Some((kind, at)) = first.get(key).cloned() else {
        first.insert(key.clone(), (kind, line));
        return None;
    };
    if previous.as_ref() == Some(key) {
        return None;
    }
    Some(warn::Warning {
        line,
        col: None,
        context: None,
        message: format!(
            "clauses with the same name and arity (number of arguments) should be grouped together, \"{kind} {}/{}\" was previously defined ({file}:{at})",
            ex::fun_name(Atom::new(&key.0)),
            key.1
        ),
    })
}

/// The warnings Elixir prints for one clause of a function of `module`.
fn clause_warnings(c: &Compiler, module: Atom, dc: &DefClause) -> warn::Clause {
    let context = format!(
        "{}.{}/{}",
        ex::module_name(module),
        ex::fun_name(Atom::new(&dc.name)),
        dc.params.len()
    );
    let env = warn::Env {
        aliases: &c.aliases,
        locals: c.module.as_ref().map(|m| &m.locals),
        imports: !c.imports.is_empty(),
        requires: &c.requires,
    };
    warn::function_clause(&dc.params, dc.guard.as_ref(), &dc.body, context, &env)
}

/// One `def` head and body as written.
#[derive(Clone)]
struct DefClause {
    name: String,
    public: bool,
    params: Vec<Expr>,
    guard: Option<Expr>,
    body: Expr,
    line: u32,
}

/// The local calls between a module's functions, for the warnings Elixir's
/// locals tracker gives about private functions no public function reaches
/// (`function helper/1 is unused`, `default values for the optional
/// arguments in f/2 are never used`). *Invariant:* a reference is counted
/// generously (a call also at the arity a pipe would give it, a bare name
/// as a call of arity 0), so it warns less, never more.
#[derive(Default)]
struct Locals {
    defs: Vec<LocalDef>,
    calls: HashMap<(String, usize), HashSet<(String, usize)>>,
}

/// A function's first clause: name and arity, public, a plain `defp`, line,
/// number of default arguments.
type LocalDef = ((String, usize), bool, bool, u32, usize);

impl Locals {
    fn clause(
        &mut self,
        key: &(String, usize),
        public: bool,
        plain_defp: bool,
        line: u32,
        defaults: usize,
        dc: &DefClause,
    ) {
        if !self.defs.iter().any(|d| d.0 == *key) {
            self.defs.push((key.clone(), public, plain_defp, line, defaults));
        }
        let out = self.calls.entry(key.clone()).or_default();
        for e in dc
            .params
            .iter()
            .chain(dc.guard.as_ref())
            .chain(std::iter::once(&dc.body))
        {
            local_refs(e, out);
        }
    }

    fn unused(&self) -> Vec<warn::Warning> {
        let mut reachable: HashSet<(String, usize)> = HashSet::new();
        let mut todo: Vec<(String, usize)> = self.defs.iter().filter(|d| d.1).map(|d| d.0.clone()).collect();
        while let Some(k) = todo.pop() {
            if reachable.insert(k.clone())
                && let Some(next) = self.calls.get(&k)
            {
                todo.extend(next.iter().filter(|n| !reachable.contains(*n)).cloned());
            }
        }
        let mut out: Vec<((String, usize), warn::Warning)> = Vec::new();
        for ((name, arity), _, _, line, defaults) in self.defs.iter().filter(|d| !d.1 && d.2) {
            let min = arity.saturating_sub(*defaults);
            let lowest = (min..=*arity).find(|a| reachable.contains(&(name.clone(), *a)));
            let message = match lowest {
                None => format!("function {name}/{arity} is unused"),
                Some(a) if a == min => continue,
                Some(a) if a == *arity => {
                    format!("default values for the optional arguments in {name}/{arity} are never used")
                }
                Some(1) => format!("the default value for the first optional argument in {name}/{arity} is never used"),
                Some(a) => {
                    format!("the default values for the first {a} optional arguments in {name}/{arity} are never used")
                }
            };
            let w = warn::Warning {
                line: *line,
                col: None,
                context: None,
                message,
            };
            out.push(((name.clone(), *arity), w));
        }
        out.sort_by(|a, b| a.0.cmp(&b.0));
        out.into_iter().map(|(_, w)| w).collect()
    }
}

/// The local functions `e` may call (see [`Locals`]).
fn local_refs(e: &Expr, out: &mut HashSet<(String, usize)>) {
    let parts = |ps: &[crate::syntax::ast::StrPart], out: &mut HashSet<(String, usize)>| {
        for p in ps {
            if let crate::syntax::ast::StrPart::Interp(x) = p {
                local_refs(x, out);
            }
        }
    };
    let stab = |cs: &[crate::syntax::ast::StabClause], out: &mut HashSet<(String, usize)>| {
        for c in cs {
            for x in c.params.iter().chain(c.guard.as_ref()).chain(std::iter::once(&c.body)) {
                local_refs(x, out);
            }
        }
    };
    match &e.kind {
        ExprKind::Int(_)
        | ExprKind::BigInt(_)
        | ExprKind::Float(_)
        | ExprKind::Atom(_)
        | ExprKind::Alias(_)
        | ExprKind::CaptureArg(_) => {}
        ExprKind::Var(v) => {
            out.insert((v.clone(), 0));
        }
        ExprKind::Str(ps) | ExprKind::Charlist(ps) | ExprKind::Sigil { parts: ps, .. } => parts(ps, out),
        ExprKind::Tuple(xs) | ExprKind::Block(xs) | ExprKind::Bitstring(xs) => {
            xs.iter().for_each(|x| local_refs(x, out))
        }
        ExprKind::List { items, tail } => items.iter().chain(tail.as_deref()).for_each(|x| local_refs(x, out)),
        ExprKind::Map { base, pairs } => {
            base.iter().for_each(|x| local_refs(x, out));
            pairs.iter().for_each(|(k, v)| {
                local_refs(k, out);
                local_refs(v, out);
            });
        }
        ExprKind::Struct { name, base, pairs } => {
            local_refs(name, out);
            base.iter().for_each(|x| local_refs(x, out));
            pairs.iter().for_each(|(k, v)| {
                local_refs(k, out);
                local_refs(v, out);
            });
        }
        ExprKind::Unary(_, x) => local_refs(x, out),
        ExprKind::Binary(op, a, b) => {
            // `&helper/2`
            if *op == BinOp::Div
                && let ExprKind::Int(n) = b.kind
            {
                match &a.kind {
                    ExprKind::Var(name) => {
                        out.insert((name.clone(), n.max(0) as usize));
                    }
                    ExprKind::Call {
                        target: CallTarget::Local(name),
                        ..
                    } => {
                        out.insert((name.clone(), n.max(0) as usize));
                    }
                    _ => {}
                }
            }
            local_refs(a, out);
            local_refs(b, out);
        }
        ExprKind::Call { target, args, .. } => {
            match target {
                CallTarget::Local(name) => {
                    out.insert((name.clone(), args.len()));
                    out.insert((name.clone(), args.len() + 1));
                }
                CallTarget::Remote(x, _) | CallTarget::Anon(x) => local_refs(x, out),
            }
            args.iter().for_each(|x| local_refs(x, out));
        }
        ExprKind::Access(a, b) => {
            local_refs(a, out);
            local_refs(b, out);
        }
        ExprKind::Fn(cs) | ExprKind::Stab(cs) => stab(cs, out),
    }
}

fn body_items(e: &Expr) -> Vec<&Expr> {
    match &e.kind {
        ExprKind::Block(items) => items.iter().collect(),
        _ => vec![e],
    }
}

/// Splits `def head, do: body` into its parts.
fn def_clause(e: &Expr) -> Option<CResult<DefClause>> {
    let ExprKind::Call {
        target: CallTarget::Local(kind),
        args,
        ..
    } = &e.kind
    else {
        return None;
    };
    let public = match kind.as_str() {
        "def" | "defguard" => true,
        "defp" | "defguardp" => false,
        _ => return None,
    };
    let line = e.span.line;
    let bad = |m: &str| {
        Some(Err(CompileError {
            line,
            message: m.to_string(),
            ..Default::default()
        }))
    };
    let (head, kwl) = match args.as_slice() {
        [h, k] => (h, Some(k)),
        [h] => (h, None),
        _ => return bad("invalid def"),
    };
    let (head, guard) = match &head.kind {
        ExprKind::Binary(BinOp::When, h, g) => (&**h, Some((**g).clone())),
        _ => (head, None),
    };
    if kind.starts_with("defguard") {
        // `defguard name(args) when expr`: a function whose body is the guard expression.
        let (
            Some(body),
            ExprKind::Call {
                target: CallTarget::Local(n),
                args,
                ..
            },
        ) = (guard, &head.kind)
        else {
            return bad("invalid defguard");
        };
        return Some(Ok(DefClause {
            name: n.clone(),
            public,
            params: args.clone(),
            guard: None,
            body,
            line,
        }));
    }
    let (name, params) = match &head.kind {
        ExprKind::Call {
            target: CallTarget::Local(n),
            args,
            ..
        } => (n.clone(), args.clone()),
        ExprKind::Var(n) => (n.clone(), vec![]),
        _ => return bad("invalid function head"),
    };
    let Some(kwl) = kwl else {
        // A bodiless head (for default arguments): no clause.
        return Some(Ok(DefClause {
            name,
            public,
            params,
            guard,
            body: Expr::new(ExprKind::Block(vec![]), e.span),
            line: 0,
        }));
    };
    let body = match super::compile::call_kw(kwl, "do") {
        Some(b) => {
            let has_try = ["rescue", "catch", "after"]
                .iter()
                .any(|k| super::compile::call_kw(kwl, k).is_some());
            if has_try {
                // `def f do ... rescue ... end` is a `try` around the body.
                let span = e.span;
                Expr::new(
                    ExprKind::Call {
                        target: CallTarget::Local("try".into()),
                        args: vec![kwl.clone()],
                        parens: false,
                    },
                    span,
                )
            } else {
                b.clone()
            }
        }
        None => return bad("missing :do option in \"def\""),
    };
    Some(Ok(DefClause {
        name,
        public,
        params,
        guard,
        body,
        line,
    }))
}

/// The number of `\\` defaults among the parameters.
fn defaults(params: &[Expr]) -> usize {
    params
        .iter()
        .filter(|p| matches!(p.kind, ExprKind::Binary(BinOp::Default, _, _)))
        .count()
}

fn strip_default(p: &Expr) -> &Expr {
    match &p.kind {
        ExprKind::Binary(BinOp::Default, p, _) => p,
        _ => p,
    }
}

/// Runs a `defmodule`: returns `{:module, Name, binary, last}`.
pub fn define(proc: &mut Proc, def: &ModuleDef) -> R<Term> {
    if !crate::stdlib::otp::is_source(&def.outer.file) {
        crate::runtime::module_defined();
    }
    let compile_err = |e: CompileError| ex::compile_error::<Term>(&e, &def.outer.file);
    // A module the user defined before (not one this runtime ships).
    if let Some(old) = code::module(def.name)
        && !crate::stdlib::otp::is_source(&old.file)
    {
        let w = warn::Warning {
            line: def.line,
            col: None,
            context: None,
            message: format!(
                "redefining module {} (current version defined in memory)",
                ex::module_name(def.name)
            ),
        };
        crate::runtime::io::err(&w.render(&def.outer.file));
    }
    // A protocol's body is rewritten; an implementation gets `__impl__/1`
    // after its own items, which give the result.
    let mut protocol_info = None;
    let (generated, keep_last) = match def.kind {
        ModuleKind::Plain => (Vec::new(), None),
        ModuleKind::Protocol => match super::protocol::protocol_body(def) {
            Ok((items, info)) => {
                protocol_info = Some(info);
                (items, None)
            }
            Err(e) => return compile_err(e),
        },
        ModuleKind::Impl {
            protocol,
            for_,
            derived_from,
        } => {
            let info = super::protocol::assert_protocol(protocol, "")?;
            protocol_info = Some(info);
            let target = derived_from.unwrap_or(def.name);
            match super::protocol::impl_functions(protocol, for_, target, def.line) {
                Ok(items) => (items, Some(body_items(&def.body).len())),
                Err(e) => return compile_err(e),
            }
        }
    };
    let mut items: Vec<&Expr> = match def.kind {
        ModuleKind::Protocol => generated.iter().collect(),
        _ => body_items(&def.body).into_iter().chain(generated.iter()).collect(),
    };
    // `use GenServer` and the like: the functions the behaviour gives that
    // the module does not define itself, from Elixir's file.
    let mut defined = HashSet::new();
    for it in &items {
        if let Some(Ok(dc)) = def_clause(it) {
            defined.insert((dc.name.clone(), dc.params.len()));
        }
    }
    let injected = crate::stdlib::otp::using_items(&items, &defined, def.name, &def.outer.file, def.line);
    let injected_from = items.len();
    let keep_last = match keep_last {
        None if !injected.is_empty() => Some(items.len()),
        k => k,
    };
    items.extend(injected.iter().map(|(e, _)| e));
    // Pass 1: every function head, so calls can resolve to functions defined later.
    let mut locals = HashSet::new();
    for it in &items {
        if let Some(Ok(dc)) = def_clause(it) {
            let n = dc.params.len();
            for a in n - defaults(&dc.params)..=n {
                locals.insert((dc.name.clone(), a));
            }
        }
    }
    let mut c = def.outer.clone();
    c.module = Some(ModuleScope {
        name: def.name,
        locals,
        attrs: Default::default(),
        attrs_read: Default::default(),
    });
    c.context = format!("{}.__MODULE__/0", ex::module_name(def.name));
    let mut c = c.for_function(c.context.clone());
    if let ModuleKind::Impl { protocol, for_, .. } = def.kind
        && let Some(m) = c.module.as_mut()
    {
        m.attrs.insert("protocol".into(), Term::Atom(protocol));
        m.attrs.insert("for".into(), Term::Atom(for_));
    }
    // `@derive` accumulates until `defstruct` uses it.
    let mut derives: Vec<Term> = Vec::new();
    let mut user_last = None;
    // Pass 2: run the body in order, compiling each clause where it stands,
    // so it sees the attribute values set before it.
    let mut order: Vec<(String, usize)> = Vec::new();
    let mut funs: std::collections::HashMap<(String, usize), Pending> = Default::default();
    let mut info = ModuleInfo {
        name: Some(def.name),
        file: def.outer.file.clone(),
        ..Default::default()
    };
    let mut last = Term::NIL;
    let mut frame: Vec<Term> = Vec::new();
    let mut erl_warnings = Vec::new();
    let mut deprecated_calls = Vec::new();
    let mut locals = Locals::default();
    // The module's own attributes in the order first set, with the line last set.
    let mut attrs_set: Vec<(String, u32)> = Vec::new();
    // Where each function was first defined, and which was defined last.
    let mut first_defined: HashMap<(String, usize), (String, u32)> = HashMap::new();
    let mut last_defined: Option<(String, usize)> = None;
    for (idx, it) in items.into_iter().enumerate() {
        if Some(idx) == keep_last {
            user_last = Some(last.clone());
        }
        if let Some(dc) = def_clause(it) {
            let dc = match dc {
                Ok(d) => d,
                Err(e) => return compile_err(e),
            };
            let key = (dc.name.clone(), dc.params.len());
            last = Term::tuple(vec![Term::atom(&dc.name), Term::Int(key.1 as i64)]);
            let plain_defp = matches!(&it.kind, ExprKind::Call { target: CallTarget::Local(k), .. } if k == "defp");
            locals.clause(&key, dc.public, plain_defp, dc.line, defaults(&dc.params), &dc);
            if let Some((_, file)) = idx.checked_sub(injected_from).and_then(|i| injected.get(i)) {
                if let Err(e) = add_clause(&c, def.name, &mut funs, &mut order, key.clone(), dc) {
                    return compile_err(e);
                }
                if let Some(f) = funs.get_mut(&key) {
                    f.file = Some(file.clone());
                }
                continue;
            }
            // Default arguments: generate the shorter arities.
            let nd = defaults(&dc.params);
            for k in 0..nd {
                let arity = key.1 - nd + k;
                let kk = (dc.name.clone(), arity);
                if funs.contains_key(&kk) {
                    continue;
                }
                let (params, call_args) = default_wrapper(&dc.params, k);
                let body = Expr::new(
                    ExprKind::Call {
                        target: CallTarget::Local(dc.name.clone()),
                        args: call_args,
                        parens: true,
                    },
                    it.span,
                );
                let wrapper = DefClause {
                    params,
                    guard: None,
                    body,
                    line: it.span.line,
                    ..dc.clone()
                };
                if let Err(e) = add_clause(&c, def.name, &mut funs, &mut order, kk, wrapper) {
                    return compile_err(e);
                }
            }
            if dc.line == 0 {
                continue;
            }
            let ws = clause_warnings(&c, def.name, &dc);
            let line = dc.line;
            let dc = DefClause {
                params: dc.params.iter().map(|p| strip_default(p).clone()).collect(),
                ..dc
            };
            // A clause that fails to compile ends before its warnings.
            if let Err(e) = add_clause(&c, def.name, &mut funs, &mut order, key.clone(), dc) {
                return compile_err(e);
            }
            for w in &ws.elixir {
                crate::runtime::io::err(&w.render(&def.outer.file));
            }
            let kind = match &it.kind {
                ExprKind::Call {
                    target: CallTarget::Local(k),
                    ..
                } => k.clone(),
                _ => "def".into(),
            };
            if let Some(w) = ungrouped(&mut first_defined, &mut last_defined, &key, kind, line, &def.outer.file) {
                crate::runtime::io::err(&w.render(&def.outer.file));
            }
            erl_warnings.extend(ws.erlang);
            deprecated_calls.extend(ws.deprecated);
            continue;
        }
        match &it.kind {
            ExprKind::Unary(UnaryOp::At, a) => {
                if let ExprKind::Call {
                    target: CallTarget::Local(name),
                    args,
                    ..
                } = &a.kind
                    && let [v] = args.as_slice()
                {
                    // Typespecs and callbacks are documentation here: accepted, not evaluated.
                    if matches!(
                        name.as_str(),
                        "spec" | "type" | "typep" | "opaque" | "callback" | "macrocallback"
                    ) {
                        continue;
                    }
                    let node = c.expr(v).or_else(|e| compile_err(e).map(|_| unreachable_node()))?;
                    grow(&mut frame, c.slots());
                    let val = proc.eval(&node, &mut frame)?;
                    if name == "derive" {
                        match &val {
                            Term::EmptyList | Term::Cons(_) => derives.extend(val.iter_list().cloned()),
                            _ => derives.push(val),
                        }
                        continue;
                    }
                    if let Some(m) = c.module.as_mut() {
                        m.attrs.insert(name.clone(), val);
                    }
                    if !RESERVED_ATTRIBUTES.contains(&name.as_str()) {
                        match attrs_set.iter_mut().find(|(n, _)| n == name) {
                            Some(set) => set.1 = it.span.line,
                            None => attrs_set.push((name.clone(), it.span.line)),
                        }
                    }
                    continue;
                }
            }
            ExprKind::Call {
                target: CallTarget::Local(k),
                args,
                ..
            } if k == "defstruct" || k == "defexception" => {
                let node = match args.first() {
                    Some(a) => c.expr(a).or_else(|e| compile_err(e).map(|_| unreachable_node()))?,
                    None => super::ir::Node::Lit(Term::EmptyList),
                };
                grow(&mut frame, c.slots());
                let v = proc.eval(&node, &mut frame)?;
                let mut fields = Vec::new();
                for item in v.iter_list() {
                    match item {
                        Term::Atom(a) => fields.push((*a, Term::NIL)),
                        Term::Tuple(t) if t.len() == 2 && t[0].as_atom().is_some() => {
                            fields.push((t[0].as_atom().unwrap_or(Atom::NIL), t[1].clone()))
                        }
                        _ => return ex::argument_error("struct fields must be atoms or keyword pairs"),
                    }
                }
                if k == "defexception" {
                    info.exception = true;
                    fields.insert(0, (Atom::EXCEPTION, Term::TRUE));
                }
                let names: Vec<Atom> = fields
                    .iter()
                    .map(|(k, _)| *k)
                    .filter(|k| *k != Atom::EXCEPTION)
                    .collect();
                crate::term::inspect::register_struct(def.name, &names);
                info.struct_fields = Some(fields);
                // Make the struct usable by the module's own code right away.
                code::install_struct(def.name, info.struct_fields.clone().unwrap_or_default(), info.exception);
                for d in std::mem::take(&mut derives) {
                    super::protocol::derive(proc, &d, def.name, &names, &def.outer, it.span.line)?;
                }
                continue;
            }
            ExprKind::Call {
                target: CallTarget::Local(k),
                ..
            } if k == "use" => {
                crate::stdlib::use_behaviour(&mut c, it)?;
                continue;
            }
            _ => {}
        }
        let node = c.expr(it).or_else(|e| compile_err(e).map(|_| unreachable_node()))?;
        grow(&mut frame, c.slots());
        last = proc.eval(&node, &mut frame)?;
    }
    if info.exception && !funs.contains_key(&("exception".to_string(), 1)) {
        // `defexception` gives `exception/1`, building the struct from a message or fields.
        let span = def.body.span;
        let var = |n: &str| Expr::new(ExprKind::Var(n.into()), span);
        let body = Expr::new(
            ExprKind::Call {
                target: CallTarget::Remote(
                    Box::new(Expr::new(ExprKind::Alias(vec!["Kernel".into()]), span)),
                    "__exception__".into(),
                ),
                args: vec![
                    Expr::new(ExprKind::Atom(def.name.name().to_string()), span),
                    var("fields"),
                ],
                parens: true,
            },
            span,
        );
        let dc = DefClause {
            name: "exception".into(),
            public: true,
            params: vec![var("fields")],
            guard: None,
            body,
            line: def.line,
        };
        if let Err(e) = add_clause(&c, def.name, &mut funs, &mut order, ("exception".into(), 1), dc) {
            return compile_err(e);
        }
    }
    // `__info__/1`, for what it tells of functions and the module's name.
    if !funs.contains_key(&("__info__".to_string(), 1)) {
        let span = def.body.span;
        let mut public: Vec<(String, usize)> = funs.iter().filter(|(_, f)| f.public).map(|(k, _)| k.clone()).collect();
        public.sort();
        let lit = |k: ExprKind| Expr::new(k, span);
        let functions = public
            .into_iter()
            .map(|(n, a)| {
                lit(ExprKind::Tuple(vec![
                    lit(ExprKind::Atom(n)),
                    lit(ExprKind::Int(a as i64)),
                ]))
            })
            .collect();
        let answers = [
            (
                "functions",
                ExprKind::List {
                    items: functions,
                    tail: None,
                },
            ),
            (
                "macros",
                ExprKind::List {
                    items: vec![],
                    tail: None,
                },
            ),
            ("module", ExprKind::Atom(def.name.name().to_string())),
        ];
        for (kind, answer) in answers {
            let dc = DefClause {
                name: "__info__".into(),
                public: true,
                params: vec![lit(ExprKind::Atom(kind.into()))],
                guard: None,
                body: lit(answer),
                line: def.line,
            };
            if let Err(e) = add_clause(&c, def.name, &mut funs, &mut order, ("__info__".into(), 1), dc) {
                return compile_err(e);
            }
        }
    }
    // Elixir's warnings for private functions no public one reaches, then
    // for attributes set and never read (the latest set first).
    for w in locals.unused() {
        crate::runtime::io::err(&w.render(&def.outer.file));
    }
    if let Some(m) = &c.module {
        let read = m.attrs_read.lock().unwrap_or_else(|e| e.into_inner()).clone();
        for (name, line) in attrs_set.iter().rev().filter(|(n, _)| !read.contains(n)) {
            let w = warn::Warning {
                line: *line,
                col: None,
                context: None,
                message: format!("module attribute @{name} was set but never used"),
            };
            crate::runtime::io::err(&w.render(&def.outer.file));
        }
    }
    // The Erlang compiler's warnings come once the whole module is compiled.
    for w in warn::sort_erlang(erl_warnings) {
        crate::runtime::io::err(&w.render(&def.outer.file));
    }
    let mut defs = Vec::new();
    for key in order {
        let Some(f) = funs.remove(&key) else { continue };
        defs.push(FunDef {
            module: def.name,
            name: Atom::new(&key.0),
            arity: key.1,
            public: f.public,
            clauses: f.clauses,
            slots: f.compiler.slots(),
            file: f.file.clone().unwrap_or_else(|| def.outer.file.clone()),
            line: f.line,
        });
    }
    let mut exports: Vec<(Atom, usize)> = defs
        .iter()
        .filter(|d| d.public && &*d.name.name() != "__info__")
        .map(|d| (d.name, d.arity))
        .collect();
    exports.sort_by(|a, b| a.0.name().cmp(&b.0.name()).then(a.1.cmp(&b.1)));
    info.exports = exports;
    let exports = info.exports.clone();
    code::install(info, defs);
    if let Some(l) = user_last {
        last = l;
    }
    match (def.kind, protocol_info) {
        (ModuleKind::Protocol, Some(pi)) => super::protocol::register_protocol(def.name, pi),
        (
            ModuleKind::Impl {
                protocol,
                for_,
                derived_from,
            },
            Some(pi),
        ) => {
            super::protocol::register_impl(protocol, for_, derived_from.unwrap_or(def.name));
            if derived_from.is_none() {
                // `@behaviour protocol`: each function it lacks is warned about.
                for (f, a) in super::protocol::missing_functions(&pi, &exports) {
                    let w = warn::Warning {
                        line: def.line,
                        col: None,
                        context: Some(format!("{} (module)", ex::module_name(def.name))),
                        message: format!(
                            "function {}/{a} required by protocol {} is not implemented (in module {})",
                            ex::fun_name(f),
                            ex::module_name(protocol),
                            ex::module_name(def.name)
                        ),
                    };
                    crate::runtime::io::err(&w.render(&def.outer.file));
                }
            }
        }
        _ => {}
    }
    // The module checker's, once it is compiled.
    warn::deprecated::emit(&warn::deprecated::render(deprecated_calls, &def.outer.file));
    Ok(Term::tuple(vec![
        Term::atom("module"),
        Term::Atom(def.name),
        beam_like(def.name),
        last,
    ]))
}

fn unreachable_node() -> super::ir::Node {
    super::ir::Node::Lit(Term::NIL)
}

fn grow(frame: &mut Vec<Term>, n: usize) {
    if frame.len() < n {
        frame.resize(n, Term::NIL);
    }
}

/// The parameters and call arguments of the wrapper for arity `required + k`.
fn default_wrapper(params: &[Expr], k: usize) -> (Vec<Expr>, Vec<Expr>) {
    let mut taken_defaults = 0;
    let mut ps = Vec::new();
    let mut args = Vec::new();
    for (i, p) in params.iter().enumerate() {
        match &p.kind {
            ExprKind::Binary(BinOp::Default, _, d) if taken_defaults >= k => args.push((**d).clone()),
            _ => {
                if matches!(p.kind, ExprKind::Binary(BinOp::Default, _, _)) {
                    taken_defaults += 1;
                }
                let v = Expr::new(ExprKind::Var(format!("x{i}")), p.span);
                ps.push(v.clone());
                args.push(v);
            }
        }
    }
    (ps, args)
}

/// The start of a BEAM file's bytes, as `defmodule` returns in Elixir.
fn beam_like(name: Atom) -> Term {
    let mut b = b"FOR1\0\0\x07\x68BEAMAtU8\0\0\0\xd5\0\0\0\x16".to_vec();
    let n = name.name();
    b.push(n.len().min(255) as u8);
    b.extend_from_slice(n.as_bytes());
    Term::bytes(&b)
}
