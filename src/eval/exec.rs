//! The evaluator: runs compiled [`Node`]s inside a process.
//!
//! **Invariants:** a call in tail position returns [`Flow::Tail`] instead of
//! recursing, and [`Proc::run`] loops on it, so a receive loop runs forever
//! in constant stack. Non-tail calls go through `stacker`, so deep recursion
//! grows the stack instead of overflowing it, up to a depth cap that raises.

use std::sync::Arc;
use std::sync::atomic::Ordering;

use super::Lambda;
use super::code::FunDef;
use super::exception::{self as ex, Exc, R, StackEntry};
use super::ir::{Clause, Node, Op2, Pat, Pure};
use crate::runtime::{self, Process};
use crate::stdlib::{self, kernel};
use crate::term::{Atom, Fun, MapT, Term};

/// How deep non-tail calls may nest before the process raises.
pub const MAX_DEPTH: usize = 2_000_000;

/// What evaluating an expression in tail position gives: a value, or a
/// call still to make, whose callee and arguments wait in the process
/// ([`Proc::take_tail`]) so that a `R<Flow>` stays two words.
pub enum Flow {
    Value(Term),
    Tail,
}

/// Something callable with a list of arguments.
#[derive(Clone)]
pub enum Callee {
    Def(&'static FunDef),
    Fun(Arc<Fun>),
}

impl Callee {
    fn target(&self) -> Target<'_> {
        match self {
            Callee::Def(d) => Target::Def(d),
            Callee::Fun(f) => Target::Fun(f),
        }
    }
}

