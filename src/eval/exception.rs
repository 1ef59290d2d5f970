//! Exceptions as terms: how errors flow through evaluation and how they read.
//!
//! **Invariant:** an error raised anywhere is an Elixir exception struct
//! (`%MatchError{term: 2}`…) inside [`Exc::Error`]; Erlang-style reasons
//! (`{:badmatch, 2}`) are derived from it only where a process's exit reason
//! needs them ([`exit_reason`]). [`banner`] is the one renderer of
//! `** (Name) message` used by the REPL, scripts and crash reports.

use std::sync::Arc;

use crate::term::inspect::inspect_default as inspect;
use crate::term::{Atom, MapT, Term};

/// A non-local exit from evaluation.
#[derive(Debug, Clone)]
pub enum Exc {
    /// `raise` or a runtime error: an exception struct and where it happened.
    Error(Term, Box<Stack>),
    /// `throw(value)`
    Throw(Term, Box<Stack>),
    /// `exit(reason)`
    Exit(Term, Box<Stack>),
    /// The evaluation was cancelled (Ctrl+C in the REPL, or the process was killed).
    Cancelled,
}

/// Where an error happened: innermost first, as Elixir prints stack traces.
#[derive(Debug, Clone, Default)]
pub struct Stack {
    pub entries: Vec<Arc<StackEntry>>,
    /// The arguments of a call no clause accepted: the struct's `args` stays
    /// nil, as in Elixir, and iex shows these ("The following arguments were given").
    pub blame_args: Option<Vec<Term>>,
    /// The line where the error passed through the innermost frame not yet recorded.
    pub pending_line: u32,
    /// What a report adds to an `ErlangError`'s message: the explanation
    /// of the BIF that raised it (its `error_info`), which Elixir finds
    /// from the stack trace when it prints the error, not when it rescues it.
    pub details: Option<Arc<str>>,
    /// The stack is as Elixir prints it (a compile error's): frames it
    /// passes through are not added.
    pub complete: bool,
    /// A compile error for a module's call of a local function it does not
    /// define (see `CompileError::undefined_local`).
    pub undefined_local: bool,
    /// The outermost frame so far was reached by a tail call of a function
    /// written in Elixir or Erlang (not a BIF): on the BEAM that call replaced
    /// its caller's frame, so the next frame the error passes through is not
    /// recorded ([`Stack::tail_called`]).
    pub tail_called: bool,
    /// The error has just left a callback a builtin was given (see `stdlib::frames`).
    pub from_callback: bool,
    /// Raised by an operator in tail position: a `fn` typed at the prompt
    /// (which erl_eval interprets) records no frame for it.
    pub tail_operator: bool,
    /// Raised by `raise/1`: the innermost frame names the module that explains
    /// the error (`error_info: %{module: Exception}`).
    pub error_info: bool,
    /// The stack trace given to `reraise`, which `__STACKTRACE__` gives back.
    pub given: Option<Term>,
}

impl Stack {
    /// Adds a frame, except that, as the BEAM records a stack trace, a frame
    /// repeated right under itself (the same return address: recursion, or
    /// a builtin calling a function that calls the same builtin) appears once.
    pub fn push_distinct(&mut self, e: Arc<StackEntry>) {
        if self
            .entries
            .last()
            .is_some_and(|l| l.line == e.line && l.what == e.what && l.file == e.file)
        {
            return;
        }
        self.entries.push(e);
    }

    /// Marks that the error left a builtin called in tail position, if the
    /// builtin recorded a frame of its own that is not a BIF's: the caller's
    /// frame is then not recorded, as the BEAM's tail call replaced it.
    /// Says whether it marked the stack.
    pub fn tail_called(&mut self) -> bool {
        // A BIF's frame (an Erlang module's, with arguments and no file) is
        // not a call that replaced anything.
        let bif = |f: &StackEntry, m: Atom| f.args.is_some() && f.file.is_empty() && !m.name().starts_with("Elixir.");
        if self
            .entries
            .last()
            .is_some_and(|f| f.mfa.is_some_and(|(m, _, _)| &*m.name() != "erlang" && !bif(f, m)))
        {
            self.tail_called = true;
        }
        self.tail_called
    }

    /// Whether the caller's frame is to be left out (see [`Stack::tail_called`]);
    /// the mark is used up.
    pub fn take_tail_called(&mut self) -> bool {
        std::mem::take(&mut self.tail_called)
    }
}

/// One stack-trace line: `file:line: Mod.fun/arity` (or with its arguments).
#[derive(Debug, Clone)]
pub struct StackEntry {
    pub file: Arc<str>,
    pub line: u32,
    /// `Servy.PledgeServer.listen_loop/1`, `anonymous fn/0 in :elixir_compiler_0.__FILE__/1`,
    /// `M.f(-1)` or `(file)`.
    pub what: String,
    /// The frame as the BEAM names it (`{module, function, arity}`), where it has one.
    pub mfa: Option<(Atom, Atom, usize)>,
    /// The arguments, for the frame of a builtin that raised or a function that
    /// does not exist: the BEAM records them instead of the arity.
    pub args: Option<Vec<Term>>,
}

impl Exc {
    /// The stack of an exception that has one.
    pub fn stack_mut(&mut self) -> Option<&mut Stack> {
        match self {
            Exc::Error(_, st) | Exc::Throw(_, st) | Exc::Exit(_, st) => Some(st),
            Exc::Cancelled => None,
        }
    }
}

/// How Elixir prefixes a frame of `module` with its application
/// (`Exception.format_stacktrace_entry/1`): `(elixir 1.14.0) `, `(stdlib 4.2) `,
/// nothing for user code and for `:erlang`, which belongs to no application.
pub fn app_prefix(module: Atom) -> &'static str {
    let name = module.name();
    if let Some(alias) = name.strip_prefix("Elixir.") {
        let builtin = crate::stdlib::is_builtin_module(module)
            || crate::stdlib::EXPORTS
                .lines()
                .any(|l| l.split(' ').next() == Some(alias));
        return match alias {
            "Logger" => "(logger 1.14.0) ",
            "IEx.Evaluator" => "(iex 1.14.0) ",
            "Module.ParallelChecker" | "Kernel.CLI" => "(elixir 1.14.0) ",
            // Elixir's implementations of its own protocols.
            _ if alias.starts_with("String.Chars.") => "(elixir 1.14.0) ",
            // Elixir's own modules: those written natively, and the OTP
            // modules written in Elixir here (exported by Elixir or not).
            _ if match crate::eval::code::module(module) {
                None => builtin,
                Some(m) => crate::stdlib::otp::is_source(&m.file),
            } =>
            {
                "(elixir 1.14.0) "
            }
            _ => "",
        };
    }
    match &*name {
        "elixir" | "elixir_compiler" | "elixir_lexical" | "elixir_dispatch" | "elixir_expand" => "(elixir 1.14.0) ",
        "file" | "os" | "code" | "logger" | "application" | "inet" | "gen_tcp" | "global" => "(kernel 8.5.3) ",
        "erlang" | "erts_internal" | "persistent_term" | "atomics" | "counters" | "zlib" => "",
        _ if crate::stdlib::is_builtin_module(module) || STDLIB_MODULES.contains(&&*name) => "(stdlib 4.2) ",
        _ => "",
    }
}

