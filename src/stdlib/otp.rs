//! The OTP behaviours — GenServer, `:sys`, Agent, Task, Supervisor,
//! Registry — written in Elixir (`otp/*.ex`) on the runtime's primitives;
//! so are `Access` with Kernel's path functions, and the functions of the
//! `Enumerable` protocol that user code calls directly (`Enumerable.reduce/3`
//! and the implementations for lists, maps and functions). Each source is
//! loaded into the code table the first time code needs one of its modules
//! ([`require`], which the code table calls), so a script that needs none
//! of them does not pay for compiling them.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock};

use super::Registry;
use crate::eval::Proc;
use crate::eval::exception::{self as ex, R};
use crate::eval::session::Session;
use crate::runtime;
use crate::syntax;
use crate::syntax::ast::{CallTarget, Expr, ExprKind};
use crate::term::inspect::inspect_default;
use crate::term::{Atom, Pid, Ref, Term};

const SOURCES: &[(&str, &str)] = &[
    ("gen_server.ex", include_str!("otp/gen_server.ex")),
    ("agent.ex", include_str!("otp/agent.ex")),
    ("task.ex", include_str!("otp/task.ex")),
    ("supervisor.ex", include_str!("otp/supervisor.ex")),
    ("registry.ex", include_str!("otp/registry.ex")),
    ("enumerable.ex", include_str!("otp/enumerable.ex")),
    ("access.ex", include_str!("otp/access.ex")),
];

/// The prefix of the names the OTP sources are compiled under, which no
/// user file has: a frame in them is OTP's own (see [`frame`]).
const PREFIX: &str = "(otp)/";

/// Where a line of an OTP source stands in Elixir's own sources, from the
/// `# elixir: lib/gen_server.ex:1038` markers at the ends of lines.
static MARKERS: LazyLock<HashMap<(String, u32), (String, u32)>> = LazyLock::new(|| {
    let mut m = HashMap::new();
    for (file, src) in SOURCES {
        for (i, text) in src.lines().enumerate() {
            let Some((_, mark)) = text.split_once("# elixir: ") else {
                continue;
            };
            let Some((path, line)) = mark.trim().rsplit_once(':') else {
                continue;
            };
            if let Ok(line) = line.parse() {
                m.insert((format!("{PREFIX}{file}"), i as u32 + 1), (path.to_string(), line));
            }
        }
    }
    m
});

/// Whether `file` is one of the OTP sources.
pub fn is_source(file: &str) -> bool {
    file.starts_with(PREFIX)
}

/// The frame of OTP code at `file:line` as the BEAM records Elixir's own:
/// `Some` with Elixir's file (with its application) and line where the line
/// is marked, `None` where Elixir's code leaves no frame of its own (the
/// plumbing iexr writes in Elixir instead of Erlang).
pub fn frame(file: &str, line: u32) -> Option<(String, u32)> {
    MARKERS
        .get(&(file.to_string(), line))
        .map(|(path, l)| (format!("(elixir 1.14.0) {path}"), *l))
}

/// Which source defines each module (and, in `Kernel`, each function),
/// read off the sources' top-level `defmodule`/`defimpl` lines.
struct Index {
    modules: HashMap<Atom, usize>,
    kernel: HashMap<Atom, usize>,
}