/// A callee borrowed for the length of a call: calling a closure someone
/// else holds (`Enum.map`'s function) touches no reference count.
#[derive(Clone, Copy)]
enum Target<'a> {
    Def(&'static FunDef),
    Fun(&'a Fun),
}

/// What an [`Activation`] runs.
#[derive(Clone, Copy)]
enum Running {
    Def(&'static FunDef),
    /// A closure: the `Fun` its caller holds for the length of the call.
    Fun(std::ptr::NonNull<Fun>),
    /// A builtin called from code; `stdlib::frames` names the builtins whose
    /// callbacks Elixir's frames lie under (`frames`, its table's key). One
    /// called in tail position that calls back is written in Elixir (or
    /// Erlang), and its call replaced its caller's frame (`tail`).
    Native {
        frames: Option<(u16, u8)>,
        tail: bool,
    },
}

impl Running {
    #[inline(always)]
    fn of(t: Target) -> Running {
        match t {
            Target::Def(d) => Running::Def(d),
            Target::Fun(f) => Running::Fun(std::ptr::NonNull::from(f)),
        }
    }
}

/// A call being run, for the frames `__STACKTRACE__` shows above a `try`:
/// what runs and the line of its caller it was called from. A tail call
/// replaces what runs, as it replaces the BEAM's frame.
#[derive(Clone, Copy)]
struct Activation {
    running: Running,
    line: u32,
    /// The callbacks a builtin had called when a builtin under it started.
    calls: u32,
}

/// The line of an [`Activation`] called in tail position by a script's
/// top-level code: the script's own frame is gone.
pub const TOP_TAIL: u32 = u32::MAX;

/// The evaluation state of one process.
pub struct Proc {
    pub me: Arc<Process>,
    depth: usize,
    /// The process dictionary (`Process.put/get`).
    pub dict: MapT,
    /// The shell's earlier results, oldest first (`v/0,1`); empty elsewhere.
    pub results: Vec<Term>,
    /// How many rounds `receive` spins before parking (adapts to how it pays off).
    pub(super) spin: u32,
    pub(super) spin_probe: u32,
    /// Argument vectors (which become frames) of finished calls, kept for
    /// the next calls so that a call allocates nothing in the common case.
    vecs: Vec<Vec<Term>>,
    /// The stack trace of the exception being handled (`__STACKTRACE__`).
    pub(super) stacktrace: Term,
    /// Below this stack address a call must check with `stacker` whether to
    /// grow the stack; above it there is room (`usize::MAX`: not known yet).
    stack_floor: usize,
    /// Processes this one spawned that have not started yet (see [`Proc::hold`]).
    held: Vec<runtime::Unstarted>,
    /// Calls made since the oldest held process was spawned.
    held_calls: u32,
    /// The call a [`Flow::Tail`] stands for.
    tail: Option<(Callee, Vec<Term>)>,
    /// The caller's line of the call `tail` holds, when a call in tail
    /// position of a `case` (or `cond`, `receive`, `with`) arm made it: a
    /// `case` whose value is used runs the call there, from that line.
    tail_line: u32,
    /// Calls of the callbacks the running builtin was given (see `stdlib::frames`).
    pub callbacks: u32,
    /// The calls being run, outermost first. *Invariant:* pushed and popped
    /// around each call, so every `Fun` one points to is held by a caller
    /// still running (a panic ends the process, with its `Proc`).
    active: Vec<Activation>,
    /// The script whose top-level code this process runs, if it does: a
    /// `__STACKTRACE__` ends with its frame and the runner's.
    pub script: Option<Arc<str>>,
    /// This process is the shell's: a stack trace ends with the frames of
    /// iex's evaluator.
    pub shell: bool,
    /// The stacks [`Proc::current_stacktrace`] built, by call site.
    stack_cache: std::collections::HashMap<Vec<usize>, (Term, Vec<Arc<Lambda>>)>,
}

/// How much stack a call must find free, or it continues on a new segment.
const RED_ZONE: usize = 128 * 1024;
/// The size of each new stack segment.
const SEGMENT: usize = 4 * 1024 * 1024;

/// The stack floor of the segment the caller runs on (`usize::MAX`: unknown).
fn stack_floor_here() -> usize {
    match stacker::remaining_stack() {
        Some(free) => (stack_pointer() - free).saturating_add(RED_ZONE),
        None => usize::MAX,
    }
}

/// The address of the top of the stack, roughly.
#[inline(always)]
fn stack_pointer() -> usize {
    let marker = 0u8;
    std::hint::black_box(&marker) as *const u8 as usize
}

/// How many spare frames and argument vectors a process keeps.
const POOL: usize = 256;
/// How many calls a spawner makes before the processes it holds start
/// (the BEAM's time slice is about 4,000 reductions).
const HELD_CALLS: u32 = 4000;
/// How many processes a spawner holds at most.
const HELD_MAX: usize = 1000;

/// A process record dropped with held processes starts them (a detached
/// process, a shell process replaced after it was killed).
impl Drop for Proc {
    fn drop(&mut self) {
        self.release_held();
    }
}

thread_local! {
    /// The process running on this thread (see [`Proc::beside`]).
    static CURRENT: std::cell::RefCell<Option<Arc<Process>>> = const { std::cell::RefCell::new(None) };
}

impl Proc {
    /// An evaluator for code a builtin runs without being given the caller's
    /// (a user's `Inspect` or `String.Chars` implementation, called from
    /// `inspect` or `to_string`): it runs as the process of this thread, so
    /// `self()` and the mailbox are the caller's; its dictionary is its own.
    pub fn beside() -> Proc {
        let me = CURRENT.with(|c| c.borrow().clone());
        Proc::new(me.unwrap_or_else(runtime::detached_process))
    }

    pub fn new(me: Arc<Process>) -> Proc {
        if me.pid.0 != 0 {
            CURRENT.with(|c| *c.borrow_mut() = Some(me.clone()));
        }
        Proc {
            me,
            depth: 0,
            dict: MapT::new(),
            results: Vec::new(),
            spin: 256,
            spin_probe: 0,
            vecs: Vec::new(),
            stacktrace: Term::EmptyList,
            stack_floor: usize::MAX,
            held: Vec::new(),
            held_calls: 0,
            tail: None,
            tail_line: 0,
            callbacks: 0,
            active: Vec::with_capacity(64),
            script: None,
            shell: false,
            stack_cache: Default::default(),
        }
    }

    /// A call in tail position: the caller's loop makes it ([`Proc::take_tail`]).
    #[inline(always)]
    pub fn tail_call(&mut self, callee: Callee, args: Vec<Term>) -> Flow {
        self.tail = Some((callee, args));
        Flow::Tail
    }

    /// The call the last [`Flow::Tail`] stands for.
    #[inline(always)]
    pub fn take_tail(&mut self) -> (Callee, Vec<Term>) {
        self.tail_line = 0;
        self.tail.take().expect("a Flow::Tail leaves its call")
    }

    /// Keeps a newly spawned process from running until this one blocks
    /// (`receive` with nothing to take, a sleep, the shell's prompt), exits,
    /// or makes [`HELD_CALLS`] calls or [`HELD_MAX`] spawns: the BEAM runs a
    /// spawner on until it is scheduled out, and so, deterministically, does
    /// this. `Process.monitor(spawn(f))` therefore always sees `f`'s process alive.
    pub fn hold(&mut self, u: runtime::Unstarted) {
        self.held.push(u);
        if self.held.len() >= HELD_MAX {
            self.release_held();
        }
    }

    /// Starts every held process, oldest first.
    pub fn release_held(&mut self) {
        self.held_calls = 0;
        for u in std::mem::take(&mut self.held) {
            u.start();
        }
    }

    /// Counts a call against the held processes' wait.
    #[cold]
    fn count_held_call(&mut self) {
        self.held_calls += 1;
        if self.held_calls >= HELD_CALLS {
            self.release_held();
        }
    }

    pub fn pid(&self) -> crate::term::Pid {
        self.me.pid
    }

    /// Raises `Cancelled` if the process was asked to stop.
    #[inline(always)]
    pub fn check_interrupt(&self) -> R<()> {
        if self.me.interrupt.load(Ordering::Relaxed) {
            return Err(self.interrupted());
        }
        Ok(())
    }

    #[cold]
    #[inline(never)]
    fn interrupted(&self) -> Box<Exc> {
        // An exit signal cannot be caught: it unwinds as a cancellation, and
        // the process exits with the reason it left in `kill_reason`.
        self.me.interrupt.store(false, Ordering::SeqCst);
        Box::new(Exc::Cancelled)
    }

    /// Evaluates a node to its value.
    pub fn eval(&mut self, n: &Node, f: &mut [Term]) -> R<Term> {
        match n {
            Node::Lit(t) => Ok(t.clone()),
            Node::Var(s) => Ok(f[*s].clone()),
            Node::Op(op, a, b, line) => self.op_node(*op, a, b, *line, f),
            Node::Tuple(items) => {
                let v = self.eval_all(items, f)?;
                Ok(Term::tuple(v))
            }
            Node::List(items, tail) => {
                let tail = match tail {
                    Some(t) => self.eval(t, f)?,
                    None => Term::EmptyList,
                };
                let v = self.eval_all(items, f)?;
                Ok(Term::list_with_tail(v, tail))
            }
            Node::Map {
                base,
                pairs,
                update,
                line,
            } => self
                .eval_map(base.as_deref(), pairs, *update, f)
                .map_err(|e| at_line(e, *line)),
            Node::Struct { module, base, pairs } => self.eval_struct(*module, base.as_deref(), pairs, f),
            Node::Match(p, rhs, line) => {
                let v = self.eval(rhs, f)?;
                if self.match_pat(p, &v, f) {
                    Ok(v)
                } else {
                    ex::badmatch(v).map_err(|e| at_line(e, *line))
                }
            }
            Node::Block(items) => {
                let mut last = Term::NIL;
                for i in items {
                    last = self.eval(i, f)?;
                }
                Ok(last)
            }
            Node::Native { f: nf, args, line, .. } => {
                let args = self.eval_all(args, f)?;
                self.call_native(*nf, args, *line, false).map_err(|e| at_line(e, *line))
            }
            Node::Call {
                slot,
                args,
                line,
                remote,
            } => self.call_def(slot, args, *remote, *line, f),
            Node::Apply { line, .. } | Node::Dynamic { line, .. } => match self.eval_tail(n, f)? {
                Flow::Value(v) => Ok(v),
                Flow::Tail => {
                    let (c, args) = self.take_tail();
                    self.run_at(c, args, *line).map_err(|e| at_line(e, *line))
                }
            },
            Node::MakeFn { lambda, captures } => {
                let env: Box<[Term]> = captures.iter().map(|s| f[*s].clone()).collect();
                Ok(Term::Fun(Arc::new(Fun::Closure {
                    code: lambda.clone(),
                    env,
                })))
            }
            Node::Case { .. } | Node::Cond { .. } | Node::Receive { .. } | Node::With { .. } => {
                match self.eval_tail(n, f)? {
                    Flow::Value(v) => Ok(v),
                    Flow::Tail => {
                        let line = self.tail_line;
                        let (c, args) = self.take_tail();
                        self.run_at(c, args, line).map_err(|e| at_line(e, line))
                    }
                }
            }
            Node::And(_, b) | Node::Or(_, b) | Node::AndAlso(_, b) | Node::OrElse(_, b) => {
                let v = self.eval(left_of(n), f)?;
                if goes_on(n, &v)? { self.eval(b, f) } else { Ok(v) }
            }
            Node::Interp(parts) => {
                let mut out = Vec::new();
                for p in parts {
                    let v = self.eval(p, f)?;
                    kernel::to_chars(&v, &mut out)?;
                }
                Ok(Term::Bin(out.into()))
            }
            Node::Bits(segs) => self.build_bits(segs, f),
            Node::Try(t) => self.eval_try(t, f),
            Node::For(fo) => self.eval_for(fo, f),
            Node::Reraise(v, _st) => {
                let v = self.eval(v, f)?;
                Err(Box::new(Exc::Error(v, Default::default())))
            }
            Node::Stacktrace => Ok(self.stacktrace.clone()),
            Node::DefModule(d) => super::module::define(self, d),
        }
    }

    /// An empty argument vector, from the pool when there is one (calls give theirs back).
    #[inline(always)]
    fn arg_vec(&mut self) -> Vec<Term> {
        self.vecs.pop().unwrap_or_default()
    }

    pub fn eval_all(&mut self, items: &[Node], f: &mut [Term]) -> R<Vec<Term>> {
        let mut v = self.arg_vec();
        for i in items {
            let t = self.operand(i, f)?;
            v.push(t);
        }
        Ok(v)
    }

    /// `a op b`: both operands, then the operator.
    #[inline(always)]
    fn op_node(&mut self, op: Op2, a: &Node, b: &Node, line: u32, f: &mut [Term]) -> R<Term> {
        if a.is_leaf() && b.is_leaf() {
            return binary_op(op, leaf(a, f), leaf(b, f), line);
        }
        let a = self.operand(a, f)?;
        let b = self.operand(b, f)?;
        let r = binary_op(op, &a, &b, line);
        // An integer owns nothing: skip its drop glue, a call per operand.
        if let Term::Int(_) = a {
            std::mem::forget(a);
        }
        if let Term::Int(_) = b {
            std::mem::forget(b);
        }
        r
    }

    /// The arguments of a call of a defined function, and the definition it reaches.
    #[inline(always)]
    fn call_target(
        &mut self,
        slot: &super::code::FunSlot,
        args: &[Node],
        remote: bool,
        line: u32,
        f: &mut [Term],
    ) -> R<(&'static FunDef, Vec<Term>)> {
        // `eval_all`, written out: calling it here costs about 3% more
        // instructions per call.
        let mut v = self.arg_vec();
        for a in args {
            let t = self.operand(a, f)?;
            v.push(t);
        }
        // A tail call of a function that does not exist replaces the
        // caller's frame with the call's own.
        let d = callable(slot, remote, &v, line).map_err(|mut e| {
            if let Some(st) = e.stack_mut() {
                st.pending_line = 0;
                st.tail_called();
            }
            e
        })?;
        Ok((d, v))
    }

    /// A non-tail call of a defined function.
    #[inline(always)]
    fn call_def(
        &mut self,
        slot: &super::code::FunSlot,
        args: &[Node],
        remote: bool,
        line: u32,
        f: &mut [Term],
    ) -> R<Term> {
        // `call_target` and `run`, written out: one Rust frame per call
        // rather than three, and the frame built where it stays.
        let mut frame = self.arg_vec();
        for a in args {
            let t = self.operand(a, f)?;
            frame.push(t);
        }
        let d = callable(slot, remote, &frame, line)?;
        let r = self.enter(Target::Def(d), &mut frame, line);
        self.recycle(frame);
        r.map_err(|e| at_line(e, line))
    }

    /// Runs a call in `frame`, which holds its arguments, checking the depth
    /// cap and the stack first. The frame stays where its caller built it:
    /// moving vectors between Rust frames costs more than the call itself.
    #[inline(always)]
    fn enter(&mut self, callee: Target, frame: &mut Vec<Term>, line: u32) -> R<Term> {
        self.depth += 1;
        self.active.push(Activation {
            running: Running::of(callee),
            line,
            calls: 0,
        });
        let r = if self.depth <= MAX_DEPTH && stack_pointer() > self.stack_floor {
            self.run_in(frame, callee)
        } else {
            self.run_guarded(callee, std::mem::take(frame))
        };
        self.active.pop();
        self.depth -= 1;
        r
    }

    /// Evaluates an operand: variables, literals and operators on them
    /// without a call of [`Proc::eval`].
    #[inline(always)]
    fn operand(&mut self, n: &Node, f: &mut [Term]) -> R<Term> {
        match n {
            Node::Var(s) => Ok(f[*s].clone()),
            Node::Lit(t) => Ok(t.clone()),
            Node::Op(op, a, b, line) if a.is_leaf() && b.is_leaf() => binary_op(*op, leaf(a, f), leaf(b, f), *line),
            Node::Call {
                slot,
                args,
                line,
                remote,
            } => self.call_def(slot, args, *remote, *line, f),
            _ => self.eval(n, f),
        }
    }

    /// Calls a native builtin with its evaluated arguments, whose vector goes
    /// back to the pool after the call.
    #[inline(always)]
    fn call_native(&mut self, nf: crate::stdlib::Native, mut args: Vec<Term>, line: u32, tail: bool) -> R<Term> {
        self.active.push(Activation {
            running: Running::Native { frames: None, tail },
            line,
            calls: 0,
        });
        let r = nf(self, &mut args);
        self.active.pop();
        self.recycle(args);
        r
    }

    /// Evaluates a node in tail position: calls come back as [`Flow::Tail`].
    pub fn eval_tail(&mut self, n: &Node, f: &mut [Term]) -> R<Flow> {
        match n {
            Node::Block(items) if !items.is_empty() => {
                let (last, init) = items.split_last().expect("non-empty");
                for i in init {
                    self.eval(i, f)?;
                }
                self.eval_tail(last, f)
            }
            Node::Call {
                slot,
                args,
                line,
                remote,
            } => {
                let (d, args) = self.call_target(slot, args, *remote, *line, f)?;
                self.tail_line = *line;
                Ok(self.tail_call(Callee::Def(d), args))
            }
            Node::Apply { fun, args, line } => {
                let fun = self.eval(fun, f)?;
                let args = self.eval_all(args, f)?;
                let r = self.callee_of(fun, args).map_err(|e| at_line(e, *line))?;
                if let Flow::Tail = r {
                    self.tail_line = *line;
                }
                Ok(r)
            }
            Node::Dynamic {
                module,
                name,
                args,
                parens,
                line,
            } => {
                let m = self.eval(module, f)?;
                let args = self.eval_all(args, f)?;
                let r = self.dynamic(m, *name, args, *parens).map_err(|e| at_line(e, *line))?;
                if let Flow::Tail = r {
                    self.tail_line = *line;
                }
                Ok(r)
            }
            Node::Case { subject, clauses, line } => {
                let v = self.eval(subject, f)?;
                match self.select(clauses, std::slice::from_ref(&v), f) {
                    Some(c) => self.eval_tail(&c.body, f),
                    None => ex::case_clause(v).map_err(|e| at_line(e, *line)),
                }
            }
            Node::Cond { clauses, line } => {
                for (c, body) in clauses {
                    if self.eval(c, f)?.is_truthy() {
                        return self.eval_tail(body, f);
                    }
                }
                ex::raise("CondClauseError", vec![]).map_err(|e| at_line(e, *line))
            }
            Node::Receive { clauses, after } => self.receive(clauses, after.as_ref(), f),
            Node::With { steps, body, elses } => self.eval_with(steps, body, elses, f),
            Node::Op(op, a, b, line) => Ok(Flow::Value(
                self.op_node(*op, a, b, *line, f).map_err(tail_operator_error)?,
            )),
            // The right of `and`/`or`/`&&`/`||` is in tail position, as Erlang's
            // `andalso`/`orelse` and `case` make it.
            Node::And(_, b) | Node::Or(_, b) | Node::AndAlso(_, b) | Node::OrElse(_, b) => {
                let v = self.eval(left_of(n), f)?;
                if goes_on(n, &v)? {
                    self.eval_tail(b, f)
                } else {
                    Ok(Flow::Value(v))
                }
            }
            Node::Native { f: nf, args, line } => {
                // An error in the arguments is not the builtin's.
                let args = self.eval_all(args, f)?;
                match self.call_native(*nf, args, *line, true) {
                    Ok(v) => Ok(Flow::Value(v)),
                    Err(e) => Err(tail_native_error(e, *line)),
                }
            }
            _ => Ok(Flow::Value(self.operand(n, f)?)),
        }
    }

    /// The first clause whose patterns and guard accept `args`, binding into `f`.
    pub fn select<'c>(&mut self, clauses: &'c [Clause], args: &[Term], f: &mut [Term]) -> Option<&'c Clause> {
        clauses.iter().find(|c| self.clause_matches(c, args, f))
    }

    fn clause_matches(&mut self, c: &Clause, args: &[Term], f: &mut [Term]) -> bool {
        c.pats.len() == args.len()
            && c.pats.iter().zip(args).all(|(p, a)| self.match_pat(p, a, f))
            && self.guard_ok(c.guard.as_ref(), f)
    }

    /// A guard passes only when it evaluates to exactly `true`; an error in a guard is a failure.
    #[inline(always)]
    pub fn guard_ok(&mut self, g: Option<&Node>, f: &mut [Term]) -> bool {
        match g {
            None => true,
            Some(g) => matches!(self.eval(g, f), Ok(Term::Atom(Atom::TRUE))),
        }
    }

    fn callee_of(&mut self, fun: Term, args: Vec<Term>) -> R<Flow> {
        let Term::Fun(fu) = fun else {
            return ex::badfun(fun);
        };
        if fu.arity() != args.len() {
            return ex::badarity(Term::Fun(fu), args);
        }
        match *fu {
            Fun::External { module, name, .. } => self.mfa_flow(module, name, args),
            // The function value moves into the call: no count to touch.
            Fun::Closure { .. } => Ok(self.tail_call(Callee::Fun(fu), args)),
        }
    }

    /// `module.name(args)` with the module only known now: a map field, or a call.
    fn dynamic(&mut self, m: Term, name: Atom, args: Vec<Term>, parens: bool) -> R<Flow> {
        match &m {
            Term::Map(map) if args.is_empty() && !parens => match map.get(&Term::Atom(name)) {
                Some(v) => Ok(Flow::Value(v.clone())),
                None => ex::badkey(Term::Atom(name), m.clone()),
            },
            Term::Atom(module) => self.mfa_flow(*module, name, args),
            _ if args.is_empty() && !parens => ex::raise(
                "ArgumentError",
                vec![(
                    "message",
                    Term::str(&format!(
                        "you attempted to apply a function named {} on {}. If you are using Kernel.apply/3, make sure the module is an atom. If you are trying to access a map or a struct field, make sure the left side of the dot is a map",
                        crate::term::inspect::inspect_default(&Term::Atom(name)),
                        crate::term::inspect::inspect_default(&m)
                    )),
                )],
            ),
            _ => ex::badarg(),
        }
    }

    fn mfa_flow(&mut self, module: Atom, name: Atom, args: Vec<Term>) -> R<Flow> {
        if let Some(d) = super::code::lookup(module, name, args.len())
            && d.public
        {
            return Ok(self.tail_call(Callee::Def(d), args));
        }
        if let Some(nf) = stdlib::lookup(module, name, args.len()) {
            let mut args = args;
            let r = nf(self, &mut args);
            self.recycle(args);
            return Ok(Flow::Value(r?));
        }
        Err(ex::undefined_call(module, name, args))
    }

    /// Calls `module.name(args)` (`apply/3`, `spawn/3`).
    pub fn call_mfa(&mut self, module: Atom, name: Atom, args: Vec<Term>) -> R<Term> {
        match self.mfa_flow(module, name, args)? {
            Flow::Value(v) => Ok(v),
            Flow::Tail => {
                let (c, a) = self.take_tail();
                self.run(c, a)
            }
        }
    }

    /// Calls a function value with arguments.
    pub fn apply(&mut self, fun: &Term, args: Vec<Term>) -> R<Term> {
        // A closure of the right arity runs directly.
        if let Term::Fun(fu) = fun
            && let Fun::Closure { code, .. } = &**fu
            && code.arity == args.len()
        {
            return self.run_target(Target::Fun(fu), args, 0);
        }
        match self.callee_of(fun.clone(), args)? {
            Flow::Value(v) => Ok(v),
            Flow::Tail => {
                let (c, a) = self.take_tail();
                self.run(c, a)
            }
        }
    }

    /// Runs a call to completion, following tail calls in a loop.
    pub fn run(&mut self, callee: Callee, args: Vec<Term>) -> R<Term> {
        self.run_target(callee.target(), args, 0)
    }

    /// [`Proc::run`] for a call made at `line` of the caller's code.
    pub fn run_at(&mut self, callee: Callee, args: Vec<Term>, line: u32) -> R<Term> {
        self.run_target(callee.target(), args, line)
    }

    fn run_target(&mut self, callee: Target, mut frame: Vec<Term>, line: u32) -> R<Term> {
        let r = self.enter(callee, &mut frame, line);
        self.recycle(frame);
        r
    }

    /// Calls a function value with the arguments `xs` (an Enum callback):
    /// a closure of the right arity runs in a frame built here.
    pub fn apply_n<const N: usize>(&mut self, fun: &Term, xs: [Term; N]) -> R<Term> {
        let mut frame = self.arg_vec();
        frame.extend(xs);
        if let Term::Fun(fu) = fun
            && let Fun::Closure { code, .. } = &**fu
            && code.arity == N
        {
            let r = self.enter(Target::Fun(fu), &mut frame, 0);
            self.recycle(frame);
            return r;
        }
        self.apply(fun, frame)
    }

    /// Calls a function a builtin was given (an Enum callback): the call is
    /// counted, and an error leaving it is marked as the callback's, for the
    /// frames of the builtin (`stdlib::frames`).
    pub fn callback<const N: usize>(&mut self, fun: &Term, xs: [Term; N]) -> R<Term> {
        self.callbacks += 1;
        if let Some(v) = self.pure_call(fun, &xs) {
            for x in xs {
                release(x);
            }
            return Ok(v);
        }
        self.callback_call(fun, xs)
    }

    /// A callback called the ordinary way.
    #[inline(never)]
    fn callback_call<const N: usize>(&mut self, fun: &Term, xs: [Term; N]) -> R<Term> {
        self.apply_n(fun, xs).map_err(from_callback)
    }

    /// The value of a callback `fun` whose body is [`Pure`], computed
    /// without a frame; `None` where it is not pure or fails (the ordinary
    /// call then fails again, with the error's frames: the body has no
    /// effects to repeat).
    #[inline(always)]
    fn pure_call(&mut self, fun: &Term, xs: &[Term]) -> Option<Term> {
        if let Term::Fun(fu) = fun
            && let Fun::Closure { code, env } = &**fu
            && let Some(body) = &code.pure
            && code.arity == xs.len()
        {
            if !self.held.is_empty() {
                self.count_held_call();
            }
            return pure_value(body, xs, env);
        }
        None
    }

    /// Whether a callback of one argument returns a truthy value (a filter),
    /// the argument borrowed when it can be.
    pub fn callback_test(&mut self, fun: &Term, x: &Term) -> R<bool> {
        self.callbacks += 1;
        if let Some(v) = self.pure_call(fun, std::slice::from_ref(x)) {
            let ok = v.is_truthy();
            release(v);
            return Ok(ok);
        }
        let v = self.callback_call(fun, [x.clone()])?;
        Ok(v.is_truthy())
    }

    /// A tail call replaced what the innermost activation runs.
    #[inline(always)]
    fn replace_running(&mut self, now: Target) {
        if let Some(a) = self.active.last_mut() {
            a.running = Running::of(now);
        }
    }

    /// Runs the builtin `f` as the builtin of `stdlib::frames`' table key
    /// `key`, whose callbacks' frames lie under Elixir's frames of it.
    pub fn run_framed(&mut self, key: (u16, u8), f: impl FnOnce(&mut Proc) -> R<Term>) -> R<Term> {
        let saved = std::mem::replace(&mut self.callbacks, 0);
        if let Some(outer) = self
            .active
            .iter_mut()
            .rev()
            .find(|a| matches!(a.running, Running::Native { frames: Some(_), .. }))
        {
            outer.calls = saved;
        }
        self.active.push(Activation {
            running: Running::Native {
                frames: Some(key),
                tail: false,
            },
            line: 0,
            calls: 0,
        });
        let r = f(self);
        self.active.pop();
        self.callbacks = saved;
        r
    }

    /// The frames of the calls still running around a `try` that caught an
    /// error with stack `s`, outermost last: the function running the `try`
    /// (at the line the error passed), its callers at the lines they called
    /// from, the frames Elixir's builtins leave under their callbacks and,
    /// in a script's process, the script's own frame and the runner's. The
    /// BEAM keeps eight. `top_line` is where a `try` of a script's top-level
    /// code is, for an error that passed no line there.
    pub fn full_stacktrace(&self, s: &ex::Stack, top_line: Option<u32>) -> Term {
        if s.given.is_some() {
            return ex::stacktrace(s);
        }
        let mut st = s.clone();
        let mut line = match (s.pending_line, top_line) {
            (0, Some(l)) => l,
            (l, _) => l,
        };
        let mut innermost = true;
        let mut replaced = false;
        for a in self.active.iter().rev() {
            match a.running {
                Running::Def(d) if !std::mem::take(&mut replaced) => {
                    if let Some(e) = frame_entry(Target::Def(d), line) {
                        st.push_distinct(Arc::new(e));
                    }
                }
                Running::Fun(f) if !std::mem::take(&mut replaced) => {
                    // SAFETY: the `Fun` is held by a caller still running (see `Proc::active`).
                    let f = unsafe { f.as_ref() };
                    if let Some(e) = frame_entry(Target::Fun(f), line) {
                        st.push_distinct(Arc::new(e));
                    }
                }
                Running::Def(_) | Running::Fun(_) => {}
                Running::Native { frames, tail } => {
                    if let Some(key) = frames {
                        let calls = if innermost { self.callbacks } else { a.calls };
                        innermost = false;
                        stdlib::frames::extend(&mut st, stdlib::frames::callback_frames(key, calls));
                    }
                    replaced |= tail;
                }
            }
            if st.entries.len() >= 8 {
                break;
            }
            line = a.line;
        }
        // A builtin written in Elixir called in the script's tail position
        // replaced the script's own frame too.
        match &self.script {
            Some(file) => ex::script_stacktrace(&st, file, (!replaced && line != TOP_TAIL).then_some(line)),
            None if self.shell => ex::shell_stacktrace(&st, top_line.is_some()),
            None => {
                let t = ex::stacktrace(&st);
                Term::list(t.iter_list().take(8).cloned().collect::<Vec<_>>())
            }
        }
    }

    /// The stack of this process now, as `Process.info(pid,
    /// :current_stacktrace)` shows it, with `innermost` (frames of the
    /// Erlang code the running builtin stands for) on top: what OTP's
    /// logger prints under a GenServer's client. A call site's stack is
    /// built once and kept (keyed by what runs at each level, from which
    /// line, and `innermost`'s own key): a client calls from the same
    /// places again and again.
    pub fn current_stacktrace(&mut self, key: usize, innermost: impl FnOnce() -> Term) -> Term {
        let mut k = Vec::with_capacity(self.active.len() * 3 + 2);
        k.extend([key, self.callbacks as usize]);
        // The closures' code is kept with the stack, so that no other code
        // comes to live at an address the key holds.
        let mut pinned = Vec::new();
        for a in &self.active {
            let what = match a.running {
                Running::Def(d) => d as *const FunDef as usize,
                // SAFETY: the `Fun` is held by a caller still running (see `Proc::active`).
                Running::Fun(f) => match unsafe { f.as_ref() } {
                    Fun::Closure { code, .. } => {
                        pinned.push(code.clone());
                        Arc::as_ptr(code) as usize
                    }
                    Fun::External { module, name, arity } => {
                        k.extend([module.0 as usize, name.0 as usize]);
                        *arity
                    }
                },
                Running::Native { frames, tail } => {
                    frames.map_or(1, |(t, c)| ((t as usize) << 9) | ((c as usize) << 1)) | usize::from(tail) << 40
                }
            };
            k.extend([what, a.line as usize, a.calls as usize]);
        }
        if let Some((t, _)) = self.stack_cache.get(&k) {
            return t.clone();
        }
        let st = ex::Stack {
            entries: ex::entries_of(&innermost()),
            ..Default::default()
        };
        let t = self.full_stacktrace(&st, None);
        if self.stack_cache.len() >= 64 {
            self.stack_cache.clear();
        }
        self.stack_cache.insert(k, (t.clone(), pinned));
        t
    }

    /// A call past the depth cap (it raises) or near the end of the known
    /// free stack: `stacker` moves it to a new segment if needed, and the
    /// floor is recomputed for that segment.
    #[cold]
    #[inline(never)]
    fn run_guarded(&mut self, callee: Target, args: Vec<Term>) -> R<Term> {
        if self.depth > MAX_DEPTH {
            return ex::system_limit();
        }
        if self.stack_floor == usize::MAX {
            // The first call on this thread: learn where its stack ends.
            self.stack_floor = stack_floor_here();
            if stack_pointer() > self.stack_floor {
                return self.run_loop(callee, args);
            }
        }
        stacker::maybe_grow(RED_ZONE, SEGMENT, || {
            let saved = self.stack_floor;
            self.stack_floor = stack_floor_here();
            let r = self.run_loop(callee, args);
            self.stack_floor = saved;
            r
        })
    }

    #[inline]
    fn run_loop(&mut self, callee: Target, args: Vec<Term>) -> R<Term> {
        let mut frame = args;
        let r = self.run_in(&mut frame, callee);
        self.recycle(frame);
        r
    }

    /// Gives a vector back to the pool, emptied.
    #[inline(always)]
    fn recycle(&mut self, mut v: Vec<Term>) {
        v.clear();
        if self.vecs.len() < POOL {
            self.vecs.push(v);
        }
    }

    /// Runs calls in `frame`, which holds the call's arguments and becomes
    /// its frame: the arguments stay in slots `0..arity`, where the compiled
    /// clauses expect them. A tail call's argument vector replaces it.
    #[inline(always)]
    fn run_in(&mut self, frame: &mut Vec<Term>, first: Target) -> R<Term> {
        // The callee of the last tail call, which `keep` borrows after one.
        let mut owned: Callee;
        let mut keep = first;
        loop {
            self.check_interrupt()?;
            if !self.held.is_empty() {
                self.count_held_call();
            }
            let arity = frame.len();
            let clauses: &[Clause] = match keep {
                Target::Def(d) => {
                    if d.slots > arity {
                        frame.resize(d.slots, Term::NIL);
                    }
                    &d.clauses
                }
                Target::Fun(fu) => match fu {
                    Fun::Closure { code, env } => {
                        if code.slots > frame.len() {
                            frame.resize(code.slots, Term::NIL);
                        }
                        for (i, s) in code.capture_slots.iter().enumerate() {
                            frame[*s] = env[i].clone();
                        }
                        &code.clauses
                    }
                    Fun::External { module, name, .. } => {
                        match self.mfa_flow(*module, *name, std::mem::take(frame))? {
                            Flow::Value(v) => return Ok(v),
                            Flow::Tail => {
                                let (c, a) = self.take_tail();
                                owned = c;
                                keep = owned.target();
                                self.replace_running(keep);
                                *frame = a;
                                continue;
                            }
                        }
                    }
                },
            };
            let mut i = 0;
            loop {
                if i == clauses.len() {
                    frame.truncate(arity);
                    return Err(no_clause(keep, std::mem::take(frame)));
                }
                if self.head_matches(&clauses[i], arity, frame) {
                    break;
                }
                i += 1;
            }
            // An operator body is run here rather than through `eval_tail`.
            let flow = match &clauses[i].body {
                Node::Op(op, a, b, line) => self
                    .op_node(*op, a, b, *line, frame)
                    .map(Flow::Value)
                    .map_err(tail_operator_error),
                body => self.eval_tail(body, frame),
            };
            match flow {
                Ok(Flow::Value(v)) => return Ok(v),
                Ok(Flow::Tail) => {
                    let (c, a) = self.take_tail();
                    owned = c;
                    keep = owned.target();
                    self.replace_running(keep);
                    let done = std::mem::replace(frame, a);
                    self.recycle(done);
                }
                Err(e) => return Err(push_frame(e, keep)),
            }
        }
    }

    /// Whether a function clause accepts the arguments in `f[0..arity]`,
    /// binding its variables into `f`. Wildcards, plain variables and
    /// integer or atom literals are checked here, in the caller's loop.
    #[inline(always)]
    fn head_matches(&mut self, c: &Clause, arity: usize, f: &mut [Term]) -> bool {
        // Every clause of a function has its arity (the compiler groups
        // definitions by arity and rejects `fn`s that mix them).
        debug_assert_eq!(c.pats.len(), arity);
        let pats = &c.pats[..];
        if pats.len() > f.len() {
            return false;
        }
        #[allow(clippy::needless_range_loop)] // `f` is written inside the loop
        for i in 0..pats.len() {
            let ok = match &pats[i] {
                Pat::Any => true,
                Pat::Lit(Term::Int(x)) => matches!(f[i], Term::Int(y) if *x == y),
                Pat::Lit(Term::Atom(x)) => matches!(f[i], Term::Atom(y) if *x == y),
                Pat::Bind(s) => {
                    f[*s] = f[i].clone();
                    true
                }
                p => self.arg_matches(p, i, f),
            };
            if !ok {
                return false;
            }
        }
        self.guard_ok(c.guard.as_ref(), f)
    }

    /// Whether argument `i` matches a pattern other than the simple ones.
    #[inline(never)]
    fn arg_matches(&mut self, p: &Pat, i: usize, f: &mut [Term]) -> bool {
        let a = f[i].clone();
        self.match_pat(p, &a, f)
    }
}