/// Erlang's `stdlib` modules a frame may name without iexr implementing them.
const STDLIB_MODULES: &[&str] = &[
    "lists",
    "maps",
    "erl_eval",
    "gen_server",
    "proc_lib",
    "gen",
    "string",
    "unicode",
    "uri_string",
    "binary",
    "io",
    "io_lib",
    "math",
    "rand",
    "timer",
    "ets",
    "calendar",
    "queue",
    "base64",
    "filename",
    "re",
    "sets",
    "proplists",
    "orddict",
    "gb_trees",
    "array",
    "digraph",
    "supervisor",
    "gen_event",
    "gen_statem",
];

/// The frame the BEAM records for a call that failed before entering Erlang
/// code: a builtin that raised (`:erlang.hd([])`) or a function that does
/// not exist (`(elixir 1.14.0) IO.inspect()`); it names the arguments.
pub fn call_frame(module: Atom, name: Atom, args: Vec<Term>) -> StackEntry {
    let shown: Vec<String> = args.iter().map(inspect).collect();
    StackEntry {
        file: "".into(),
        line: 0,
        what: format!(
            "{}{}.{}({})",
            app_prefix(module),
            module_name(module),
            fun_name(name),
            shown.join(", ")
        ),
        mfa: Some((module, name, args.len())),
        args: Some(args),
    }
}

/// The frame the BEAM records, with the arguments, for a call of a function
/// written in Elixir or Erlang that raised before running a clause:
/// `(elixir 1.14.0) lib/map.ex:534: Map.get(1, 1, nil)`.
fn located_call_frame(module: Atom, name: Atom, args: Vec<Term>, file: &str, line: u32) -> StackEntry {
    let shown: Vec<String> = args.iter().map(inspect).collect();
    StackEntry {
        file: format!("{}{file}", app_prefix(module)).into(),
        line,
        what: format!("{}.{}({})", module_name(module), fun_name(name), shown.join(", ")),
        mfa: Some((module, name, args.len())),
        args: Some(args),
    }
}

/// Adds the frame of the `:erlang` builtin `name` called with `args` to an
/// error it raised itself (one that has passed through no frame yet).
pub fn in_bif<T>(r: R<T>, name: &str, args: impl FnOnce() -> Vec<Term>) -> R<T> {
    in_call(r, ":erlang", name, None, args)
}

/// Adds to an error a builtin raised itself the frame of the call the BEAM
/// records with its arguments: a BIF's (`:maps.keys([])`, `at` is `None`) or,
/// with its source file and line, a function's (`(elixir 1.14.0)
/// lib/map.ex:534: Map.get(1, 1, nil)`). `module` is written as Elixir
/// spells it (`Map`, `:maps`).
pub fn in_call<T>(
    r: R<T>,
    module: &str,
    name: &str,
    at: Option<(&str, u32)>,
    args: impl FnOnce() -> Vec<Term>,
) -> R<T> {
    r.map_err(|mut e| {
        if let Exc::Error(_, st) = &mut *e
            && st.entries.is_empty()
            && !st.complete
        {
            let (m, n) = (crate::stdlib::module_atom(module), Atom::new(name));
            let frame = match at {
                Some((file, line)) => located_call_frame(m, n, args(), file, line),
                None => call_frame(m, n, args()),
            };
            st.entries.push(Arc::new(frame));
        }
        e
    })
}

/// Adds to an error raised by a builtin written in Elixir the frame Elixir
/// records for it: `(elixir 1.14.0) lib/uri.ex:637: URI.new!/1`.
pub fn in_elixir<T>(r: R<T>, module: &str, name: &str, arity: usize, file: &str, line: u32) -> R<T> {
    match &r {
        Err(e) if matches!(&**e, Exc::Error(_, st) | Exc::Throw(_, st) | Exc::Exit(_, st) if st.entries.is_empty()) => {
            beneath(r, module, name, arity, file, line)
        }
        _ => r,
    }
}

/// Adds the frame of the Elixir function (`Map.update!/3` at
/// `lib/map.ex:319`) under those a builtin raised with, as its own frames
/// (`:erlang.map_get(key, map)`) sit above the function that called it.
pub fn beneath<T>(r: R<T>, module: &str, name: &str, arity: usize, file: &str, line: u32) -> R<T> {
    r.map_err(|mut e| {
        if let Some(st) = e.stack_mut()
            && !st.complete
        {
            let m = Atom::alias(module);
            let n = Atom::new(name);
            st.entries.push(Arc::new(StackEntry {
                file: format!("{}{file}", app_prefix(m)).into(),
                line,
                what: format_mfa(m, n, arity),
                mfa: Some((m, n, arity)),
                args: None,
            }));
        }
        e
    })
}

/// Where a script's top-level code runs: the function Elixir compiles it to.
pub const SCRIPT_CONTEXT: &str = ":elixir_compiler_0.__FILE__/1";

/// A frame of Elixir's or Erlang's own code that is always the same:
/// module (as the BEAM names it), function, arity, file, line.
pub type FixedFrame = (&'static str, &'static str, usize, &'static str, u32);

/// The frame terms of fixed frames.
pub fn fixed_frames(frames: &[FixedFrame]) -> impl Iterator<Item = Term> + '_ {
    frames
        .iter()
        .map(|(m, f, a, file, line)| frame_term(Atom::new(m), f, *a, file, i64::from(*line)))
}

/// The frames under a script's own (`:elixir_compiler_0.__FILE__/1`) when
/// `elixir` runs it: module, function, arity, file, line. An uncaught
/// error's report shows only `Code.require_file/2`'s (the runner's own
/// `Kernel.CLI.wrapper/1` and what is under it are cut off).
pub const RUNNER_FRAMES: [FixedFrame; 7] = [
    ("elixir_compiler", "dispatch", 4, "src/elixir_compiler.erl", 65),
    ("elixir_compiler", "compile", 3, "src/elixir_compiler.erl", 50),
    ("elixir_lexical", "run", 3, "src/elixir_lexical.erl", 15),
    ("elixir_compiler", "quoted", 3, "src/elixir_compiler.erl", 17),
    (
        "Elixir.Module.ParallelChecker",
        "verify",
        1,
        "lib/module/parallel_checker.ex",
        100,
    ),
    ("Elixir.Code", "require_file", 2, "lib/code.ex", 1245),
    ("Elixir.Kernel.CLI", "wrapper", 1, "lib/kernel/cli.ex", 574),
];

/// `__STACKTRACE__` in a script's process: the frames `s` holds, then the
/// script's own frame at `line` (none where a tail call replaced it) and the
/// runner's, at most eight in all, as the BEAM records them.
pub fn script_stacktrace(s: &Stack, file: &str, line: Option<u32>) -> Term {
    let mut items: Vec<Term> = stacktrace(s).iter_list().cloned().collect();
    if let Some(line) = line {
        items.push(frame_term(
            Atom::new("elixir_compiler_0"),
            "__FILE__",
            1,
            file,
            i64::from(line),
        ));
    }
    items.extend(fixed_frames(&RUNNER_FRAMES));
    items.truncate(8);
    Term::list(items)
}