static INDEX: LazyLock<Index> = LazyLock::new(|| {
    let mut ix = Index {
        modules: HashMap::new(),
        kernel: HashMap::new(),
    };
    for (i, (_, src)) in SOURCES.iter().enumerate() {
        let mut current = String::new();
        for line in src.lines() {
            if let Some(rest) = line.strip_prefix("defmodule ") {
                current = rest.trim_end_matches(" do").trim().to_string();
                let names: Vec<String> = match current.strip_suffix(".NATIVE") {
                    Some(p) => NATIVE_ENUMERABLES.iter().map(|t| format!("{p}.{t}")).collect(),
                    None => vec![current.clone()],
                };
                for n in names.iter().filter(|n| *n != "Kernel") {
                    let atom = match n.strip_prefix(':') {
                        Some(erl) => Atom::new(erl),
                        None => Atom::alias(n),
                    };
                    ix.modules.insert(atom, i);
                }
            } else if let Some(rest) = line.strip_prefix("defimpl ") {
                if let Some((proto, t)) = rest.split_once(", for: ") {
                    ix.modules
                        .insert(Atom::alias(&format!("{proto}.{}", t.trim_end_matches(" do"))), i);
                }
                current.clear();
            } else if current == "Kernel"
                && let Some(rest) = line.trim_start().strip_prefix("def ")
            {
                let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                ix.kernel.insert(Atom::new(&name), i);
            }
        }
    }
    ix
});

/// The modules the sources define, loaded or not.
pub fn modules() -> Vec<Atom> {
    INDEX.modules.keys().copied().collect()
}

/// The types whose `Enumerable` implementation one module serves.
const NATIVE_ENUMERABLES: [&str; 4] = ["Range", "MapSet", "Stream", "IO.Stream"];

const NOT_LOADED: u8 = 0;
const LOADING: u8 = 1;
const DONE: u8 = 2;

/// Each source's state; a source is loaded the first time code needs one
/// of its modules, so a script that uses none of them starts at once.
static STATE: [std::sync::atomic::AtomicU8; SOURCES.len()] =
    [const { std::sync::atomic::AtomicU8::new(NOT_LOADED) }; SOURCES.len()];

/// One thread loads at a time (re-entrantly: a source may need another).
struct Loader {
    owner: Option<std::thread::ThreadId>,
    depth: usize,
}

static LOADER: std::sync::Mutex<Loader> = std::sync::Mutex::new(Loader { owner: None, depth: 0 });
static LOADER_DONE: std::sync::Condvar = std::sync::Condvar::new();

/// Loads the source that defines `module` (with `function`, for Kernel's
/// functions written in Elixir), unless it is loaded or a module of that
/// name is defined already (a user's own).
pub fn require(module: Atom, function: Option<Atom>) {
    let ix = &*INDEX;
    let i = match (module == Atom::ELIXIR_KERNEL, function) {
        (true, Some(f)) => ix.kernel.get(&f),
        (true, None) => None,
        (false, _) => ix.modules.get(&module),
    };
    let Some(&i) = i else { return };
    if STATE[i].load(std::sync::atomic::Ordering::Acquire) == DONE {
        return;
    }
    if module != Atom::ELIXIR_KERNEL && crate::eval::code::module_defined(module) {
        return;
    }
    load(i);
}

fn load(i: usize) {
    use std::sync::atomic::Ordering;
    let me = std::thread::current().id();
    let mut g = LOADER.lock().unwrap_or_else(|e| e.into_inner());
    while g.owner.is_some_and(|o| o != me) {
        g = LOADER_DONE.wait(g).unwrap_or_else(|e| e.into_inner());
    }
    g.owner = Some(me);
    if STATE[i].load(Ordering::Acquire) != NOT_LOADED {
        if g.depth == 0 {
            g.owner = None;
            LOADER_DONE.notify_all();
        }
        return;
    }
    g.depth += 1;
    STATE[i].store(LOADING, Ordering::Release);
    drop(g);
    load_source(SOURCES[i].0, SOURCES[i].1);
    STATE[i].store(DONE, Ordering::Release);
    let mut g = LOADER.lock().unwrap_or_else(|e| e.into_inner());
    g.depth -= 1;
    if g.depth == 0 {
        g.owner = None;
        LOADER_DONE.notify_all();
    }
}

