//! The shell: a real process (with a pid and a mailbox) on its own thread
//! that evaluates what the user types, one input at a time.
//!
//! **Invariants:** the shell counts as runnable only while it evaluates, so
//! after a reply [`crate::runtime::wait_idle`] waits for the other
//! processes alone; its bindings live in its [`Session`] and survive errors,
//! Ctrl+C, and the shell process itself dying of an exit signal (a linked
//! process crashing, `Process.exit(self(), :kill)`): then a new shell
//! process, with a new pid, takes over the same session, as iex restarts its
//! shell, but without losing the bindings.

use std::sync::Arc;

use crossbeam_channel::{Receiver, Sender, unbounded};

use crate::eval::Proc;
use crate::eval::exception::{self as ex, Exc};
use crate::eval::session::{Failure, Session};
use crate::runtime::{self, Process};
use crate::syntax::ast::Expr;
use crate::term::{Atom, Term};

/// What evaluating one input gave.
pub enum Outcome {
    Value(Term),
    /// An error, already rendered as iex renders it (without colour).
    Error(String),
}

enum Request {
    /// Expressions to evaluate, and the file they come from when it is not
    /// the prompt (`iex FILE`: errors and warnings name that file).
    Eval(Vec<Expr>, Option<std::sync::Arc<str>>),
    Bindings,
    /// Replace the shell process if an exit signal killed it.
    Restart,
}

enum Reply {
    Done(Outcome),
    Bindings(Vec<(String, Term)>),
    Restarted(Option<(crate::term::Pid, Term)>),
}

/// Where requests for lines of input come from, and what serves one.
pub type Serve<'a> = (
    &'a crossbeam_channel::Receiver<crate::runtime::input::LineRequest>,
    &'a mut dyn FnMut(crate::runtime::input::LineRequest),
);

/// A handle on the shell process.
pub struct Shell {
    tx: Sender<Request>,
    rx: Receiver<Reply>,
    process: Arc<arc_swap::ArcSwap<Process>>,
}

impl Shell {
    /// Starts the shell process; `file` is what compile errors name (`iex`).
    pub fn start(file: &str) -> Result<Shell, runtime::SpawnError> {
        let (tx, req_rx) = unbounded::<Request>();
        let (rep_tx, rx) = unbounded::<Reply>();
        runtime::number_pids_as(runtime::SHELL_PIDS);
        let process = Arc::new(arc_swap::ArcSwap::new(runtime::new_process()?));
        runtime::root_made();
        let current = process.clone();
        let file = file.to_string();
        std::thread::Builder::new()
            .name("shell".into())
            .stack_size(16 * 1024 * 1024)
            .spawn(move || serve(current, &file, req_rx, rep_tx))
            .map_err(|_| runtime::SpawnError::Thread)?;
        Ok(Shell { tx, rx, process })
    }

    pub fn pid(&self) -> crate::term::Pid {
        self.process.load().pid
    }

    /// If an exit signal killed the shell process, replaces it with a new one
    /// (same bindings) and says which pid died of what.
    pub fn restart_if_killed(&self) -> Option<(crate::term::Pid, Term)> {
        self.tx.send(Request::Restart).ok()?;
        loop {
            match self.rx.recv() {
                Ok(Reply::Restarted(r)) => return r,
                Ok(_) => continue,
                Err(_) => return None,
            }
        }
    }

    /// Evaluates the expressions of one input and returns how it went.
    pub fn eval(&self, exprs: Vec<Expr>) -> Outcome {
        self.eval_from(exprs, None)
    }

    /// Evaluates the expressions of a file (`iex FILE`): what they define
    /// names that file in warnings and stack traces.
    pub fn eval_from(&self, exprs: Vec<Expr>, file: Option<&str>) -> Outcome {
        self.eval_serving(exprs, file, None)
    }

    /// Evaluates an input while serving the processes' requests for lines
    /// of input (`IO.gets` at the prompt) with `serve`, as they come.
    pub fn eval_serving(&self, exprs: Vec<Expr>, file: Option<&str>, mut serve: Option<Serve<'_>>) -> Outcome {
        if self
            .tx
            .send(Request::Eval(exprs, file.map(std::sync::Arc::from)))
            .is_err()
        {
            return Outcome::Error("** (EXIT) the shell process is gone".into());
        }
        loop {
            let reply = match &mut serve {
                None => self.rx.recv(),
                Some((requests, f)) => crossbeam_channel::select! {
                    recv(self.rx) -> r => r,
                    recv(requests) -> req => {
                        if let Ok(req) = req {
                            f(req);
                        }
                        continue;
                    }
                },
            };
            match reply {
                Ok(Reply::Done(o)) => return o,
                Ok(Reply::Bindings(_) | Reply::Restarted(_)) => continue,
                Err(_) => return Outcome::Error("** (EXIT) the shell process is gone".into()),
            }
        }
    }