/// The frames under an input at iex's prompt: `erl_eval` applying what it
/// calls, then the evaluator's (`Process.info(self(), :current_stacktrace)`
/// shows them; `IO.warn/1` prints six).
pub const SHELL_FRAMES: [FixedFrame; 7] = [
    ("erl_eval", "do_apply", 7, "erl_eval.erl", 744),
    ("elixir", "eval_forms", 3, "src/elixir.erl", 283),
    (
        "Elixir.Module.ParallelChecker",
        "verify",
        1,
        "lib/module/parallel_checker.ex",
        100,
    ),
    (
        "Elixir.IEx.Evaluator",
        "eval_and_inspect",
        3,
        "lib/iex/evaluator.ex",
        329,
    ),
    (
        "Elixir.IEx.Evaluator",
        "eval_and_inspect_parsed",
        3,
        "lib/iex/evaluator.ex",
        303,
    ),
    (
        "Elixir.IEx.Evaluator",
        "parse_eval_inspect",
        3,
        "lib/iex/evaluator.ex",
        292,
    ),
    ("Elixir.IEx.Evaluator", "loop", 1, "lib/iex/evaluator.ex", 187),
];

/// A stack trace of the shell's process: the frames of `s`, then the
/// shell's, `erl_eval`'s `try_clauses` among them for an error caught by a
/// `try` typed at the prompt; the BEAM keeps eight.
pub fn shell_stacktrace(s: &Stack, in_prompt_try: bool) -> Term {
    let mut frames: Vec<Term> = fixed_frames(&SHELL_FRAMES).collect();
    if in_prompt_try {
        frames.insert(
            1,
            frame_term(Atom::new("erl_eval"), "try_clauses", 10, "erl_eval.erl", 987),
        );
    }
    // As entries of the stack, so that an error raised at the prompt
    // itself marks `erl_eval`'s frame as the one that explains it.
    let mut st = s.clone();
    st.entries.extend(entries_of(&Term::list(frames)));
    Term::list(stacktrace(&st).iter_list().take(8).cloned().collect::<Vec<_>>())
}

/// A result of evaluation. The exception is boxed so that `R<Term>` is two
/// words and comes back in registers (a test asserts it): a call's result
/// passes through every frame, its exception seldom.
pub type R<T> = Result<T, Box<Exc>>;

/// Builds `%Module{fields}` for an exception module written `Name` (no `Elixir.`).
pub fn exception(name: &str, fields: Vec<(&str, Term)>) -> Term {
    let mut m = MapT::new();
    m.insert(Term::Atom(Atom::STRUCT), Term::Atom(Atom::alias(name)));
    m.insert(Term::Atom(Atom::EXCEPTION), Term::TRUE);
    for (k, v) in fields {
        m.insert(Term::atom(k), v);
    }
    Term::map(m)
}

/// Raises `%Name{fields}`.
pub fn raise<T>(name: &str, fields: Vec<(&str, Term)>) -> R<T> {
    Err(Box::new(Exc::Error(exception(name, fields), Box::default())))
}

/// The exception of a compile error found while a `defmodule` runs. Its
/// stack is complete as it stands: Elixir prints what was being expanded
/// and where, or no stack at all.
pub fn compile_error<T>(e: &crate::eval::compile::CompileError, file: &Arc<str>) -> R<T> {
    let value = match e.exception {
        Some(name) => exception(name, vec![("message", Term::str(&e.message))]),
        None => exception(
            "CompileError",
            vec![
                ("message", Term::str(&format!("{file}:{}: {}", e.line, e.message))),
                ("file", Term::NIL),
                ("line", Term::Int(e.line as i64)),
                ("description", Term::str(&e.message)),
            ],
        ),
    };
    let mut st = Stack {
        complete: true,
        undefined_local: e.undefined_local,
        ..Default::default()
    };
    if let (None, Some(r)) = (&e.expanding, &e.raised_in) {
        st.entries.push(Arc::new(StackEntry {
            file: "".into(),
            line: 0,
            what: r.frames.join("\n    "),
            mfa: None,
            args: None,
        }));
        if let Some(l) = r.module_line {
            st.entries.push(Arc::new(StackEntry {
                file: file.clone(),
                line: l,
                what: "(module)".into(),
                mfa: None,
                args: None,
            }));
        }
    }
    if let Some((what, within)) = &e.expanding {
        st.entries.push(Arc::new(StackEntry {
            file: "".into(),
            line: 0,
            what: what.clone(),
            mfa: None,
            args: None,
        }));
        st.entries.push(Arc::new(StackEntry {
            file: file.clone(),
            line: e.line,
            what: within.clone(),
            mfa: None,
            args: None,
        }));
    }
    Err(Box::new(Exc::Error(value, Box::new(st))))
}

pub fn with_message<T>(name: &str, msg: impl AsRef<str>) -> R<T> {
    raise(name, vec![("message", Term::str(msg.as_ref()))])
}

pub fn runtime_error<T>(msg: impl AsRef<str>) -> R<T> {
    with_message("RuntimeError", msg)
}

pub fn argument_error<T>(msg: impl AsRef<str>) -> R<T> {
    with_message("ArgumentError", msg)
}

pub fn badarg<T>() -> R<T> {
    argument_error("argument error")
}

/// A BIF's `badarg` as Elixir 1.14 explains it: which argument, and why
/// (`errors were found at the given arguments:\n\n  * 1st argument: not an atom\n`).
pub fn badarg_at<T>(position: usize, why: &str) -> R<T> {
    let nth = match position {
        1 => "1st".to_string(),
        2 => "2nd".to_string(),
        3 => "3rd".to_string(),
        n => format!("{n}th"),
    };
    argument_error(format!(
        "errors were found at the given arguments:\n\n  * {nth} argument: {why}\n"
    ))
}

pub fn badarith<T>() -> R<T> {
    with_message("ArithmeticError", "bad argument in arithmetic expression")
}

pub fn badmatch<T>(v: Term) -> R<T> {
    raise("MatchError", vec![("term", v)])
}

pub fn case_clause<T>(v: Term) -> R<T> {
    raise("CaseClauseError", vec![("term", v)])
}

pub fn badmap<T>(v: Term) -> R<T> {
    raise("BadMapError", vec![("term", v)])
}

pub fn badkey<T>(key: Term, map: Term) -> R<T> {
    raise("KeyError", vec![("key", key), ("term", map), ("message", Term::NIL)])
}

pub fn badfun<T>(v: Term) -> R<T> {
    raise("BadFunctionError", vec![("term", v)])
}

pub fn badarity<T>(fun: Term, args: Vec<Term>) -> R<T> {
    raise("BadArityError", vec![("function", fun), ("args", Term::list(args))])
}