fn load_source(file: &str, src: &str) {
    let mut proc = Proc::new(runtime::detached_process());
    // One module serves each type enumerated natively.
    let src = match src.split_once("defmodule Enumerable.NATIVE do") {
        Some((before, native)) => {
            let mut all = before.to_string();
            for t in NATIVE_ENUMERABLES {
                all.push_str(&format!("defmodule Enumerable.{t} do{native}"));
            }
            all
        }
        None => src.to_string(),
    };
    let Ok(exprs) = syntax::parse_program(&src) else {
        runtime::io::err(&format!("internal error: {file} does not parse\n"));
        return;
    };
    let mut session = Session::new(&format!("{PREFIX}{file}"), "otp");
    for e in &exprs {
        if let Err(f) = session.eval(&mut proc, e) {
            runtime::io::err(&format!("internal error: {file} does not load: {f:?}\n"));
        }
    }
}

/// A frame of Erlang's own OTP code: `{module, function, arity, [file: 'f', line: n]}`.
fn erl_frame(module: &str, function: &str, arity: usize, file: &str, line: i64) -> Term {
    ex::frame_term(Atom::new(module), function, arity, file, line)
}

/// The frames OTP 25's `gen_server` has under a callback, by where it was called.
fn gen_server_frames(place: &str) -> Vec<Term> {
    let gs = |f: &str, a: usize, l: i64| erl_frame("gen_server", f, a, "gen_server.erl", l);
    let mut v = match place {
        "init" => vec![gs("init_it", 2, 851), gs("init_it", 6, 814)],
        "call" => vec![gs("try_handle_call", 4, 1149), gs("handle_msg", 6, 1178)],
        "continue" => vec![gs("try_dispatch", 4, 1123), gs("loop", 7, 865)],
        "terminate" => vec![gs("try_terminate", 3, 1161), gs("terminate", 10, 1351)],
        _ => vec![gs("try_dispatch", 4, 1123), gs("handle_msg", 6, 1200)],
    };
    v.push(erl_frame("proc_lib", "init_p_do_apply", 3, "proc_lib.erl", 240));
    v
}

/// `{:"$ack", ref, result}`, the starter's acknowledgement.
fn is_ack(m: &Term, r: &Term) -> Option<Term> {
    match m.as_tuple() {
        Some([tag, x, result]) if *tag == Term::atom("$ack") && x == r => Some(result.clone()),
        _ => None,
    }
}

/// `{:DOWN, ref, :process, pid, reason}` of the monitor `r`: its reason.
fn is_down(m: &Term, r: Ref) -> Option<Term> {
    match m.as_tuple() {
        Some([Term::Atom(Atom::DOWN), Term::Ref(x), _, _, reason]) if *x == r => Some(reason.clone()),
        _ => None,
    }
}

fn timeout_ms(t: &Term) -> R<Option<u64>> {
    match t {
        Term::Int(ms) if *ms >= 0 => Ok(Some(*ms as u64)),
        Term::Atom(Atom::INFINITY) => Ok(None),
        _ => ex::badarg(),
    }
}

/// A call in OTP's protocol (`:gen.call/4`): `{tag, from, request}` to
/// `pid`, from an alias that dies with the monitor, so a reply that comes
/// after the timeout is dropped. `{:ok, reply}` or `{:exit, reason}`.
fn gen_call(p: &mut Proc, pid: Pid, tag: Term, request: Term, timeout: Option<u64>) -> R<Term> {
    let mon = runtime::monitor(&p.me, pid);
    let alias = Term::cons(Term::atom("alias"), Term::Ref(mon));
    let from = Term::tuple(vec![Term::Pid(p.pid()), alias.clone()]);
    let stack = p.current_stacktrace(0, || Term::list(vec![erl_frame("gen", "do_call", 4, "gen.erl", 256)]));
    *p.me.calling.lock().unwrap_or_else(|e| e.into_inner()) = Some(stack);
    runtime::send(pid, Term::tuple(vec![tag, from, request]));
    let got = p.receive_where(timeout, |m| match m.as_tuple() {
        Some([t, reply]) if *t == alias => Some(Ok(reply.clone())),
        _ => is_down(m, mon).map(Err),
    });
    *p.me.calling.lock().unwrap_or_else(|e| e.into_inner()) = None;
    let got = got?;
    let tagged = |t: &str, v: Term| Term::tuple(vec![Term::atom(t), v]);
    Ok(match got {
        Some((_, Ok(reply))) => {
            demonitor_flush(p, mon);
            tagged("ok", reply)
        }
        Some((_, Err(reason))) => tagged("exit", reason),
        None => {
            demonitor_flush(p, mon);
            tagged("exit", Term::atom("timeout"))
        }
    })
}