/// Drops a value, calling no drop glue for one that owns nothing.
#[inline(always)]
fn release(t: Term) {
    match t {
        t @ (Term::Int(_) | Term::Atom(_) | Term::EmptyList | Term::Float(_)) => std::mem::forget(t),
        t => drop(t),
    }
}

/// The value of a [`Pure`] body for arguments `xs` and captures `env`, or
/// `None` where it fails.
fn pure_value(e: &Pure, xs: &[Term], env: &[Term]) -> Option<Term> {
    match e {
        Pure::Op(op, a, b) => match (pure_leaf(a, xs, env), pure_leaf(b, xs, env)) {
            (Some(a), Some(b)) => binary_op(*op, a, b, 0).ok(),
            (Some(a), None) => binary_op(*op, a, &pure_value(b, xs, env)?, 0).ok(),
            (None, Some(b)) => binary_op(*op, &pure_value(a, xs, env)?, b, 0).ok(),
            (None, None) => binary_op(*op, &pure_value(a, xs, env)?, &pure_value(b, xs, env)?, 0).ok(),
        },
        leaf => pure_leaf(leaf, xs, env).cloned(),
    }
}

/// A [`Pure`] leaf's value, borrowed.
#[inline(always)]
fn pure_leaf<'a>(e: &'a Pure, xs: &'a [Term], env: &'a [Term]) -> Option<&'a Term> {
    match e {
        Pure::Arg(i) => Some(&xs[*i]),
        Pure::Env(i) => Some(&env[*i]),
        Pure::Lit(t) => Some(t),
        Pure::Op(..) => None,
    }
}