pub fn function_clause<T>(module: Atom, name: Atom, args: Vec<Term>) -> R<T> {
    // A builtin Elixir writes in Elixir: the function its defaults reach,
    // and its own frame, with the arguments (as the BEAM records it).
    let (args, entries) = match crate::stdlib::clauses::resolve(module, name, &args) {
        Some((d, full)) => {
            let entry = located_call_frame(module, name, full.clone(), &d.file, d.line);
            (full, vec![Arc::new(entry)])
        }
        None => (args, vec![]),
    };
    let arity = args.len() as i64;
    let e = exception(
        "FunctionClauseError",
        vec![
            ("module", Term::Atom(module)),
            ("function", Term::Atom(name)),
            ("arity", Term::Int(arity)),
            ("kind", Term::NIL),
            ("args", Term::NIL),
            ("clauses", Term::NIL),
        ],
    );
    Err(Box::new(Exc::Error(
        e,
        Box::new(Stack {
            entries,
            blame_args: Some(args),
            ..Default::default()
        }),
    )))
}

/// `UndefinedFunctionError`; `reason` is `nil` or `"module could not be loaded"`.
pub fn undefined_function<T>(module: Atom, name: Atom, arity: usize) -> R<T> {
    // As Elixir 1.14 builds it from `:undef`: no reason; the message looks
    // at whether the module exists when it is asked for.
    let reason = Term::NIL;
    raise(
        "UndefinedFunctionError",
        vec![
            ("module", Term::Atom(module)),
            ("function", Term::Atom(name)),
            ("arity", Term::Int(arity as i64)),
            ("reason", reason),
            ("message", Term::NIL),
        ],
    )
}

/// Calling `module.name(args)` that does not exist: the UndefinedFunctionError,
/// with the frame the BEAM records for the call (`Nope.f(1)`).
pub fn undefined_call(module: Atom, name: Atom, args: Vec<Term>) -> Box<Exc> {
    let mut e = match undefined_function::<()>(module, name, args.len()) {
        Err(e) => e,
        Ok(()) => Box::new(Exc::Cancelled),
    };
    if let Exc::Error(_, st) = &mut *e {
        st.entries.push(Arc::new(call_frame(module, name, args)));
    }
    e
}

pub fn system_limit<T>() -> R<T> {
    raise(
        "SystemLimitError",
        vec![("message", Term::str("a system limit has been reached"))],
    )
}

/// `Name` of an exception struct, as printed in `** (Name)`.
pub fn exception_name(e: &Term) -> String {
    e.struct_name().map(module_name).unwrap_or_else(|| "ErlangError".into())
}

/// `Foo.Bar` for `:"Elixir.Foo.Bar"`, `:foo` for an Erlang module.
pub fn module_name(m: Atom) -> String {
    m.alias_name().unwrap_or_else(|| inspect(&Term::Atom(m)))
}

fn field(e: &Term, name: &str) -> Term {
    e.map_get(Atom::new(name)).cloned().unwrap_or(Term::NIL)
}

/// `Exception.message/1` for the builtin exceptions (and any struct with a `:message` binary).
pub fn message(e: &Term) -> String {
    let name = exception_name(e);
    let msg = field(e, "message");
    match name.as_str() {
        "MatchError" => format!("no match of right hand side value: {}", inspect(&field(e, "term"))),
        "CaseClauseError" => format!("no case clause matching: {}", inspect(&field(e, "term"))),
        "ErlangError" if !msg.is_truthy() => format!("Erlang error: {}", inspect(&field(e, "original"))),
        "CondClauseError" => "no cond clause evaluated to a truthy value".to_string(),
        "URI.Error" => {
            let name = |f: &str| field(e, f).as_atom().map(|a| a.name().to_string()).unwrap_or_default();
            format!(
                "cannot {} due to reason {}: {}",
                name("action"),
                name("reason"),
                inspect(&field(e, "part"))
            )
        }
        "WithClauseError" => format!("no with clause matching: {}", inspect(&field(e, "term"))),
        "TryClauseError" => format!("no try clause matching: {}", inspect(&field(e, "term"))),
        "BadMapError" => format!("expected a map, got: {}", inspect(&field(e, "term"))),
        "BadBooleanError" => format!(
            "expected a boolean on left-side of \"{}\", got: {}",
            field(e, "operator")
                .as_atom()
                .map(|a| a.name().to_string())
                .unwrap_or_default(),
            inspect(&field(e, "term"))
        ),
        "BadFunctionError" => format!("expected a function, got: {}", inspect(&field(e, "term"))),
        "Protocol.UndefinedError" => {
            let value = field(e, "value");
            let ty = match value.struct_name() {
                Some(s) => format!("{} (a struct)", module_name(s)),
                None => crate::stdlib::kernel::type_name(&value).to_string(),
            };
            let description = match field(e, "description") {
                Term::Bin(d) if !d.is_empty() => format!(", {}", String::from_utf8_lossy(&d)),
                _ => String::new(),
            };
            format!(
                "protocol {} not implemented for {} of type {ty}{description}",
                inspect(&field(e, "protocol")),
                inspect(&value)
            )
        }
        "BadStructError" => format!(
            "expected a struct named {}, got: {}",
            field(e, "struct").as_atom().map(module_name).unwrap_or_default(),
            inspect(&field(e, "term"))
        ),
        "BadArityError" => {
            let args = field(e, "args").list_to_vec().unwrap_or_default();
            let fun = field(e, "function");
            let arity = match &fun {
                Term::Fun(f) => f.arity(),
                _ => 0,
            };
            let shown: Vec<String> = args.iter().map(inspect).collect();
            let n = args.len();
            format!(
                "{} with arity {} called with {}{}",
                inspect(&fun),
                arity,
                if n == 0 {
                    "no arguments".to_string()
                } else if n == 1 {
                    "1 argument".into()
                } else {
                    format!("{n} arguments")
                },
                if n == 0 {
                    String::new()
                } else {
                    format!(" ({})", shown.join(", "))
                }
            )
        }
        "KeyError" if !msg.is_truthy() => match field(e, "term") {
            Term::Atom(Atom::NIL) => format!("key {} not found", inspect(&field(e, "key"))),
            term => format!("key {} not found in: {}", inspect(&field(e, "key")), inspect(&term)),
        },
        "FunctionClauseError" if field(e, "function") == Term::NIL => "no function clause matches".to_string(),
        "UndefinedFunctionError" if !msg.is_truthy() && field(e, "function") == Term::NIL => {
            "undefined function".to_string()
        }
        "FunctionClauseError" => match field(e, "module") {
            Term::Atom(Atom::NIL) => format!(
                "no function clause matching in {}",
                field(e, "function")
                    .as_atom()
                    .map(|a| a.name().to_string())
                    .unwrap_or_default()
            ),
            m => format!(
                "no function clause matching in {}",
                mfa(&m, &field(e, "function"), &field(e, "arity"))
            ),
        },
        "UndefinedFunctionError" if !msg.is_truthy() => {
            let m = field(e, "module");
            let what = mfa(&m, &field(e, "function"), &field(e, "arity"));
            let loaded = |m: &Term| {
                m.as_atom()
                    .is_some_and(|m| crate::eval::code::module_loaded(m) || crate::stdlib::is_builtin_module(m))
            };
            if let Some(reason) = field(e, "reason").as_str() {
                format!("function {what} is undefined ({reason})")
            } else if loaded(&m) {
                format!("function {what} is undefined or private")
            } else {
                format!(
                    "function {what} is undefined (module {} is not available)",
                    m.as_atom().map(module_name).unwrap_or_default()
                )
            }
        }
        _ => match msg {
            Term::Bin(_) => msg.as_str().unwrap_or_default().to_string(),
            _ => crate::stdlib::exception_message(e)
                .unwrap_or_else(|| format!("got {} with message {}", name, inspect(&msg))),
        },
    }
}