/// `Process.demonitor(ref, [:flush])`.
fn demonitor_flush(p: &Proc, mon: Ref) {
    runtime::demonitor(mon);
    p.me.mailbox.remove_where(|m| is_down(m, mon).is_some());
}

/// Whether an exit reason is one the error logger keeps quiet about.
fn is_normal_exit(reason: &Term) -> bool {
    match reason {
        Term::Atom(a) => matches!(&*a.name(), "normal" | "shutdown"),
        Term::Tuple(t) => t.len() == 2 && t[0] == Term::atom("shutdown"),
        _ => false,
    }
}

/// A process named as the logger names it: its registered name, or its pid.
fn logged_name(pid: Pid) -> String {
    match runtime::name_of(pid) {
        Some(n) => inspect_default(&Term::Atom(n)),
        None => inspect_default(&Term::Pid(pid)),
    }
}

/// The banner and stack of an exit reason in a report, as Logger's
/// translator formats it: an exception with its stack, or `** (stop) reason`.
fn format_reason(reason: &Term) -> String {
    if let Some([e, stack]) = reason.as_tuple()
        && matches!(stack, Term::Cons(_))
    {
        let lines = ex::format_stacktrace(stack);
        if lines.len() == stack.iter_list().count() {
            let normalized = match (e, stack.iter_list().next().and_then(Term::as_tuple)) {
                // The BEAM's own errors name the function from the stack's top.
                (Term::Atom(a), Some([m, f, args, _])) if matches!(&*a.name(), "function_clause" | "undef") => {
                    let arity = match args {
                        Term::Int(n) => Term::Int(*n),
                        list => Term::Int(list.iter_list().count() as i64),
                    };
                    let name = if &*a.name() == "undef" {
                        "UndefinedFunctionError"
                    } else {
                        "FunctionClauseError"
                    };
                    ex::exception(
                        name,
                        vec![("module", m.clone()), ("function", f.clone()), ("arity", arity)],
                    )
                }
                _ => ex::normalize_error(e),
            };
            let mut text = if e.map_get(Atom::EXCEPTION).is_some() || ex::exception_name(&normalized) != "ErlangError" {
                ex::banner(&ex::Exc::Error(normalized, Box::default()))
            } else {
                format!("** (stop) {}", ex::format_exit(e))
            };
            for l in lines {
                text.push_str("\n    ");
                text.push_str(&l);
            }
            return text;
        }
    }
    format!("** (stop) {}", ex::format_exit(reason))
}

/// Logger's report of a GenServer that terminates abnormally:
/// `[name, last message, state, reason, from]`.
fn gen_server_report(a: &[Term]) {
    let reason = &a[3];
    if is_normal_exit(reason) {
        return;
    }
    let client = match a[4].as_tuple() {
        Some([Term::Pid(c), _]) => Some(*c),
        _ => None,
    };
    let mut text = format!(
        "\n{} [error] GenServer {} terminating\n{}\n",
        super::timestamp(),
        inspect_default(&a[0]),
        format_reason(reason)
    );
    match client {
        Some(c) => text.push_str(&format!(
            "Last message (from {}): {}\n",
            logged_name(c),
            inspect_default(&a[1])
        )),
        None => text.push_str(&format!("Last message: {}\n", inspect_default(&a[1]))),
    }
    text.push_str(&format!("State: {}\n", inspect_default(&a[2])));
    if let Some(c) = client {
        if runtime::is_alive(c) {
            text.push_str(&format!("Client {} is alive\n\n", logged_name(c)));
            let stack = runtime::lookup(c).and_then(|p| p.calling.lock().unwrap_or_else(|e| e.into_inner()).clone());
            for l in stack.map(|st| ex::format_stacktrace(&st)).unwrap_or_default() {
                text.push_str(&format!("    {l}\n"));
            }
        } else {
            text.push_str(&format!("Client {} is dead\n", logged_name(c)));
        }
    }
    runtime::io::out(&text);
}