/// A binary operator on two values: small integers on a fast path, the rest
/// through Kernel.
#[inline(always)]
fn binary_op(op: Op2, a: &Term, b: &Term, line: u32) -> R<Term> {
    if let (Term::Int(x), Term::Int(y)) = (a, b) {
        let (x, y) = (*x, *y);
        let fast = match op {
            Op2::Add | Op2::AddInline => x.checked_add(y).map(Term::Int),
            Op2::Sub | Op2::SubInline => x.checked_sub(y).map(Term::Int),
            Op2::Mul | Op2::MulInline => x.checked_mul(y).map(Term::Int),
            Op2::IntDiv if y != 0 => x.checked_div(y).map(Term::Int),
            Op2::Rem if y != 0 => x.checked_rem(y).map(Term::Int),
            Op2::Lt => Some(Term::bool(x < y)),
            Op2::Gt => Some(Term::bool(x > y)),
            Op2::Le => Some(Term::bool(x <= y)),
            Op2::Ge => Some(Term::bool(x >= y)),
            Op2::Eq | Op2::StrictEq => Some(Term::bool(x == y)),
            Op2::Ne | Op2::StrictNe => Some(Term::bool(x != y)),
            _ => None,
        };
        if let Some(t) = fast {
            return Ok(t);
        }
    }
    kernel::op2(op, a, b).map_err(|e| at_line(e, line))
}