/// `Mod.fun/arity`.
pub fn mfa(m: &Term, f: &Term, a: &Term) -> String {
    match (m.as_atom(), f.as_atom()) {
        (Some(m), Some(f)) => format_mfa(m, f, a.as_int().unwrap_or(0) as usize),
        _ => String::new(),
    }
}

/// `Exception.format_mfa/3`: `Enum.map/2`, or for the function the compiler
/// made of a `fn` (`:"-map/2-fun-0-"`), `anonymous fn/3 in Enum.map/2`.
pub fn format_mfa(m: Atom, f: Atom, arity: usize) -> String {
    let name = f.name();
    // `-outer/arity-inner-count-`: the outer name may itself hold slashes.
    let parent = name.strip_prefix('-').and_then(|rest| {
        let (outer, trailing) = rest.rsplit_once('/')?;
        match trailing.split('-').collect::<Vec<_>>()[..] {
            [outer_arity, _, _, ""] => Some((outer.to_string(), outer_arity.to_string())),
            _ => None,
        }
    });
    match parent {
        Some((outer, outer_arity)) => format!(
            "anonymous fn/{arity} in {}.{}/{outer_arity}",
            module_name(m),
            fun_name(Atom::new(&outer))
        ),
        None => format!("{}.{}/{arity}", module_name(m), fun_name(f)),
    }
}

/// A function name as Elixir prints it after a dot (quoted when needed).
pub fn fun_name(a: Atom) -> String {
    let s = inspect(&Term::Atom(a));
    s.strip_prefix(':').map(str::to_string).unwrap_or(s)
}

/// The first line of an error report: `** (MatchError) no match ...`, `** (throw) 1`,
/// `** (exit) :normal`.
pub fn banner(e: &Exc) -> String {
    match e {
        Exc::Error(t, st) => {
            let details = st.details.as_deref().unwrap_or("");
            format!("** ({}) {}{details}", exception_name(t), message(t))
        }
        Exc::Throw(v, _) => format!("** (throw) {}", inspect(v)),
        Exc::Exit(v, _) => format!("** (exit) {}", exit_message(v)),
        Exc::Cancelled => "** (exit) :killed".into(),
    }
}

/// How Elixir words an exit reason after `** (exit)`.
pub fn exit_message(v: &Term) -> String {
    format_exit(v)
}

/// A stack trace as the BEAM gives it: `[{module, function, arity, [file: 'f', line: n]}]`.
pub fn stacktrace(s: &Stack) -> Term {
    if let Some(st) = &s.given {
        return st.clone();
    }
    Term::list(
        s.entries
            .iter()
            .enumerate()
            .filter_map(|(i, e)| {
                let (m, f, a) = e.mfa?;
                if let Some(args) = &e.args {
                    // A builtin's frame: its arguments, and where Erlang explains its errors.
                    // An Erlang builtin names the module that explains its errors.
                    let explainer = match &*m.name() {
                        "erlang" => Some("erl_erts_errors"),
                        name if !name.starts_with("Elixir.") => Some("erl_stdlib_errors"),
                        _ => None,
                    };
                    let mut items: Vec<Term> = if e.file.is_empty() {
                        Vec::new()
                    } else {
                        location(e).iter_list().cloned().collect()
                    };
                    if let Some(explainer) = explainer {
                        items.push(error_info(Term::atom(explainer)));
                    }
                    let loc = Term::list(items);
                    return Some(Term::tuple(vec![
                        Term::Atom(m),
                        Term::Atom(f),
                        Term::list(args.clone()),
                        loc,
                    ]));
                }
                let mut loc = location(e);
                // The function no clause accepted: the BEAM records its arguments.
                if i == 0
                    && let Some(args) = &s.blame_args
                {
                    return Some(Term::tuple(vec![
                        Term::Atom(m),
                        Term::Atom(f),
                        Term::list(args.clone()),
                        loc,
                    ]));
                }
                if i == 0 && s.error_info {
                    let mut items: Vec<Term> = loc.iter_list().cloned().collect();
                    items.push(error_info(Term::Atom(Atom::alias("Exception"))));
                    loc = Term::list(items);
                }
                Some(Term::tuple(vec![
                    Term::Atom(m),
                    Term::Atom(f),
                    Term::Int(a as i64),
                    loc,
                ]))
            })
            .collect::<Vec<_>>(),
    )
}

/// A frame's `{:error_info, %{module: explainer}}`: the module that explains its error.
fn error_info(explainer: Term) -> Term {
    let mut info = MapT::new();
    info.insert(Term::atom("module"), explainer);
    Term::tuple(vec![Term::atom("error_info"), Term::map(info)])
}

/// A frame's `[file: 'lib/enum.ex', line: 1658]` (its file without the application).
fn location(e: &StackEntry) -> Term {
    location_term(e.file.rsplit(") ").next().unwrap_or(&e.file), i64::from(e.line))
}

/// A location, `[file: 'f', line: n]`.
fn location_term(file: &str, line: i64) -> Term {
    Term::list(vec![
        Term::tuple(vec![Term::atom("file"), Term::charlist(file)]),
        Term::tuple(vec![Term::atom("line"), Term::Int(line)]),
    ])
}

/// A frame as the BEAM records one: `{module, function, arity, [file: 'f', line: n]}`.
pub fn frame_term(m: Atom, f: &str, arity: usize, file: &str, line: i64) -> Term {
    Term::tuple(vec![
        Term::Atom(m),
        Term::atom(f),
        Term::Int(arity as i64),
        location_term(file, line),
    ])
}

/// The lines of a BEAM stack trace, as Elixir prints them under an error.
pub fn format_stacktrace(st: &Term) -> Vec<String> {
    entries_of(st)
        .iter()
        .map(|e| match &*e.file {
            "" => e.what.clone(),
            file => format!("{file}:{}: {}", e.line, e.what),
        })
        .collect()
}