/// The natives OTP's Elixir code is written on (module `:iexr`).
pub fn register(r: &mut Registry) {
    // `:erlang.apply/2,3`, which tasks are started with, is Kernel's `apply`.
    for arity in [2, 3] {
        if let Some(f) = r.get("Kernel", "apply", arity) {
            r.add(":erlang", "apply", arity, f);
        }
    }
    // Waits for a started process's acknowledgement; when the start failed,
    // also for its exit, so its exit signal has arrived before this returns.
    r.add(":iexr", "start_ack", 2, |p, a| {
        let Term::Pid(pid) = a[0] else { return ex::badarg() };
        let mon = runtime::monitor(&p.me, pid);
        let r = a[1].clone();
        let got = p.receive_where(None, |m| match is_ack(m, &r) {
            Some(result) => Some(Ok(result)),
            None => is_down(m, mon).map(Err),
        })?;
        match got {
            Some((_, Ok(result))) => {
                if matches!(result.as_tuple(), Some([Term::Atom(Atom::OK), _])) {
                    demonitor_flush(p, mon);
                } else {
                    p.receive_where(None, |m| is_down(m, mon))?;
                }
                Ok(result)
            }
            Some((_, Err(reason))) => Ok(Term::tuple(vec![Term::atom("error"), reason])),
            None => Ok(Term::NIL),
        }
    });
    // The exit reason of a callback that raised (`kind` :error or :throw,
    // with OTP's frames under the stack) or exited.
    r.add(":iexr", "exit_reason", 4, |_, a| {
        let place = a[3].as_atom().map(|x| x.name().to_string()).unwrap_or_default();
        let mut stack: Vec<Term> = a[2].iter_list().cloned().collect();
        stack.extend(gen_server_frames(&place));
        let stack = Term::list(stack);
        Ok(match a[0].as_atom().map(|k| k.name().to_string()).as_deref() {
            Some("error") => Term::tuple(vec![ex::raw_error_reason(&a[1]), stack]),
            Some("throw") => Term::tuple(vec![Term::tuple(vec![Term::atom("nocatch"), a[1].clone()]), stack]),
            _ => a[1].clone(),
        })
    });
    r.add(":iexr", "gen_call", 3, |p, a| {
        let Term::Pid(pid) = a[0] else { return ex::badarg() };
        let timeout = timeout_ms(&a[2])?;
        gen_call(p, pid, Term::atom("$gen_call"), a[1].clone(), timeout)
    });
    r.add(":iexr", "system_call", 3, |p, a| {
        let Term::Pid(pid) = a[0] else {
            return Ok(Term::tuple(vec![Term::atom("exit"), Term::atom("noproc")]));
        };
        let timeout = timeout_ms(&a[2])?;
        gen_call(p, pid, Term::atom("system"), a[1].clone(), timeout)
    });
    // A reply to `{pid, tag}`: to an alias only while it is active.
    r.add(":iexr", "reply", 3, |p, a| {
        let Term::Pid(pid) = a[0] else { return ex::badarg() };
        if let Term::Cons(c) = &a[1]
            && let Term::Ref(mon) = &c.tail
            && !runtime::monitor_active(*mon, p.pid())
        {
            return Ok(Term::OK);
        }
        runtime::send(pid, Term::tuple(vec![a[1].clone(), a[2].clone()]));
        Ok(Term::OK)
    });
    // `:proc_lib.stop/3`: asks a GenServer to terminate and waits for its exit.
    r.add(":iexr", "stop", 3, |p, a| {
        let Term::Pid(pid) = a[0] else { return ex::badarg() };
        let timeout = timeout_ms(&a[2])?;
        let mon = runtime::monitor(&p.me, pid);
        let alias = Term::cons(Term::atom("alias"), Term::Ref(mon));
        let from = Term::tuple(vec![Term::Pid(p.pid()), alias.clone()]);
        let request = Term::tuple(vec![Term::atom("terminate"), a[1].clone()]);
        runtime::send(pid, Term::tuple(vec![Term::atom("system"), from, request]));
        let got = p.receive_where(timeout, |m| is_down(m, mon))?;
        p.me.mailbox
            .remove_where(|m| matches!(m.as_tuple(), Some([t, _]) if *t == alias));
        let exit = |r: Term| Ok(Term::tuple(vec![Term::atom("exit"), r]));
        match got {
            Some((_, reason)) if reason == a[1] => Ok(Term::OK),
            Some((_, reason)) => exit(reason),
            None => {
                demonitor_flush(p, mon);
                exit(Term::atom("timeout"))
            }
        }
    });
    r.add(":iexr", "module_exists", 1, |_, a| {
        Ok(Term::bool(a[0].as_atom().is_some_and(|m| {
            crate::eval::code::module(m).is_some() || super::is_builtin_module(m)
        })))
    });
    // A task's function failed: `[kind, reason, stack, starter, {m, f, args},
    // replies?]`. Reports it as Task.Supervised does and exits as it would.
    r.add(":iexr", "task_exit", 6, |p, a| {
        let mut stack: Vec<Term> = a[2].iter_list().cloned().collect();
        let ts = |f: &str, arity: i64, line: i64| {
            Term::tuple(vec![
                Term::Atom(Atom::alias("Task.Supervised")),
                Term::atom(f),
                Term::Int(arity),
                Term::list(vec![
                    Term::tuple(vec![Term::atom("file"), Term::charlist("lib/task/supervised.ex")]),
                    Term::tuple(vec![Term::atom("line"), Term::Int(line)]),
                ]),
            ])
        };
        stack.push(ts("invoke_mfa", 2, 89));
        if a[5] == Term::TRUE {
            stack.push(ts("reply", 4, 34));
        }
        stack.push(erl_frame("proc_lib", "init_p_do_apply", 3, "proc_lib.erl", 240));
        let stack = Term::list(stack);
        let kind = a[0].as_atom().map(|k| k.name().to_string()).unwrap_or_default();
        let (logged, exit) = match kind.as_str() {
            "error" => {
                let r = Term::tuple(vec![ex::raw_error_reason(&a[1]), stack.clone()]);
                (r.clone(), r)
            }
            "throw" => {
                let r = Term::tuple(vec![
                    Term::tuple(vec![Term::atom("nocatch"), a[1].clone()]),
                    stack.clone(),
                ]);
                (r.clone(), r)
            }
            _ => (Term::tuple(vec![a[1].clone(), stack.clone()]), a[1].clone()),
        };
        let (function, args) = match a[4].as_tuple() {
            Some([m, f, args]) if *m == Term::atom("erlang") && *f == Term::atom("apply") => {
                let v: Vec<Term> = args.iter_list().cloned().collect();
                match v.as_slice() {
                    [fun, args] => (fun.clone(), args.clone()),
                    _ => (Term::NIL, Term::EmptyList),
                }
            }
            Some([Term::Atom(m), Term::Atom(f), args]) => (
                Term::Fun(Arc::new(crate::term::Fun::External {
                    module: *m,
                    name: *f,
                    arity: args.iter_list().count(),
                })),
                args.clone(),
            ),
            _ => (Term::NIL, Term::EmptyList),
        };
        runtime::io::out(&format!(
            "\n{} [error] Task {} started from {} terminating\n{}\nFunction: {}\n    Args: {}\n",
            super::timestamp(),
            inspect_default(&Term::Pid(p.pid())),
            inspect_default(&a[3]),
            format_reason(&logged),
            inspect_default(&function),
            inspect_default(&args)
        ));
        Err(Box::new(ex::Exc::Exit(exit, Box::default())))
    });
    r.add(":iexr", "gen_server_report", 5, |_, a| {
        gen_server_report(a);
        Ok(Term::OK)
    });
    // GenServer's default `handle_info/2`: `[module, name or pid, message]`.
    r.add(":iexr", "no_handle_info", 3, |_, a| {
        runtime::io::out(&format!(
            "\n{} [error] {} {} received unexpected message in handle_info/2: {}\n\n",
            super::timestamp(),
            inspect_default(&a[0]),
            inspect_default(&a[1]),
            inspect_default(&a[2])
        ));
        Ok(Term::OK)
    });
}

