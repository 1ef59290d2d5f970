//! Builtin modules, implemented natively: one file per Elixir module.
//!
//! **Invariant:** every builtin is a [`Native`] registered under its module,
//! name and arity in one table; the compiler resolves calls to it once.

pub mod algebra;
pub mod atom;
pub mod clauses;

pub mod data;
pub mod date;
pub mod enum_fns;
pub mod enumerable;
pub mod erlfmt;
pub mod ets;
pub mod frames;
pub mod function;
pub mod iex;
pub mod io;
pub mod io_read;
pub mod kernel;
pub mod keyword;
pub mod list;
pub mod logger;
pub mod map;
pub mod mapset;
pub mod names;
pub mod numbers;
pub mod otp;
pub mod process;
pub mod process_bifs;
pub mod regex;
pub mod stream;
pub mod string;
pub mod system;
pub mod uri;

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::eval::compile::{CResult, CompileError, Compiler};
use crate::eval::exception::{self as ex, Exc, R};
use crate::eval::exec::Proc;
use crate::eval::ir::Node;
use crate::syntax::ast::Expr;
use crate::term::{Atom, MapT, Pid, Term};

/// The public functions of the builtin modules as Elixir 1.14 lists them
/// (`scripts/record_exports.exs` records them), for "Did you mean" hints.
pub const EXPORTS: &str = include_str!("data/exports.txt");

/// A builtin function: arguments in, a value or an exception out.
pub type Native = fn(&mut Proc, &mut Vec<Term>) -> R<Term>;

/// Collects the builtins of each module.
pub struct Registry {
    map: HashMap<(Atom, Atom, usize), Native>,
    modules: std::collections::HashSet<Atom>,
}

impl Registry {
    /// A builtin registered earlier.
    pub fn get(&self, module: &str, name: &str, arity: usize) -> Option<Native> {
        self.map.get(&(module_atom(module), Atom::new(name), arity)).copied()
    }

    /// Registers `module.name/arity`; `module` is written as Elixir spells it (`IO`, `:rand`).
    pub fn add(&mut self, module: &str, name: &str, arity: usize, f: Native) {
        let m = module_atom(module);
        self.modules.insert(m);
        self.map.insert((m, Atom::new(name), arity), f);
    }
}

impl Registry {
    /// Registers `module.name/arity` as the builtin `module.to/arity`
    /// registered before: a deprecated name Elixir keeps as a call of its
    /// replacement with the same arguments.
    pub fn same_as(&mut self, module: &str, name: &str, arity: usize, to: &str) {
        if let Some(f) = self.get(module, to, arity) {
            self.add(module, name, arity, f);
        }
    }
}

/// `IO` → `:"Elixir.IO"`, `:rand` → `:rand`, `Elixir.IO` stays.
pub fn module_atom(module: &str) -> Atom {
    if let Some(erl) = module.strip_prefix(':') {
        Atom::new(erl)
    } else if module.starts_with("Elixir.") {
        Atom::new(module)
    } else {
        Atom::alias(module)
    }
}

static REGISTRY: LazyLock<Registry> = LazyLock::new(|| {
    let mut r = Registry {
        map: HashMap::new(),
        modules: Default::default(),
    };
    kernel::register(&mut r);
    atom::register(&mut r);
    io::register(&mut r);
    io_read::register(&mut r);
    process::register(&mut r);
    process_bifs::register(&mut r);
    ets::register(&mut r);
    otp::register(&mut r);
    names::register(&mut r);
    iex::register(&mut r);
    logger::register(&mut r);
    enumerable::register(&mut r);
    enum_fns::register(&mut r);
    stream::register(&mut r);
    mapset::register(&mut r);
    map::register(&mut r);
    keyword::register(&mut r);
    list::register(&mut r);
    data::register(&mut r);
    numbers::register(&mut r);
    system::register(&mut r);
    string::register(&mut r);
    regex::register(&mut r);
    erlfmt::register(&mut r);
    function::register(&mut r);
    date::register(&mut r);
    uri::register(&mut r);
    algebra::register(&mut r);
    kernel::register_inlined(&mut r);
    // The protocols' own functions are Kernel's conversions.
    for (protocol, name) in [("String.Chars", "to_string"), ("List.Chars", "to_charlist")] {
        if let Some(f) = r.get("Kernel", name, 1) {
            r.add(protocol, name, 1, f);
        }
    }
    r.add("Protocol", "__impl_for__", 3, |p, a| {
        crate::eval::protocol::impl_for_native(p, a)
    });
    r.add("Protocol", "assert_impl!", 2, |p, a| {
        crate::eval::protocol::assert_impl_native(p, a)
    });
    crate::eval::protocol::register_builtin(&mut r);
    frames::install(&mut r);
    r
});

/// The builtin `module.name/arity`, if there is one.
pub fn lookup(module: Atom, name: Atom, arity: usize) -> Option<Native> {
    REGISTRY.map.get(&(module, name, arity)).copied()
}