/// The frames of a BEAM stack trace (`[{module, function, arity or args,
/// location}]`), as the entries of a [`Stack`]; what is not a frame is
/// skipped, as Elixir's formatting skips it.
pub fn entries_of(st: &Term) -> Vec<Arc<StackEntry>> {
    st.iter_list()
        .filter_map(|fr| {
            let [m, f, a, loc] = fr.as_tuple()? else { return None };
            let get = |k: &str| {
                loc.iter_list().find_map(|kv| match kv.as_tuple() {
                    Some([Term::Atom(key), v]) if &*key.name() == k => Some(v.clone()),
                    _ => None,
                })
            };
            let (module, name) = (m.as_atom()?, f.as_atom());
            let fun = name.map(|n| n.name());
            // The frames of module bodies and of a script's own code name no
            // application.
            let (app, what, args) = match (fun.as_deref(), a) {
                (Some("__MODULE__"), Term::Int(0)) => ("", format!("{} (module)", inspect(m)), None),
                (Some("__MODULE__"), Term::Int(1)) => ("", "(module)".to_string(), None),
                (Some("__FILE__"), Term::Int(1)) => ("", "(file)".to_string(), None),
                (_, Term::Int(_)) => (app_prefix(module), mfa(m, f, a), None),
                (_, args) => {
                    let shown: Vec<String> = args.iter_list().map(inspect).collect();
                    let f = name.map(fun_name).unwrap_or_default();
                    let what = format!("{}.{f}({})", module_name(module), shown.join(", "));
                    (app_prefix(module), what, Some(args.iter_list().cloned().collect()))
                }
            };
            let mfa = name.map(|n| (module, n, a.as_int().unwrap_or(0) as usize));
            let (file, line) = match get("file") {
                Some(file) => {
                    let mut bytes = Vec::new();
                    for c in file.iter_list() {
                        bytes.push(c.as_int()? as u8);
                    }
                    let line = get("line")?.as_int()? as u32;
                    (format!("{app}{}", String::from_utf8_lossy(&bytes)), line)
                }
                None => (String::new(), 0),
            };
            let what = if file.is_empty() { format!("{app}{what}") } else { what };
            Some(Arc::new(StackEntry {
                file: file.into(),
                line,
                what,
                mfa,
                args,
            }))
        })
        .collect()
}

/// The stack of an exception raised again with the stack trace `st`
/// (`reraise/2,3`): exactly those frames, none added as it travels on.
pub fn given_stack(st: &Term) -> Stack {
    Stack {
        entries: entries_of(st),
        complete: true,
        given: Some(st.clone()),
        ..Default::default()
    }
}

/// The modules of Elixir's compiler and of the script runner, whose frames
/// Elixir leaves out when a script ends with an error (the frames from the
/// runner's `Kernel.CLI.wrapper/1` on go too).
const ELIXIR_INTERNALS: &[&str] = &[
    "elixir",
    "elixir_aliases",
    "elixir_expand",
    "elixir_compiler",
    "elixir_module",
    "elixir_clauses",
    "elixir_lexical",
    "elixir_def",
    "elixir_map",
    "elixir_locals",
    "elixir_erl",
    "elixir_erl_clauses",
    "elixir_erl_compiler",
    "elixir_erl_pass",
    "Elixir.Kernel.ErrorHandler",
    "Elixir.Module.ParallelChecker",
];

/// The entries a script's error report shows of a stack given to
/// `reraise`, as Elixir's runner prunes them.
pub fn pruned(entries: &[Arc<StackEntry>]) -> Vec<Arc<StackEntry>> {
    let mut out = Vec::new();
    for e in entries {
        match e.mfa {
            Some((m, f, 1)) if &*m.name() == "Elixir.Kernel.CLI" && &*f.name() == "wrapper" => break,
            Some((m, _, _)) if ELIXIR_INTERNALS.contains(&&*m.name()) => continue,
            _ => out.push(e.clone()),
        }
    }
    out
}

/// The exception an Erlang error reason stands for (`{:badmatch, v}` is a MatchError).
fn reason_exception(r: &Term) -> Option<Term> {
    if r.map_get(Atom::EXCEPTION).is_some() {
        return Some(r.clone());
    }
    let one = |name: &str, k: &str, v: &Term| Some(exception(name, vec![(k, v.clone())]));
    match r {
        Term::Atom(Atom::BADARITH) => Some(exception(
            "ArithmeticError",
            vec![("message", Term::str("bad argument in arithmetic expression"))],
        )),
        Term::Tuple(t) => match (t.first().and_then(Term::as_atom).map(|a| a.name()).as_deref(), t.get(1)) {
            (Some("badmatch"), Some(v)) => one("MatchError", "term", v),
            (Some("case_clause"), Some(v)) => one("CaseClauseError", "term", v),
            (Some("badmap"), Some(v)) => one("BadMapError", "term", v),
            (Some("badfun"), Some(v)) => one("BadFunctionError", "term", v),
            (Some("badkey"), Some(k)) if t.len() == 3 => Some(exception(
                "KeyError",
                vec![("key", k.clone()), ("term", t[2].clone()), ("message", Term::NIL)],
            )),
            (Some("nocatch"), Some(_)) => Some(exception(
                "ErlangError",
                vec![("original", r.clone()), ("reason", Term::NIL)],
            )),
            _ => None,
        },
        _ => None,
    }
}

/// `Exception.normalize(:error, reason)`: the Elixir exception an Erlang error reason is.
pub fn normalize_error(reason: &Term) -> Term {
    if let Some(e) = reason_exception(reason) {
        return e;
    }
    match reason {
        Term::Atom(a) if &*a.name() == "badarg" => {
            exception("ArgumentError", vec![("message", Term::str("argument error"))])
        }
        Term::Atom(a) if &*a.name() == "system_limit" => exception(
            "SystemLimitError",
            vec![("message", Term::str("a system limit has been reached"))],
        ),
        _ => exception("ErlangError", vec![("original", reason.clone()), ("reason", Term::NIL)]),
    }
}

/// `Exception.format_exit/1`: how Elixir words the reason a process exited with.
pub fn format_exit(reason: &Term) -> String {
    format_exit_joined(reason, "\n    ")
}

/// `Exception.format_exit/2`: nested reasons are indented by `joiner`.
fn format_exit_joined(reason: &Term, joiner: &str) -> String {
    let t = match reason {
        Term::Tuple(t) if t.len() == 2 => t,
        _ => return format_exit_reason(reason),
    };
    // `{exception, stacktrace}`: an error.
    if t[1].is_list() && t[1] != Term::EmptyList && is_stacktrace(&t[1]) {
        let e = normalize_error(&t[0]);
        let mut s = format!(
            "an exception was raised:{joiner}{}",
            banner(&Exc::Error(e, Box::default()))
        );
        for line in format_stacktrace(&t[1]) {
            s.push_str(joiner);
            s.push_str("    ");
            s.push_str(&line);
        }
        return s;
    }
    // `{:shutdown, {:failed_to_start_child, child, reason}}`.
    if t[0] == Term::atom("shutdown")
        && let Some([tag, child, why]) = t[1].as_tuple()
        && *tag == Term::atom("failed_to_start_child")
    {
        let why = match why.as_tuple() {
            Some([Term::Atom(Atom::EXIT), r]) => r,
            _ => why,
        };
        return format!(
            "shutdown: failed to start child: {}{joiner}** (EXIT) {}",
            inspect(child),
            format_exit_joined(why, &format!("{joiner}    "))
        );
    }
    // `{reason, {module, function, args}}`: an exit of a call.
    if let Some([Term::Atom(m), Term::Atom(f), args]) = t[1].as_tuple()
        && let Some(args) = args.list_to_vec()
        && args.len() < 256
    {
        let shown: Vec<String> = args.iter().map(inspect).collect();
        return format!(
            "exited in: {}.{}({}){joiner}** (EXIT) {}",
            module_name(*m),
            fun_name(*f),
            shown.join(", "),
            format_exit_joined(&t[0], &format!("{joiner}    "))
        );
    }
    format_exit_reason(reason)
}