/// A default function a behaviour's `__using__` defines: its name and arity,
/// the line of Elixir's file it starts at, and its source.
struct Default {
    name: &'static str,
    arity: usize,
    line: u32,
    src: &'static str,
}

/// `child_spec/1` from `use Behaviour, opts`: `extra` are the spec's own keys.
const fn child_spec(line: u32, src: &'static str) -> Default {
    Default {
        name: "child_spec",
        arity: 1,
        line,
        src,
    }
}

/// What `use GenServer` gives a module that does not define it (the
/// behaviour's defaults, at the lines of `lib/gen_server.ex` they stand at).
const GEN_SERVER: &[Default] = &[
    child_spec(
        762,
        "def child_spec(init_arg) do
           Supervisor.child_spec(%{id: __MODULE__, start: {__MODULE__, :start_link, [init_arg]}}, @iexr_use_opts)
         end",
    ),
    Default {
        name: "handle_call",
        arity: 3,
        line: 777,
        src: "def handle_call(msg, _from, state) do
          proc =
            case Process.info(self(), :registered_name) do
              {_, []} -> self()
              {_, name} -> name
            end


          case :erlang.phash2(1, 1) do
            0 ->
              raise \"attempted to call GenServer #{inspect(proc)} but no handle_call/3 clause was provided\"
            1 -> {:stop, {:bad_call, msg}, state}
          end
        end",
    },
    Default {
        name: "handle_info",
        arity: 2,
        line: 795,
        src: "def handle_info(msg, state) do
          proc =
            case Process.info(self(), :registered_name) do
              {_, []} -> self()
              {_, name} -> name
            end

          :iexr.no_handle_info(__MODULE__, proc, msg)
          {:noreply, state}
        end",
    },
    Default {
        name: "handle_cast",
        arity: 2,
        line: 822,
        src: "def handle_cast(msg, state) do
          proc =
            case Process.info(self(), :registered_name) do
              {_, []} -> self()
              {_, name} -> name
            end


          case :erlang.phash2(1, 1) do
            0 ->
              raise \"attempted to cast GenServer #{inspect(proc)} but no handle_cast/2 clause was provided\"
            1 -> {:stop, {:bad_cast, msg}, state}
          end
        end",
    },
    Default {
        name: "terminate",
        arity: 2,
        line: 840,
        src: "def terminate(_reason, _state), do: :ok",
    },
    Default {
        name: "code_change",
        arity: 3,
        line: 845,
        src: "def code_change(_old, state, _extra), do: {:ok, state}",
    },
];