/// The value of a [`Node::is_leaf`] node, borrowed.
#[inline(always)]
fn leaf<'a>(n: &'a Node, f: &'a [Term]) -> &'a Term {
    match n {
        Node::Var(s) => &f[*s],
        Node::Lit(t) => t,
        _ => unreachable!("only variables and literals are leaves"),
    }
}

/// The function a call site reaches, or the error of calling one that is
/// not defined (or, from another module, not public).
#[inline(always)]
fn callable(slot: &super::code::FunSlot, remote: bool, args: &[Term], line: u32) -> R<&'static FunDef> {
    match slot.get() {
        Some(d) if d.public || !remote => Ok(d),
        _ => {
            let (m, n) = (slot.module.unwrap_or(Atom::NIL), slot.name.unwrap_or(Atom::NIL));
            Err(at_line(ex::undefined_call(m, n, args.to_vec()), line))
        }
    }
}

/// The left operand of `and`, `or`, `&&` or `||`.
fn left_of(n: &Node) -> &Node {
    match n {
        Node::And(a, _) | Node::Or(a, _) | Node::AndAlso(a, _) | Node::OrElse(a, _) => a,
        _ => unreachable!("only the boolean operators have a left operand here"),
    }
}

/// Whether `and`, `or`, `&&` or `||` goes on to its right operand, given the
/// value `v` of its left one (`and`/`or` insist on a boolean).
#[inline]
fn goes_on(n: &Node, v: &Term) -> R<bool> {
    match n {
        Node::And(..) | Node::Or(..) => match v {
            Term::Atom(Atom::TRUE) => Ok(matches!(n, Node::And(..))),
            Term::Atom(Atom::FALSE) => Ok(matches!(n, Node::Or(..))),
            other => {
                let op = if matches!(n, Node::And(..)) { "and" } else { "or" };
                ex::raise(
                    "BadBooleanError",
                    vec![("term", other.clone()), ("operator", Term::atom(op))],
                )
            }
        },
        Node::AndAlso(..) => Ok(v.is_truthy()),
        _ => Ok(!v.is_truthy()),
    }
}