/// Whether `module.name/arity` is a macro of a builtin module that code
/// must `require` before calling (Kernel's are always available): the
/// builtin runs once it is required; the call is an undefined function, or
/// in a guard a compile error, before.
pub fn is_macro(module: Atom, name: Atom, arity: usize) -> bool {
    module == Atom::alias("Integer") && arity == 1 && matches!(&*name.name(), "is_even" | "is_odd")
}

/// Every builtin module.
pub fn builtin_modules() -> Vec<Atom> {
    REGISTRY.modules.iter().copied().collect()
}

/// Whether `module` is a builtin module.
pub fn is_builtin_module(module: Atom) -> bool {
    REGISTRY.modules.contains(&module)
}

/// Every builtin function of `module`, as `(name, arity)`, sorted.
pub fn exports(module: Atom) -> Vec<(Atom, usize)> {
    let mut v: Vec<_> = REGISTRY
        .map
        .keys()
        .filter(|k| k.0 == module)
        .map(|k| (k.1, k.2))
        .collect();
    v.sort_by(|a, b| a.0.name().cmp(&b.0.name()).then(a.1.cmp(&b.1)));
    v
}

/// A compiled call of a builtin the compiler itself needs (`in`, `..`, sigils).
pub fn native_call(module: &str, name: &str, args: Vec<Node>, line: u32) -> CResult<Node> {
    match lookup(module_atom(module), Atom::new(name), args.len()) {
        Some(f) => Ok(Node::Native { f, args, line }),
        None => Err(CompileError {
            line,
            message: format!(
                "undefined function {}.{}/{}",
                module.trim_start_matches("Elixir."),
                name,
                args.len()
            ),
            ..Default::default()
        }),
    }
}

/// `Exception.message/1` of a user-defined exception, through its `message/1`.
pub fn exception_message(e: &Term) -> Option<String> {
    let m = e.struct_name()?;
    let d = crate::eval::code::lookup(m, Atom::MESSAGE, 1)?;
    let mut p = Proc::new(crate::runtime::detached_process());
    let r = p.run(crate::eval::exec::Callee::Def(d), vec![e.clone()]);
    r.ok().and_then(|t| t.as_str().map(str::to_string))
}

/// The default value of struct `module` (`%Name{}`).
pub fn struct_default(module: Atom) -> R<MapT> {
    let Some(info) = crate::eval::code::module(module) else {
        if module == Atom::new("Elixir.URI") {
            return Ok(uri::struct_default());
        }
        if kernel::is_builtin_exception(module) {
            // Elixir's own exceptions: every known field, nil unless it has a default.
            let mut m = MapT::new();
            m.insert(Term::Atom(Atom::STRUCT), Term::Atom(module));
            m.insert(Term::Atom(Atom::EXCEPTION), Term::TRUE);
            for f in crate::term::inspect::struct_fields(module).unwrap_or_default() {
                m.insert(Term::Atom(f), Term::NIL);
            }
            if module == Atom::alias("Protocol.UndefinedError") {
                m.insert(Term::atom("description"), Term::str(""));
            }
            if let Some(msg) = kernel::default_message(module) {
                m.insert(Term::Atom(Atom::MESSAGE), Term::str(msg));
            }
            return Ok(m);
        }
        return ex::undefined_function(module, Atom::new("__struct__"), 1);
    };
    let Some(fields) = &info.struct_fields else {
        return ex::undefined_function(module, Atom::new("__struct__"), 1);
    };
    let mut m = MapT::new();
    m.insert(Term::Atom(Atom::STRUCT), Term::Atom(module));
    for (k, v) in fields {
        m.insert(Term::Atom(*k), v.clone());
    }
    Ok(m)
}

/// `use Behaviour` inside a module body.
pub fn use_behaviour(_c: &mut Compiler, _e: &Expr) -> R<()> {
    Ok(())
}

/// Prints a crash report for a process that died of `e`, as Elixir's logger does.
pub fn report_crash(pid: Pid, e: &Exc) {
    // An uncaught throw is reported as the error it becomes.
    let thrown;
    let e = match e {
        Exc::Error(..) => e,
        Exc::Throw(v, stack) => {
            let reason = Term::tuple(vec![Term::atom("nocatch"), v.clone()]);
            thrown = Exc::Error(
                ex::exception("ErlangError", vec![("original", reason), ("reason", Term::NIL)]),
                stack.clone(),
            );
            &thrown
        }
        _ => return,
    };
    let mut text = format!(
        "\n{} [error] Process {} raised an exception\n{}\n",
        timestamp(),
        crate::term::inspect::inspect_default(&Term::Pid(pid)),
        ex::banner(e)
    );
    for l in ex::stack_lines(e) {
        text.push_str(&l);
        text.push('\n');
    }
    crate::runtime::io::out(&text);
}

/// `HH:MM:SS.mmm`, as Logger prints the time.
pub(crate) fn timestamp() -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    let ms = now.as_millis() % 86_400_000;
    format!(
        "{:02}:{:02}:{:02}.{:03}",
        ms / 3_600_000,
        ms / 60_000 % 60,
        ms / 1000 % 60,
        ms % 1000
    )
}