/// `init/1`, which `use GenServer` gives with a warning when the module lacks it.
const GEN_SERVER_INIT: Default = Default {
    name: "init",
    arity: 1,
    line: 873,
    src: "def init(init_arg), do: {:ok, init_arg}",
};

/// The behaviours `use` knows, their file in Elixir, and their defaults.
fn behaviour(name: &str) -> Option<(&'static str, &'static [Default])> {
    const AGENT: &[Default] = &[child_spec(
        212,
        "def child_spec(arg), do: Supervisor.child_spec(%{id: __MODULE__, start: {__MODULE__, :start_link, [arg]}}, @iexr_use_opts)",
    )];
    const TASK: &[Default] = &[child_spec(
        303,
        "def child_spec(arg), do: Supervisor.child_spec(%{id: __MODULE__, start: {__MODULE__, :start_link, [arg]}, restart: :temporary}, @iexr_use_opts)",
    )];
    const SUPERVISOR: &[Default] = &[child_spec(
        530,
        "def child_spec(arg), do: Supervisor.child_spec(%{id: __MODULE__, start: {__MODULE__, :start_link, [arg]}, type: :supervisor}, @iexr_use_opts)",
    )];
    Some(match name {
        "GenServer" => ("lib/gen_server.ex", GEN_SERVER),
        "Agent" => ("lib/agent.ex", AGENT),
        "Task" => ("lib/task.ex", TASK),
        "Supervisor" => ("lib/supervisor.ex", SUPERVISOR),
        "DynamicSupervisor" => ("lib/dynamic_supervisor.ex", SUPERVISOR),
        _ => return None,
    })
}