/// An error leaving a builtin called in tail position: if the builtin
/// recorded its own frame, that call replaced the current frame (see
/// [`ex::Stack::tail_called`]); otherwise the error passed through it at `line`.
#[cold]
fn tail_native_error(mut e: Box<Exc>, line: u32) -> Box<Exc> {
    if let Some(st) = e.stack_mut()
        && !st.complete
        && st.tail_called()
    {
        return e;
    }
    at_line(e, line)
}

/// Marks an error raised by an operator in tail position (see `push_frame`).
#[cold]
fn tail_operator_error(mut e: Box<Exc>) -> Box<Exc> {
    if let Some(st) = e.stack_mut() {
        st.tail_operator = true;
    }
    e
}

/// Marks an error as having left a builtin's callback.
#[cold]
fn from_callback(mut e: Box<Exc>) -> Box<Exc> {
    if let Some(st) = e.stack_mut() {
        st.from_callback = true;
    }
    e
}

/// Records `line` as where an error passed through the current frame.
#[cold]
pub fn at_line(mut e: Box<Exc>, line: u32) -> Box<Exc> {
    if let Some(st) = e.stack_mut()
        && st.pending_line == 0
    {
        st.pending_line = line;
    }
    e
}

/// How a callee reads in a stack trace: `Mod.fun/2` or `anonymous fn/1 in Mod.fun/2`.
fn describe(c: Target) -> (Arc<str>, u32, String) {
    match c {
        Target::Def(d) => (
            d.file.clone(),
            d.line,
            format!("{}.{}/{}", ex::module_name(d.module), ex::fun_name(d.name), d.arity),
        ),
        Target::Fun(fu) => match fu {
            Fun::Closure { code, .. } => lambda_desc(code),
            Fun::External { module, name, arity } => (
                "".into(),
                0,
                format!("{}.{}/{}", ex::module_name(*module), ex::fun_name(*name), arity),
            ),
        },
    }
}