    /// The shell's current bindings.
    pub fn bindings(&self) -> Vec<(String, Term)> {
        if self.tx.send(Request::Bindings).is_err() {
            return vec![];
        }
        match self.rx.recv() {
            Ok(Reply::Bindings(b)) => b,
            _ => vec![],
        }
    }

    /// Cancels the running evaluation (Ctrl+C).
    pub fn interrupt(&self) {
        runtime::interrupt(&self.process.load(), None);
    }

    /// A handle that can interrupt the shell from another thread (a signal handler).
    pub fn interrupter(&self) -> impl Fn() + Send + 'static {
        let p = self.process.clone();
        move || runtime::interrupt(&p.load(), None)
    }
}

/// The exit signal that killed the shell process, if one did.
fn killed_by(me: &Process) -> Option<Term> {
    me.signal.lock().unwrap_or_else(|e| e.into_inner()).take()
}

fn serve(current: Arc<arc_swap::ArcSwap<Process>>, file: &str, rx: Receiver<Request>, tx: Sender<Reply>) {
    let mut me = current.load_full();
    let mut proc = Proc::new(me.clone());
    proc.shell = true;
    let mut session = Session::new(file, crate::eval::exec::SHELL_CONTEXT);
    session
        .compiler
        .imports
        .push(crate::eval::compile::Import::all(Atom::alias("IEx.Helpers")));
    // Idle until the first input.
    runtime::runnable_dec();
    while let Ok(req) = rx.recv() {
        match req {
            Request::Bindings => {
                let _ = tx.send(Reply::Bindings(session.bindings()));
            }
            Request::Restart => {
                let died = killed_by(&me).and_then(|reason| {
                    let old = me.pid;
                    runtime::exit_with(&me, reason.clone());
                    let new = runtime::new_process().ok()?;
                    runtime::runnable_dec();
                    current.store(new.clone());
                    me = new;
                    let results = std::mem::take(&mut proc.results);
                    proc = Proc::new(me.clone());
                    proc.shell = true;
                    proc.results = results;
                    Some((old, reason))
                });
                let _ = tx.send(Reply::Restarted(died));
            }
            Request::Eval(exprs, from) => {
                runtime::input_begins();
                let prompt_file = from.map(|f| std::mem::replace(&mut session.compiler.file, f));
                runtime::runnable_inc();
                me.interrupt.store(false, std::sync::atomic::Ordering::SeqCst);
                // The shell fetched its messages while it waited for this input.
                me.mailbox.fetch();
                let mut out = Outcome::Value(Term::NIL);
                for e in &exprs {
                    match session.eval(&mut proc, e) {
                        Ok(v) => out = Outcome::Value(v),
                        Err(f) => {
                            let shown = session.compiler.file.clone();
                            out = Outcome::Error(render_failure(f, &shown));
                            break;
                        }
                    }
                }
                if let Some(f) = prompt_file {
                    session.compiler.file = f;
                } else if let Outcome::Value(v) = &out {
                    proc.results.push(v.clone());
                }
                // The shell waits for the next input: what it spawned runs.
                proc.release_held();
                runtime::runnable_dec();
                let _ = tx.send(Reply::Done(out));
            }
        }
    }
}

/// The frames iex prints under a module's call of an undefined local function.
const UNDEFINED_LOCAL_FRAMES: [&str; 2] = [
    "    (elixir 1.14.0) src/elixir_locals.erl:115: anonymous fn/4 in :elixir_locals.ensure_no_undefined_local/3",
    "    (elixir 1.14.0) src/elixir_erl_compiler.erl:12: anonymous fn/2 in :elixir_erl_compiler.spawn/1",
];

/// An error in the shell as iex prints it: the banner, then the stack of
/// functions it came through (the shell's own frame is not shown).
pub fn render_failure(f: Failure, file: &str) -> String {
    match f {
        Failure::Compile(c) => {
            let mut t = c.report(file);
            t.pop(); // the shell ends what it prints with a newline
            t
        }
        Failure::Raised(Exc::Cancelled) => "\n** (EXIT) interrupted: the evaluation was cancelled (Ctrl+C)\n".into(),
        Failure::Raised(x) => {
            let mut t = ex::blamed_banner(&x, crate::stdlib::clauses::Marks::Iex);
            let mut lines = ex::blamed_stack_lines(&x);
            if let Exc::Error(_, st) = &x
                && st.undefined_local
                && lines.is_empty()
            {
                // A module calling a local function it does not define: iex
                // shows where Elixir's compiler checks the module's calls.
                lines = UNDEFINED_LOCAL_FRAMES.iter().map(|l| l.to_string()).collect();
            }
            // iex drops the evaluator's own frames from the bottom of the stack.
            while lines
                .last()
                .is_some_and(|l| l.trim_start().starts_with("(stdlib 4.2) erl_eval.erl:"))
            {
                lines.pop();
            }
            if lines.is_empty() {
                t.push('\n');
            } else {
                t.push('\n');
                t.push_str(&lines.join("\n"));
            }
            t
        }
    }
}