/// The items `use Behaviour, opts` adds to a module body: `@iexr_use_opts
/// opts`, then each default function the body does not define (`defined`),
/// with the file it comes from. A GenServer without `init/1` gets Elixir's
/// warning and a default one.
pub fn using_items(
    items: &[&Expr],
    defined: &std::collections::HashSet<(String, usize)>,
    module: Atom,
    file: &str,
    line: u32,
) -> Vec<(Expr, Arc<str>)> {
    let mut out = Vec::new();
    for it in items {
        let ExprKind::Call {
            target: CallTarget::Local(k),
            args,
            ..
        } = &it.kind
        else {
            continue;
        };
        let (Some(ExprKind::Alias(parts)), true) = (args.first().map(|a| &a.kind), k == "use") else {
            continue;
        };
        let Some((source, defaults)) = behaviour(&parts.join(".")) else {
            continue;
        };
        let source: Arc<str> = Arc::from(source);
        // `@iexr_use_opts opts`, which `child_spec/1` reads.
        if let Ok(mut attr) = syntax::parse_program("@iexr_use_opts []")
            && let Some(mut e) = attr.pop()
        {
            if let (ExprKind::Unary(_, inner), Some(opts)) = (&mut e.kind, args.get(1))
                && let ExprKind::Call { args: a, .. } = &mut inner.kind
            {
                *a = vec![opts.clone()];
            }
            out.push((e, Arc::from(file)));
        }
        let mut wanted: Vec<&Default> = defaults.iter().collect();
        if parts.join(".") == "GenServer" && !defined.contains(&("init".to_string(), 1)) {
            let w = crate::eval::compile::warn::Warning {
                line,
                col: None,
                context: Some(format!("{} (module)", ex::module_name(module))),
                message: "function init/1 required by behaviour GenServer is not implemented (in module MOD).\n\nWe will inject a default implementation for now:\n\n    def init(init_arg) do\n      {:ok, init_arg}\n    end\n\nYou can copy the implementation above or define your own that converts the arguments given to GenServer.start_link/3 to the server state.\n"
                    .replace("MOD", &ex::module_name(module)),
            };
            runtime::io::err(&w.render(file));
            wanted.push(&GEN_SERVER_INIT);
        }
        for d in wanted {
            if defined.contains(&(d.name.to_string(), d.arity)) {
                continue;
            }
            let padded = format!("{}{}", "\n".repeat(d.line as usize - 1), d.src);
            match syntax::parse_program(&padded) {
                Ok(mut exprs) => out.extend(exprs.pop().map(|e| (e, source.clone()))),
                Err(_) => runtime::io::err(&format!(
                    "internal error: the default {}/{} does not parse\n",
                    d.name, d.arity
                )),
            }
        }
    }
    out
}