/// Whether every element of a list reads as a stack trace entry.
fn is_stacktrace(list: &Term) -> bool {
    list.iter_list().all(|fr| match fr.as_tuple() {
        Some([Term::Atom(_), Term::Atom(_), a, loc]) => (a.as_int().is_some() || a.is_list()) && loc.is_list(),
        Some([f, a, loc]) => matches!(f, Term::Fun(_)) && (a.as_int().is_some() || a.is_list()) && loc.is_list(),
        _ => false,
    })
}

/// `Exception.format_exit_reason/1`: one reason, not nested.
fn format_exit_reason(reason: &Term) -> String {
    let tagged = |tag: &str| match reason.as_tuple() {
        Some([Term::Atom(a), v]) if &*a.name() == tag => Some(v.clone()),
        _ => None,
    };
    match reason {
        Term::Atom(a) => match a.name().as_ref() {
            "normal" | "shutdown" | "killed" => return a.name().to_string(),
            "calling_self" => return "process attempted to call itself".into(),
            "noproc" => {
                return "no process: the process is not alive or there's no process currently associated with the given name, possibly because its application isn't started".into();
            }
            "timeout" => return "time out".into(),
            "noconnection" => return "no connection".into(),
            _ => {}
        },
        Term::Tuple(_) => {
            if let Some(v) = tagged("shutdown") {
                return format!("shutdown: {}", inspect(&v));
            }
            if let Some(Term::Atom(n)) = tagged("nodedown") {
                return format!("no connection to {}", n.name());
            }
            for (tag, text) in [
                ("already_started", "already started: "),
                ("bad_return_value", "bad return value: "),
                ("bad_call", "bad call: "),
                ("bad_cast", "bad cast: "),
            ] {
                if let Some(v) = tagged(tag) {
                    return format!("{text}{}", inspect(&v));
                }
            }
            if let Some(v) = tagged("bad_return")
                && let Some([Term::Atom(m), init, value]) = v.as_tuple()
                && *init == Term::atom("init")
            {
                return format!(
                    "{} returned a bad value: {}",
                    format_mfa(*m, Atom::new("init"), 1),
                    inspect(value)
                );
            }
            if let Some(v) = tagged("bad_start_spec") {
                return format!("bad child specification, invalid children: {}", inspect(&v));
            }
            if let Some(v) = tagged("start_spec") {
                return format!("bad child specification, {}", format_sup_spec(&v));
            }
            if let Some(v) = tagged("supervisor_data") {
                return format!("bad supervisor configuration, {}", format_sup_data(&v));
            }
        }
        _ => {}
    }
    inspect(reason)
}

/// How Elixir words a bad child specification.
fn format_sup_spec(spec: &Term) -> String {
    let Some([Term::Atom(a), v]) = spec.as_tuple() else {
        return format!("got: {}", inspect(spec));
    };
    let v = inspect(v);
    match &*a.name() {
        "duplicate_child_name" => format!(
            "more than one child specification has the id: {v}.\nIf using maps as child specifications, make sure the :id keys are unique.\nIf using a module or {{module, arg}} as child, use Supervisor.child_spec/2 to change the :id, for example:\n\n    children = [\n      Supervisor.child_spec({{MyWorker, arg}}, id: :my_worker_1),\n      Supervisor.child_spec({{MyWorker, arg}}, id: :my_worker_2)\n    ]\n"
        ),
        "invalid_child_spec" => format!("invalid child specification: {v}"),
        "invalid_child_type" => format!("invalid child type: {v}. Must be :worker or :supervisor."),
        "invalid_mfa" => format!("invalid mfa: {v}"),
        "invalid_restart_type" => {
            format!("invalid restart type: {v}. Must be :permanent, :transient or :temporary.")
        }
        "invalid_shutdown" => format!("invalid shutdown: {v}. Must be an integer >= 0, :infinity or :brutal_kill."),
        "invalid_module" => format!("invalid module: {v}. Must be an atom."),
        "invalid_modules" => format!("invalid modules: {v}. Must be a list of atoms or :dynamic."),
        _ => format!("got: {}", inspect(spec)),
    }
}

/// How Elixir words a bad supervisor configuration.
fn format_sup_data(data: &Term) -> String {
    if let Some([Term::Atom(a), v]) = data.as_tuple() {
        let what = match &*a.name() {
            "invalid_type" => "invalid type",
            "invalid_strategy" => "invalid strategy",
            "invalid_intensity" => "invalid max_restarts (intensity)",
            "invalid_period" => "invalid max_seconds (period)",
            "invalid_max_children" => "invalid max_children",
            "invalid_extra_arguments" => "invalid extra_arguments",
            _ => return format!("got: {}", inspect(data)),
        };
        return format!("{what}: {}", inspect(v));
    }
    format!("got: {}", inspect(data))
}

/// The Erlang exit reason of a process that died of this exception: `{:badmatch, v}`…
/// for the errors the BEAM raises itself, the struct for the ones Elixir raises.
pub fn exit_reason(e: &Exc) -> Term {
    match e {
        Exc::Error(t, s) => Term::tuple(vec![raw_error_reason(t), stacktrace(s)]),
        Exc::Throw(v, s) => Term::tuple(vec![Term::tuple(vec![Term::atom("nocatch"), v.clone()]), stacktrace(s)]),
        Exc::Exit(v, _) => v.clone(),
        Exc::Cancelled => Term::Atom(Atom::KILLED),
    }
}

/// The Erlang error reason an exception stands for when the BEAM raised it
/// (`:badarith` for an ArithmeticError…); an exception Elixir raises is itself.
pub fn raw_error_reason(t: &Term) -> Term {
    let f = |n: &str| field(t, n);
    let tag = |a: &str, v: Term| Term::tuple(vec![Term::atom(a), v]);
    match exception_name(t).as_str() {
        "MatchError" => tag("badmatch", f("term")),
        "CaseClauseError" => tag("case_clause", f("term")),
        "TryClauseError" => tag("try_clause", f("term")),
        "ArithmeticError" => Term::Atom(Atom::BADARITH),
        "FunctionClauseError" => Term::Atom(Atom::FUNCTION_CLAUSE),
        "UndefinedFunctionError" => Term::Atom(Atom::UNDEF),
        "BadMapError" => tag("badmap", f("term")),
        "BadFunctionError" => tag("badfun", f("term")),
        "KeyError" if !f("message").is_truthy() && matches!(f("term"), Term::Map(_)) => {
            Term::tuple(vec![Term::atom("badkey"), f("key"), f("term")])
        }
        "ArgumentError" if f("message") == Term::str("argument error") => Term::atom("badarg"),
        _ => t.clone(),
    }
}