/// The `{module, function, arity}` of a callee's frame, where the BEAM has one.
fn frame_mfa(c: Target) -> Option<(Atom, Atom, usize)> {
    match c {
        Target::Def(d) => Some((d.module, d.name, d.arity)),
        Target::Fun(fu) => match fu {
            Fun::Closure { code, .. } if code.context == SHELL_CONTEXT => {
                Some((Atom::new("erl_eval"), Atom::new("do_apply"), 7))
            }
            Fun::External { module, name, arity } => Some((*module, *name, *arity)),
            Fun::Closure { code, .. } => closure_mfa(&code.context, code.index, code.arity + code.held),
        },
    }
}

/// The name the Erlang compiler gives the `index`-th `fn` of the function
/// `context` (`M.k/1`): `{M, :"-k/1-fun-0-", arity}`, its arity counting
/// the variables it captures.
pub fn closure_mfa(context: &str, index: u32, arity: usize) -> Option<(Atom, Atom, usize)> {
    let (left, outer_arity) = context.rsplit_once('/')?;
    let (module, name) = left.rsplit_once('.')?;
    let module = crate::stdlib::module_atom(module);
    let name = name.trim_matches('"');
    Some((module, Atom::new(&format!("-{name}/{outer_arity}-fun-{index}-")), arity))
}

