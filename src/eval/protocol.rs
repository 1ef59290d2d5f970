//! Protocols: `defprotocol`, `defimpl`, `@derive`, and dispatch on the type
//! of the first argument.
//!
//! A protocol is a module like any other, written out as Elixir 1.14 writes
//! it (not consolidated): each `def name(args)` of its body becomes a
//! function that asks `impl_for!/1` for the implementation and calls it in
//! tail position, and `impl_for/1`, `impl_for!/1` and `__protocol__/1` are
//! added. An implementation is the module `Protocol.Type` with `__impl__/1`.
//! Both are expanded here into ordinary module bodies that `module::define`
//! runs, so their functions, stack frames and errors are the module system's.
//!
//! Which module implements a protocol for a type is kept in one table,
//! filled when an implementation is installed: `(protocol, for)` to the
//! module to call (`__impl__(:target)`; a derived implementation's is the
//! protocol's `Any`). Dispatch looks a struct up by its module and anything
//! else by its built-in type (`Integer`, `List`, ...), then, with
//! `@fallback_to_any true`, `Any`. The builtins that go through Elixir's own
//! protocols (`to_string`, interpolation, `inspect`, `Enum`) ask
//! [`struct_impl`] for a user implementation only for a struct, so values
//! without one cost nothing more.
//!
//! **Invariants:** a protocol function's frame is named after the protocol
//! and an implementation's after its module (`Size.Map.size/1`), as on the
//! BEAM; the table only grows or is overwritten by a newer implementation,
//! as loading a module replaces the older one.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, LazyLock, RwLock};

use super::compile::{CResult, CompileError, Compiler};
use super::exception::{self as ex, R};
use super::exec::Proc;
use super::ir::Node;
use super::module::{ModuleDef, ModuleKind};
use crate::syntax::ast::{CallTarget, Expr, ExprKind, UnaryOp};
use crate::term::{Atom, Term};

/// `(protocol, for)` → the module implementing it.
static IMPLS: LazyLock<RwLock<HashMap<(Atom, Atom), Atom>>> = LazyLock::new(Default::default);
/// The protocols defined by user code: their functions (sorted) and `@fallback_to_any`.
static PROTOCOLS: LazyLock<RwLock<HashMap<Atom, ProtocolInfo>>> = LazyLock::new(Default::default);
/// Whether any implementation of one of Elixir's own protocols was defined.
static USER_BUILTIN_IMPLS: AtomicBool = AtomicBool::new(false);

#[derive(Clone, Debug)]
pub struct ProtocolInfo {
    pub functions: Vec<(Atom, usize)>,
    pub fallback: bool,
}