/// The stack lines under [`blamed_banner`]: a frame whose arguments the
/// banner shows is named by its arity instead.
pub fn blamed_stack_lines(e: &Exc) -> Vec<String> {
    let mut lines = stack_lines(e);
    if let Exc::Error(t, st) = e
        && let Some(args) = &st.blame_args
        && exception_name(t) == "FunctionClauseError"
        && let (Some(first), Some(entry)) = (lines.first_mut(), st.entries.first())
        && let Some(open) = entry.what.find('(')
        // The frame of the function no clause accepted (a builtin has none).
        && open > 0
    {
        let head = &entry.what[..open];
        // A closure's name already ends with its arity (`anonymous fn/1 in M.f/1`).
        let named = head
            .rsplit_once('/')
            .is_some_and(|(_, n)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        *first = if named {
            format!("    {}:{}: {head}", entry.file, entry.line)
        } else {
            format!("    {}:{}: {head}/{}", entry.file, entry.line, args.len())
        };
    }
    lines
}

/// The stack-trace lines Elixir prints under the banner (`    file:line: what`).
pub fn stack_lines(e: &Exc) -> Vec<String> {
    match e {
        Exc::Error(_, s) | Exc::Throw(_, s) | Exc::Exit(_, s) => s
            .entries
            .iter()
            .map(|f| match &*f.file {
                "" => format!("    {}", f.what),
                file => format!("    {file}:{}: {}", f.line, f.what),
            })
            .collect(),
        _ => vec![],
    }
}

/// What Elixir prints for an error that reaches the top (of a script or of
/// the shell): the banner with the hints `Exception.blame` adds, the
/// arguments a FunctionClauseError was given, and "Did you mean" for an
/// undefined function of a loaded module.
pub fn blamed_banner(x: &Exc, marks: crate::stdlib::clauses::Marks) -> String {
    let mut t = banner(x);
    let Exc::Error(e, st) = x else { return t };
    match exception_name(e).as_str() {
        "FunctionClauseError" => {
            if let Some(args) = &st.blame_args {
                let name = message(e)
                    .trim_start_matches("no function clause matching in ")
                    .to_string();
                t.push_str(&format!(
                    "    \n    \n    The following arguments were given to {name}:\n    \n"
                ));
                for (i, a) in args.iter().enumerate() {
                    let shown = crate::term::inspect::inspect(a, &crate::term::inspect::Opts::pretty());
                    t.push_str(&format!(
                        "        # {}\n        {}\n    \n",
                        i + 1,
                        shown.replace('\n', "\n        ")
                    ));
                }
                // A builtin written in Elixir: which of its clauses' patterns
                // and conditions held.
                if let Some(f) = st.entries.first()
                    && let Some((m, n, a)) = f.mfa
                    && a == args.len()
                    && let Some(d) = crate::stdlib::clauses::lookup(m, n, a)
                {
                    t.push_str(&crate::stdlib::clauses::attempted(d, args, marks));
                    t.push_str("    \n");
                }
                // The banner's own line break follows.
                t.pop();
            }
        }
        "ArithmeticError" => {
            if let Some(detail) = st.entries.first().and_then(|f| arithmetic_detail(f)) {
                t.push_str(&detail);
            }
        }
        "UndefinedFunctionError" if !field(e, "message").is_truthy() => {
            if let (Some(m), Some(f)) = (field(e, "module").as_atom(), field(e, "function").as_atom()) {
                let arity = field(e, "arity").as_int().unwrap_or(-1);
                if crate::stdlib::is_macro(m, f, arity as usize) {
                    t.push_str(&format!(
                        ". However there is a macro with the same name and arity. Be sure to require {} if you intend to invoke this macro",
                        module_name(m)
                    ));
                    return t;
                }
                let hint = did_you_mean(m, f);
                if !hint.is_empty() {
                    t.push_str(". Did you mean:\n\n");
                    t.push_str(&hint);
                }
            }
        }
        _ => {}
    }
    t
}

/// What `ArithmeticError.blame/2` adds to the message when the innermost
/// frame is the operator that failed: `: 10 / 0`, `: div(1, 0)`.
fn arithmetic_detail(frame: &StackEntry) -> Option<String> {
    let (m, f, _) = frame.mfa?;
    let args = frame.args.as_ref()?;
    if &*m.name() != "erlang" {
        return None;
    }
    let op = f.name();
    Some(match (&*op, &args[..]) {
        ("+" | "-", [a]) => format!(": {op}({})", inspect(a)),
        ("+" | "-" | "*" | "/", [a, b]) => format!(": {} {op} {}", inspect(a), inspect(b)),
        ("div" | "rem", [a, b]) => format!(": {op}({}, {})", inspect(a), inspect(b)),
        ("band" | "bor" | "bxor" | "bsl" | "bsr", [a, b]) => {
            format!(": Bitwise.{op}({}, {})", inspect(a), inspect(b))
        }
        ("bnot", [a]) => format!(": Bitwise.bnot({})", inspect(a)),
        _ => String::new(),
    })
}

type NameArity = (String, usize);

/// The public functions of a module and the deprecated ones among them, as
/// Elixir lists them (recorded from Elixir for the builtin modules).
pub(crate) fn exports_of(module: Atom) -> Option<(Vec<NameArity>, Vec<NameArity>)> {
    if let Some(info) = crate::eval::code::module(module) {
        let exports = info.exports.iter().map(|(n, a)| (fun_name(*n), *a)).collect();
        return Some((exports, Vec::new()));
    }
    let shown = module_name(module);
    let line = crate::stdlib::EXPORTS
        .lines()
        .find(|l| l.split(' ').next() == Some(shown.as_str()))?;
    let (all, deprecated) = line.split_once(" |").unwrap_or((line, ""));
    let parse = |s: &str| -> Vec<NameArity> {
        s.split(' ')
            .filter_map(|fa| {
                let (n, a) = fa.rsplit_once('/')?;
                Some((n.to_string(), a.parse().ok()?))
            })
            .collect()
    };
    Some((parse(all), parse(deprecated)))
}

/// The suggestions of `Exception`'s "Did you mean" for `module.name`: every
/// arity of the same name, else the names at Jaro distance 0.77 or more (at
/// most five, closest first, then listed by name), one `      * name/arity` line each.
fn did_you_mean(module: Atom, name: Atom) -> String {
    let Some((exports, deprecated)) = exports_of(module) else {
        return String::new();
    };
    let base = fun_name(name);
    let mut found: Vec<(f64, &str, usize)> = exports
        .iter()
        .filter(|(n, _)| *n == base)
        .map(|(n, a)| (1.0, n.as_str(), *a))
        .collect();
    if found.is_empty() {
        found = exports
            .iter()
            .filter(|fa| !deprecated.contains(fa))
            .filter_map(|(n, a)| {
                let d = crate::stdlib::string::jaro(&base, n);
                (d >= 0.77).then_some((d, n.as_str(), *a))
            })
            .collect();
    }
    // Both sorts are stable, as Elixir's are.
    found.sort_by(|a, b| b.0.total_cmp(&a.0));
    found.truncate(5);
    found.sort_by(|a, b| a.1.cmp(b.1));
    found.iter().map(|(_, n, a)| format!("      * {n}/{a}\n")).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_result_is_two_words() {
        assert_eq!(std::mem::size_of::<super::R<crate::term::Term>>(), 16);
    }
}