/// Where a `fn` typed at the prompt lives, as iex prints it.
pub const SHELL_CONTEXT: &str = ":erl_eval.expr/6";

fn lambda_desc(code: &Lambda) -> (Arc<str>, u32, String) {
    if code.context == SHELL_CONTEXT {
        // A `fn` typed at the prompt runs inside erl_eval in iex; its frames read so.
        return (
            Arc::from("(stdlib 4.2) erl_eval.erl"),
            742,
            ":erl_eval.do_apply/7".into(),
        );
    }
    (
        code.file.clone(),
        code.line,
        // As the BEAM names it: captured variables are extra parameters.
        format!("anonymous fn/{} in {}", code.arity + code.held, code.context),
    )
}

/// Adds the frame of `callee` to an error leaving it.
#[cold]
fn push_frame(mut e: Box<Exc>, callee: Target) -> Box<Exc> {
    if let Some(st) = e.stack_mut()
        && !st.complete
    {
        if st.take_tail_called() {
            st.pending_line = 0;
            return e;
        }
        let shell_fn = matches!(callee, Target::Fun(Fun::Closure { code, .. }) if code.context == SHELL_CONTEXT);
        // erl_eval applies an operator in a fn's tail position with no frame of its own.
        if std::mem::take(&mut st.tail_operator) && shell_fn {
            st.pending_line = 0;
            return e;
        }
        let entry = frame_entry(callee, st.pending_line);
        st.pending_line = 0;
        if let Some(entry) = entry {
            st.push_distinct(Arc::new(entry));
        }
    }
    e
}

/// The frame of `callee` for an error that passed through it at `line`
/// (0: not known, its definition's line). OTP's code written in Elixir
/// leaves the frames Elixir's own would, or none.
fn frame_entry(callee: Target, line: u32) -> Option<StackEntry> {
    let (file, def_line, what) = describe(callee);
    let shell_fn = matches!(callee, Target::Fun(Fun::Closure { code, .. }) if code.context == SHELL_CONTEXT);
    let line = if line != 0 && !shell_fn { line } else { def_line };
    let (file, line) = if crate::stdlib::otp::is_source(&file) {
        let (f, l) = crate::stdlib::otp::frame(&file, line)?;
        (Arc::from(f), l)
    } else {
        (file, line)
    };
    Some(StackEntry {
        file,
        line,
        what,
        mfa: frame_mfa(callee),
        args: None,
    })
}

/// The FunctionClauseError of a call no clause accepted.
#[cold]
fn no_clause(callee: Target, args: Vec<Term>) -> Box<Exc> {
    let shown: Vec<String> = args.iter().map(crate::term::inspect::inspect_default).collect();
    let (file, line, what, err) = match callee {
        Target::Def(d) => {
            let what = format!(
                "{}.{}({})",
                ex::module_name(d.module),
                ex::fun_name(d.name),
                shown.join(", ")
            );
            (
                d.file.clone(),
                d.line,
                what,
                ex::function_clause::<()>(d.module, d.name, args),
            )
        }
        Target::Fun(fu) => {
            let (file, line, desc) = describe(Target::Fun(fu));
            let what = format!("{desc}({})", shown.join(", "));
            let name = Atom::new(&desc);
            (file, line, what, ex::function_clause::<()>(Atom::NIL, name, args))
        }
    };
    // OTP's code written in Elixir: Elixir's file and line where the
    // function's head is marked.
    let (file, line) = match crate::stdlib::otp::frame(&file, line) {
        Some((f, l)) if crate::stdlib::otp::is_source(&file) => (Arc::from(f), l),
        _ => (file, line),
    };
    let mut e = err.err().unwrap_or(Box::new(Exc::Cancelled));
    if let Exc::Error(_, st) = &mut *e {
        st.entries.push(Arc::new(StackEntry {
            file,
            line,
            what,
            mfa: frame_mfa(callee),
            args: None,
        }));
    }
    e
}

/// Spawns a process that runs `body` and reports how it ended.
/// `link_to` is linked to the new process before it starts (`spawn_link`).
/// The spawner holds the new process (see [`Proc::hold`]).
pub fn spawn_proc(
    spawner: &mut Proc,
    link_to: Option<crate::term::Pid>,
    body: impl FnOnce(&mut Proc) -> R<Term> + Send + 'static,
) -> R<Term> {
    let started = runtime::spawn_later(link_to, move |me| {
        let mut p = Proc::new(me.clone());
        let r = body(&mut p);
        p.release_held();
        let reason = match &r {
            Ok(_) => Term::Atom(Atom::NORMAL),
            Err(e) if matches!(**e, Exc::Cancelled) => me
                .kill_reason
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .take()
                .unwrap_or(Term::Atom(Atom::KILLED)),
            Err(e) => {
                crate::stdlib::report_crash(me.pid, e);
                ex::exit_reason(e)
            }
        };
        runtime::exit_with(&me, reason);
        runtime::runnable_dec();
    });
    match started {
        Ok(u) => {
            let pid = u.pid();
            spawner.hold(u);
            Ok(Term::Pid(pid))
        }
        Err(_) => ex::system_limit(),
    }
}