/// A protocol's name, its functions, and whether it falls back to `Any`.
type BuiltinProtocol = (&'static str, &'static [(&'static str, usize)], bool);

/// Elixir's own protocols.
const BUILTIN: &[BuiltinProtocol] = &[
    ("Collectable", &[("into", 1)], false),
    (
        "Enumerable",
        &[("count", 1), ("member?", 2), ("reduce", 3), ("slice", 1)],
        false,
    ),
    ("Inspect", &[("inspect", 2)], true),
    ("List.Chars", &[("to_charlist", 1)], false),
    ("String.Chars", &[("to_string", 1)], false),
];

fn builtin_protocol(p: Atom) -> Option<ProtocolInfo> {
    let name = p.alias_name()?;
    let (_, funs, fallback) = BUILTIN.iter().find(|(n, _, _)| *n == name)?;
    Some(ProtocolInfo {
        functions: funs.iter().map(|(f, a)| (Atom::new(f), *a)).collect(),
        fallback: *fallback,
    })
}

/// What is known of a protocol, user-defined or Elixir's.
pub fn protocol_info(p: Atom) -> Option<ProtocolInfo> {
    if let Some(i) = PROTOCOLS.read().unwrap_or_else(|e| e.into_inner()).get(&p) {
        return Some(i.clone());
    }
    builtin_protocol(p)
}

/// The built-in types `for:` may name.
const BUILTIN_TYPES: &[&str] = &[
    "Integer",
    "Float",
    "Atom",
    "BitString",
    "List",
    "Tuple",
    "Map",
    "PID",
    "Port",
    "Reference",
    "Function",
];

/// The name `for:` gives a value: its struct's module or its built-in type.
pub fn type_of(v: &Term) -> Atom {
    static TYPES: LazyLock<HashMap<&'static str, Atom>> =
        LazyLock::new(|| BUILTIN_TYPES.iter().map(|t| (*t, Atom::alias(t))).collect());
    match v.struct_name() {
        Some(s) => s,
        None => {
            let t = crate::stdlib::kernel::type_name(v);
            TYPES.get(t).copied().unwrap_or_else(|| Atom::alias(t))
        }
    }
}

/// `for_` itself when it names a built-in type (`Integer`, `List`, ...).
fn type_of_name(for_: Atom) -> Atom {
    match for_.alias_name() {
        Some(n) if BUILTIN_TYPES.contains(&n.as_str()) => for_,
        _ => Atom::NIL,
    }
}

fn lookup(protocol: Atom, for_: Atom) -> Option<Atom> {
    IMPLS
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .get(&(protocol, for_))
        .copied()
}

/// `Protocol.impl_for(value)`: the implementation for the value's type, else
/// `Any`'s when the protocol falls back to it, else none. A fallback to an
/// `Any` that was never implemented fails as Elixir's `Any.__impl__/1` call does.
pub fn impl_for(protocol: Atom, v: &Term, fallback: bool) -> R<Option<Atom>> {
    if let Some(m) = lookup(protocol, type_of(v)) {
        return Ok(Some(m));
    }
    if !fallback {
        return Ok(None);
    }
    match lookup(protocol, any()) {
        Some(m) => Ok(Some(m)),
        None => Err(ex::undefined_call(
            concat(protocol, any()),
            Atom::new("__impl__"),
            vec![Term::atom("target")],
        )),
    }
}

/// The user's implementation of one of Elixir's own protocols for a struct
/// (`String.Chars` for `%Point{}`), if there is one.
#[inline]
pub fn struct_impl(protocol: Atom, v: &Term) -> Option<Atom> {
    if !USER_BUILTIN_IMPLS.load(Ordering::Relaxed) {
        return None;
    }
    lookup(protocol, v.struct_name()?)
}

/// Whether `struct_impl` could find anything: a user implemented one of
/// Elixir's protocols.
#[inline]
pub fn any_struct_impls() -> bool {
    USER_BUILTIN_IMPLS.load(Ordering::Relaxed)
}

fn any() -> Atom {
    Atom::alias("Any")
}

/// `Module.concat(a, b)`.
pub fn concat(a: Atom, b: Atom) -> Atom {
    let name = |m: Atom| m.alias_name().unwrap_or_else(|| m.name().to_string());
    Atom::alias(&format!("{}.{}", name(a), name(b)))
}

/// Records an installed implementation.
pub fn register_impl(protocol: Atom, for_: Atom, target: Atom) {
    // Only a struct's implementation is looked for by the builtins.
    let builtin_type = for_ == any() || for_ == type_of_name(for_);
    if builtin_protocol(protocol).is_some() && !builtin_type {
        USER_BUILTIN_IMPLS.store(true, Ordering::Relaxed);
        if protocol == Atom::alias("Inspect") {
            crate::term::inspect::set_user_inspect(crate::stdlib::algebra::user_inspect, true);
        }
    }
    IMPLS
        .write()
        .unwrap_or_else(|e| e.into_inner())
        .insert((protocol, for_), target);
}

/// Records an installed protocol.
pub fn register_protocol(name: Atom, info: ProtocolInfo) {
    PROTOCOLS.write().unwrap_or_else(|e| e.into_inner()).insert(name, info);
}

// ---------------------------------------------------------------------------
// Compiling `defprotocol` and `defimpl`

/// `defprotocol Name do ... end`: a module whose body is expanded when it runs.
pub fn defprotocol(c: &mut Compiler, name: Atom, body: &Expr, line: u32) -> Node {
    c.context_modules.push(name);
    Node::DefModule(Arc::new(ModuleDef {
        name,
        body: body.clone(),
        outer: c.clone(),
        line,
        kind: ModuleKind::Protocol,
    }))
}

fn compile_err<T>(line: u32, message: impl Into<String>) -> CResult<T> {
    Err(CompileError {
        line,
        message: message.into(),
        ..Default::default()
    })
}

/// `defimpl Protocol, for: Type do ... end` (`for:` a list makes one
/// module per type, and the result is their list; inside a module, `for:`
/// defaults to it).
pub fn defimpl(c: &mut Compiler, args: &[Expr], line: u32) -> CResult<Node> {
    let protocol = match args.first().map(|a| &a.kind) {
        Some(ExprKind::Alias(segs)) => c.alias(segs),
        Some(ExprKind::Atom(a)) => Atom::new(a),
        _ => return compile_err(line, "invalid protocol given to defimpl"),
    };
    let mut for_: Option<&Expr> = None;
    let mut body: Option<&Expr> = None;
    for a in &args[1..] {
        let Some(pairs) = super::compile::kw_pairs(a) else {
            return compile_err(line, "defimpl expects a do-end block");
        };
        for (k, v) in pairs {
            match k {
                "for" => for_ = Some(v),
                "do" => body = Some(v),
                _ => {
                    return Err(CompileError {
                        line,
                        message: format!("unknown options given to defimpl, got: [{k}: ...]"),
                        exception: Some("ArgumentError"),
                        ..Default::default()
                    });
                }
            }
        }
    }
    let Some(body) = body else {
        return Err(CompileError {
            line,
            message: "defimpl expects a do-end block".into(),
            exception: Some("ArgumentError"),
            ..Default::default()
        });
    };
    let one = |c: &Compiler, e: &Expr| -> CResult<Atom> {
        match &e.kind {
            ExprKind::Alias(segs) => Ok(c.alias(segs)),
            ExprKind::Atom(a) => Ok(Atom::new(a)),
            ExprKind::Var(v) if v == "__MODULE__" => c.module.as_ref().map(|m| m.name).ok_or_else(|| CompileError {
                line,
                message: "invalid :for given to defimpl".into(),
                ..Default::default()
            }),
            _ => compile_err(line, "invalid :for given to defimpl"),
        }
    };
    let (fors, many) = match for_ {
        None => match &c.module {
            Some(m) => (vec![m.name], false),
            None => {
                return Err(CompileError {
                    line,
                    message: "defimpl/3 expects a :for option when declared outside a module".into(),
                    exception: Some("ArgumentError"),
                    ..Default::default()
                });
            }
        },
        Some(Expr {
            kind: ExprKind::List { items, tail: None },
            ..
        }) => (items.iter().map(|i| one(c, i)).collect::<CResult<Vec<_>>>()?, true),
        Some(e) => (vec![one(c, e)?], false),
    };
    let mut nodes = Vec::new();
    for f in fors {
        let name = concat(protocol, f);
        c.context_modules.push(name);
        nodes.push(Node::DefModule(Arc::new(ModuleDef {
            name,
            body: body.clone(),
            outer: c.clone(),
            line,
            kind: ModuleKind::Impl {
                protocol,
                for_: f,
                derived_from: None,
            },
        })));
    }
    Ok(if many {
        Node::List(nodes, None)
    } else {
        nodes.pop().unwrap_or(Node::Lit(Term::NIL))
    })
}

/// The items of a module body.
fn body_items(e: &Expr) -> Vec<&Expr> {
    match &e.kind {
        ExprKind::Block(items) => items.iter().collect(),
        _ => vec![e],
    }
}

/// Parses code written here and places every node of it on `line`.
fn template(src: &str, line: u32) -> CResult<Vec<Expr>> {
    let mut exprs = crate::syntax::parse_program(src).map_err(|e| CompileError {
        line,
        message: format!("internal error in generated code: {e:?}"),
        ..Default::default()
    })?;
    for e in &mut exprs {
        reline(e, line);
    }
    Ok(exprs)
}

fn reline(e: &mut Expr, line: u32) {
    e.span.line = line;
    match &mut e.kind {
        ExprKind::Fn(cs) | ExprKind::Stab(cs) => {
            for c in cs {
                c.span.line = line;
                c.params.iter_mut().for_each(|p| reline(p, line));
                if let Some(g) = &mut c.guard {
                    reline(g, line);
                }
                reline(&mut c.body, line);
            }
        }
        _ => super::compile::for_each_child_mut(e, &mut |c| reline(c, line)),
    }
}

/// An atom as code that reads back as that atom whatever the aliases.
fn atom_code(a: Atom) -> String {
    format!(":{:?}", &*a.name())
}

/// A protocol's `def name(args)`: its name and arity.
fn protocol_def(e: &Expr) -> Option<(&Expr, Option<&Expr>)> {
    let ExprKind::Call {
        target: CallTarget::Local(k),
        args,
        ..
    } = &e.kind
    else {
        return None;
    };
    if k != "def" {
        return None;
    }
    match args.as_slice() {
        [head] => Some((head, None)),
        [head, body] => Some((head, Some(body))),
        _ => None,
    }
}

/// The body `defprotocol` runs: its own items, each `def` made a function
/// that dispatches, then `impl_for/1`, `impl_for!/1` and `__protocol__/1`.
pub fn protocol_body(def: &ModuleDef) -> CResult<(Vec<Expr>, ProtocolInfo)> {
    let mut out = Vec::new();
    let mut functions = Vec::new();
    let mut fallback = false;
    let module = ex::module_name(def.name);
    for it in body_items(&def.body) {
        let line = it.span.line;
        if let Some((head, body)) = protocol_def(it) {
            if body.is_some() {
                return compile_err(line, "undefined function def/2 (there is no such import)");
            }
            let (name, params) = match &head.kind {
                ExprKind::Call {
                    target: CallTarget::Local(n),
                    args,
                    ..
                } => (n.clone(), args.len()),
                ExprKind::Var(n) => (n.clone(), 0),
                _ => return compile_err(line, "invalid protocol function"),
            };
            if params == 0 {
                return Err(CompileError {
                    line,
                    message: "protocol functions expect at least one argument".into(),
                    exception: Some("ArgumentError"),
                    expanding: Some((
                        "(elixir 1.14.0) expanding macro: Protocol.def/1".into(),
                        format!("{module} (module)"),
                    )),
                    ..Default::default()
                });
            }
            let vars: Vec<String> = (0..params)
                .map(|i| if i == 0 { "term".to_string() } else { format!("arg{i}") })
                .collect();
            let vars = vars.join(", ");
            let fun = crate::term::inspect::inspect_atom(Atom::new(&name));
            let fun = fun.trim_start_matches(':');
            out.extend(template(
                &format!("def {fun}({vars}), do: impl_for!(term).{fun}({vars})"),
                line,
            )?);
            functions.push((Atom::new(&name), params));
            continue;
        }
        if let ExprKind::Unary(UnaryOp::At, a) = &it.kind
            && let ExprKind::Call {
                target: CallTarget::Local(n),
                args,
                ..
            } = &a.kind
            && n == "fallback_to_any"
        {
            fallback = matches!(args.as_slice(), [Expr { kind: ExprKind::Atom(v), .. }] if v == "true");
        }
        out.push(it.clone());
    }
    functions.sort_by(|a, b| a.0.name().cmp(&b.0.name()).then(a.1.cmp(&b.1)));
    let p = atom_code(def.name);
    let listed: Vec<String> = functions
        .iter()
        .map(|(f, a)| format!("{{{}, {a}}}", atom_code(*f)))
        .collect();
    let bang = if fallback {
        "def impl_for!(data), do: impl_for(data)".to_string()
    } else {
        format!("def impl_for!(data), do: impl_for(data) || raise(Protocol.UndefinedError, protocol: {p}, value: data)")
    };
    let src = format!(
        "def impl_for(data), do: Protocol.__impl_for__({p}, data, {fallback})\n\
         {bang}\n\
         def __protocol__(:module), do: {p}\n\
         def __protocol__(:functions), do: [{}]\n\
         def __protocol__(:consolidated?), do: false\n\
         def __protocol__(:impls), do: :not_consolidated\n",
        listed.join(", ")
    );
    out.extend(template(&src, def.line)?);
    Ok((out, ProtocolInfo { functions, fallback }))
}

/// The `__impl__/1` an implementation module gets (`target` is the module
/// called: itself, or the protocol's `Any` for a derived implementation).
pub fn impl_functions(protocol: Atom, for_: Atom, target: Atom, line: u32) -> CResult<Vec<Expr>> {
    template(
        &format!(
            "def __impl__(:target), do: {}\ndef __impl__(:for), do: {}\ndef __impl__(:protocol), do: {}\n",
            atom_code(target),
            atom_code(for_),
            atom_code(protocol)
        ),
        line,
    )
}

/// `Protocol.assert_protocol!/1` as `defimpl` and `@derive` check it;
/// `extra` ends the message (`, cannot derive Size for U`).
pub fn assert_protocol(protocol: Atom, extra: &str) -> R<ProtocolInfo> {
    if let Some(i) = protocol_info(protocol) {
        return Ok(i);
    }
    let name = ex::module_name(protocol);
    let (msg, line) = if super::code::module_loaded(protocol) {
        (format!("{name} is not a protocol{extra}"), 330)
    } else {
        (
            format!("could not load module {name} due to reason :nofile{extra}"),
            323,
        )
    };
    ex::in_elixir(
        ex::argument_error(msg),
        "Protocol",
        "assert_protocol!",
        2,
        "lib/protocol.ex",
        line,
    )
}

/// After an implementation is installed: Elixir's warning for each protocol
/// function it does not define.
pub fn missing_functions(protocol: &ProtocolInfo, exports: &[(Atom, usize)]) -> Vec<(Atom, usize)> {
    protocol
        .functions
        .iter()
        .filter(|f| !exports.contains(f))
        .copied()
        .collect()
}

/// `@derive Protocol` (or `{Protocol, opts}`) for the struct `module`, when
/// its `defstruct` runs. Elixir's `Inspect` derives its own printing; any
/// other protocol gets an implementation whose target is its `Any`.
pub fn derive(proc: &mut Proc, spec: &Term, module: Atom, fields: &[Atom], outer: &Compiler, line: u32) -> R<()> {
    let (protocol, opts) = match spec {
        Term::Atom(p) => (*p, Term::EmptyList),
        Term::Tuple(t) if t.len() == 2 && t[0].as_atom().is_some() => {
            (t[0].as_atom().unwrap_or(Atom::NIL), t[1].clone())
        }
        _ => return Ok(()),
    };
    let extra = format!(
        ", cannot derive {} for {}",
        ex::module_name(protocol),
        ex::module_name(module)
    );
    if protocol == Atom::alias("Inspect") {
        return derive_inspect(module, fields, &opts);
    }
    assert_protocol(protocol, &extra)?;
    let Some(target) = lookup(protocol, any()) else {
        return ex::in_elixir(
            ex::argument_error(format!(
                "could not load module {} due to reason :nofile{extra}",
                ex::module_name(concat(protocol, any()))
            )),
            "Protocol",
            "assert_impl!",
            3,
            "lib/protocol.ex",
            354,
        );
    };
    let def = ModuleDef {
        name: concat(protocol, module),
        body: Expr::new(ExprKind::Block(vec![]), Default::default()),
        outer: outer.clone(),
        line,
        kind: ModuleKind::Impl {
            protocol,
            for_: module,
            derived_from: Some(target),
        },
    };
    super::module::define(proc, &def).map(|_| ())
}

/// `@derive {Inspect, only: [...], except: [...]}`: which fields print, as
/// `Inspect.Any.__deriving__/3` decides; all of them prints as usual.
fn derive_inspect(module: Atom, fields: &[Atom], opts: &Term) -> R<()> {
    let mut sorted: Vec<Atom> = fields.to_vec();
    sorted.sort_by_key(|a| a.name());
    let get = |k: &str| -> Option<Vec<Atom>> {
        opts.iter_list().find_map(|kv| match kv.as_tuple() {
            Some([Term::Atom(key), v]) if &*key.name() == k => Some(v.iter_list().filter_map(Term::as_atom).collect()),
            _ => None,
        })
    };
    let only = get("only");
    let except = get("except").unwrap_or_default();
    for (name, list) in [("only", only.clone().unwrap_or_default()), ("except", except.clone())] {
        let unknown: Vec<Term> = list
            .iter()
            .filter(|f| !fields.contains(f))
            .map(|f| Term::Atom(*f))
            .collect();
        if !unknown.is_empty() {
            return ex::argument_error(format!(
                "unknown fields {} in :{name} when deriving the Inspect protocol for {}",
                crate::term::inspect::inspect_default(&Term::list(unknown)),
                ex::module_name(module)
            ));
        }
    }
    let only_all = only.as_ref().is_none_or(|o| *o == sorted);
    if only_all && except.is_empty() {
        return Ok(());
    }
    let shown: Vec<Atom> = fields
        .iter()
        .filter(|f| !except.contains(f) && only.as_ref().is_none_or(|o| o.contains(f)))
        .copied()
        .collect();
    crate::term::inspect::register_derived(module, shown);
    Ok(())
}

/// `Protocol.__impl_for__(protocol, value, fallback)`, the body of a
/// protocol's `impl_for/1`.
pub fn impl_for_native(_: &mut Proc, a: &mut [Term]) -> R<Term> {
    let protocol = a[0].as_atom().unwrap_or(Atom::NIL);
    let fallback = a[2] == Term::TRUE;
    Ok(match impl_for(protocol, &a[1], fallback)? {
        Some(m) => Term::Atom(m),
        None => Term::NIL,
    })
}

/// `Protocol.assert_impl!(protocol, base)`.
pub fn assert_impl_native(_: &mut Proc, a: &mut [Term]) -> R<Term> {
    let (Some(protocol), Some(base)) = (a[0].as_atom(), a[1].as_atom()) else {
        return ex::badarg();
    };
    assert_protocol(protocol, "")?;
    if lookup(protocol, base).is_some() {
        return Ok(Term::atom("ok"));
    }
    let m = concat(protocol, base);
    let msg = if super::code::module_loaded(m) {
        format!(
            "{} is not an implementation of {}",
            ex::module_name(m),
            ex::module_name(protocol)
        )
    } else {
        format!("could not load module {} due to reason :nofile", ex::module_name(m))
    };
    ex::in_elixir(
        ex::argument_error(msg),
        "Protocol",
        "assert_impl!",
        3,
        "lib/protocol.ex",
        354,
    )
}

// ---------------------------------------------------------------------------
// `Enumerable` and `Collectable` implemented by a user's struct

/// A consumer of elements, as `stdlib::enumerable::each` pushes them.
type Consumer<'a> = dyn FnMut(&mut Proc, Term) -> R<bool> + 'a;

thread_local! {
    /// The consumers of the enumerations running on this thread through a
    /// user's `reduce/3`, by token; a slot is empty while its consumer runs.
    static CONSUMERS: std::cell::RefCell<Vec<(i64, Option<*mut Consumer<'static>>)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

static NEXT_TOKEN: std::sync::atomic::AtomicI64 = std::sync::atomic::AtomicI64::new(1);

/// Removes a consumer from the table when its enumeration ends, however it ends.
struct Registered(i64);

impl Drop for Registered {
    fn drop(&mut self) {
        CONSUMERS.with(|c| c.borrow_mut().retain(|(t, _)| *t != self.0));
    }
}

/// The reducer given to a user's `reduce/3`: `fn x, acc -> ... end` that
/// pushes `x` into the consumer registered under the token it holds and
/// answers `{:cont, acc}` or `{:halt, acc}`.
fn reducer(token: i64) -> Term {
    use super::ir::{Clause, Pat};
    static CODE: LazyLock<Arc<super::Lambda>> = LazyLock::new(|| {
        Arc::new(super::Lambda {
            arity: 2,
            index: 0,
            held: 1,
            context: "Enum.reduce/3".into(),
            clauses: vec![Clause {
                pats: vec![Pat::Any, Pat::Any],
                guard: None,
                body: Node::Native {
                    f: |p, a| step(p, a),
                    args: vec![Node::Var(0), Node::Var(1), Node::Var(2)],
                    line: 0,
                },
                line: 0,
            }],
            slots: 3,
            capture_slots: vec![2],
            file: "lib/enum.ex".into(),
            line: 0,
            pure: None,
        })
    });
    Term::Fun(Arc::new(crate::term::Fun::Closure {
        code: CODE.clone(),
        env: vec![Term::Int(token)].into_boxed_slice(),
    }))
}

/// The reducer's body: `[element, acc, token]`.
fn step(p: &mut Proc, a: &mut [Term]) -> R<Term> {
    let token = a[2].as_int().unwrap_or(0);
    let taken = CONSUMERS.with(|c| {
        c.borrow_mut()
            .iter_mut()
            .find(|(t, _)| *t == token)
            .and_then(|(_, f)| f.take())
    });
    let Some(f) = taken else {
        return ex::argument_error("the reducer of an enumeration that has ended was called");
    };
    // SAFETY: the pointer was registered by `reduce` below from a consumer
    // that outlives the registration (`Registered` removes it before
    // `reduce` returns), it is used on the thread that registered it, and it
    // is taken out of its slot while it runs, so it is never aliased.
    let r = unsafe { (*f)(p, a[0].clone()) };
    CONSUMERS.with(|c| {
        if let Some(slot) = c.borrow_mut().iter_mut().find(|(t, _)| *t == token) {
            slot.1 = Some(f);
        }
    });
    let acc = std::mem::replace(&mut a[1], Term::NIL);
    Ok(Term::tuple(vec![Term::atom(if r? { "cont" } else { "halt" }), acc]))
}

/// Enumerates a struct through its `Enumerable` implementation `m`: its
/// `reduce/3` with `{:cont, acc}` and a reducer that feeds `f`.
pub fn reduce(p: &mut Proc, m: Atom, t: &Term, f: &mut Consumer<'_>) -> R<()> {
    let token = NEXT_TOKEN.fetch_add(1, Ordering::Relaxed);
    let ptr: *mut Consumer<'_> = f;
    // SAFETY: only the lifetime is erased; see `step`.
    let ptr: *mut Consumer<'static> = unsafe { std::mem::transmute(ptr) };
    CONSUMERS.with(|c| c.borrow_mut().push((token, Some(ptr))));
    let _registered = Registered(token);
    let acc = Term::tuple(vec![Term::atom("cont"), Term::NIL]);
    let r = p.call_mfa(m, Atom::new("reduce"), vec![t.clone(), acc, reducer(token)])?;
    match r.as_tuple() {
        Some([Term::Atom(tag), _]) if matches!(&*tag.name(), "done" | "halted") => Ok(()),
        Some([Term::Atom(tag), _, _]) if &*tag.name() == "suspended" => Ok(()),
        _ => ex::case_clause(r),
    }
}

/// `count/1` of a struct's `Enumerable` implementation: `{:ok, n}` gives
/// `Some(n)`, `{:error, _}` means counting by `reduce/3`.
pub fn count(p: &mut Proc, m: Atom, t: &Term) -> R<Option<i64>> {
    let r = p.call_mfa(m, Atom::new("count"), vec![t.clone()])?;
    match r.as_tuple() {
        Some([Term::Atom(ok), Term::Int(n)]) if &*ok.name() == "ok" => Ok(Some(*n)),
        Some([Term::Atom(e), _]) if &*e.name() == "error" => Ok(None),
        _ => ex::case_clause(r),
    }
}

/// `member?/2` of a struct's `Enumerable` implementation, as [`count`].
pub fn member(p: &mut Proc, m: Atom, t: &Term, x: &Term) -> R<Option<bool>> {
    let r = p.call_mfa(m, Atom::new("member?"), vec![t.clone(), x.clone()])?;
    match r.as_tuple() {
        Some([Term::Atom(ok), Term::Atom(b)]) if &*ok.name() == "ok" => Ok(Some(*b == Atom::TRUE)),
        Some([Term::Atom(e), _]) if &*e.name() == "error" => Ok(None),
        _ => ex::case_clause(r),
    }
}

/// `Enum.into(items, struct)` through the struct's `Collectable`
/// implementation `m`: `into/1` gives `{acc, collector}`, which is given
/// `{:cont, x}` for each element, then `:done` (or `:halt` if it fails).
pub fn collect_into(p: &mut Proc, m: Atom, items: &Term, into: &Term) -> R<Term> {
    let r = p.call_mfa(m, Atom::new("into"), vec![into.clone()])?;
    let Some([acc, fun]) = r.as_tuple() else {
        return ex::case_clause(r);
    };
    let (mut acc, fun) = (acc.clone(), fun.clone());
    let walked = crate::stdlib::enumerable::each(p, items, &mut |p, x| {
        let a = std::mem::replace(&mut acc, Term::NIL);
        acc = p.apply(&fun, vec![a, Term::tuple(vec![Term::atom("cont"), x])])?;
        Ok(true)
    });
    if let Err(e) = walked {
        let _ = p.apply(&fun, vec![acc, Term::atom("halt")]);
        return Err(e);
    }
    p.apply(&fun, vec![acc, Term::atom("done")])
}

/// The user's `String.Chars` implementation's text for a struct, if it has one.
pub fn user_to_string(v: &Term) -> Option<R<Term>> {
    let m = struct_impl(Atom::alias("String.Chars"), v)?;
    Some(Proc::beside().call_mfa(m, Atom::new("to_string"), vec![v.clone()]))
}

/// The types Elixir's own protocols are implemented for, besides `Any`.
fn elixir_impls(protocol: &str) -> &'static [&'static str] {
    match protocol {
        "String.Chars" => &[
            "Atom",
            "BitString",
            "List",
            "Integer",
            "Float",
            "Date",
            "URI",
            "Version",
        ],
        "List.Chars" => &["Atom", "BitString", "List", "Integer", "Float"],
        "Collectable" => &["List", "BitString", "Map", "MapSet", "IO.Stream"],
        "Inspect" => &[
            "Atom",
            "BitString",
            "List",
            "Map",
            "Integer",
            "Float",
            "Function",
            "PID",
            "Port",
            "Reference",
            "Tuple",
            "Range",
            "MapSet",
            "Date",
            "Regex",
            "Stream",
            "URI",
        ],
        _ => &[],
    }
}

/// `impl_for/1` of one of Elixir's own protocols (`String.Chars.impl_for(1)`
/// is `String.Chars.Integer`): the user's implementation, else Elixir's.
fn builtin_impl_for(protocol: &str, v: &Term) -> Option<Atom> {
    let p = Atom::alias(protocol);
    let t = type_of(v);
    if let Some(m) = lookup(p, t) {
        return Some(m);
    }
    let name = t.alias_name().unwrap_or_default();
    if elixir_impls(protocol).contains(&name.as_str()) {
        return Some(concat(p, t));
    }
    if protocol == "Inspect" {
        return Some(lookup(p, any()).unwrap_or_else(|| concat(p, any())));
    }
    None
}

/// Registers `impl_for/1` and `impl_for!/1` of Elixir's own protocols
/// (`Enumerable`'s are written in Elixir, `stdlib/otp/enumerable.ex`).
pub fn register_builtin(r: &mut crate::stdlib::Registry) {
    macro_rules! protocol {
        ($name:expr) => {
            r.add($name, "impl_for", 1, |_, a| {
                Ok(builtin_impl_for($name, &a[0]).map_or(Term::NIL, Term::Atom))
            });
            r.add($name, "impl_for!", 1, |_, a| {
                match builtin_impl_for($name, &a[0]) {
                    Some(m) => Ok(Term::Atom(m)),
                    None => crate::stdlib::kernel::protocol_undefined($name, &a[0]),
                }
            });
        };
    }
    protocol!("String.Chars");
    protocol!("List.Chars");
    protocol!("Collectable");
    protocol!("Inspect");
}
