//! The shell: a real process (with a pid and a mailbox) on its own thread
//! that evaluates what the user types, one input at a time.
//!
//! **Invariants:** the shell counts as runnable only while it evaluates, so
//! after a reply [`crate::runtime::wait_idle`] waits for the other
//! processes alone; its bindings live in its [`Session`] and survive errors
//! and Ctrl+C.

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
    Eval(Vec<Expr>),
    Bindings,
}

enum Reply {
    Done(Outcome),
    Bindings(Vec<(String, Term)>),
}

/// A handle on the shell process.
pub struct Shell {
    tx: Sender<Request>,
    rx: Receiver<Reply>,
    process: Arc<Process>,
}

impl Shell {
    /// Starts the shell process; `file` is what compile errors name (`iex`).
    pub fn start(file: &str) -> Result<Shell, runtime::SpawnError> {
        let (tx, req_rx) = unbounded::<Request>();
        let (rep_tx, rx) = unbounded::<Reply>();
        let process = runtime::new_process()?;
        let me = process.clone();
        let file = file.to_string();
        std::thread::Builder::new()
            .name("shell".into())
            .stack_size(16 * 1024 * 1024)
            .spawn(move || serve(me, &file, req_rx, rep_tx))
            .map_err(|_| runtime::SpawnError::Thread)?;
        Ok(Shell { tx, rx, process })
    }

    pub fn pid(&self) -> crate::term::Pid {
        self.process.pid
    }

    /// Evaluates the expressions of one input and returns how it went.
    pub fn eval(&self, exprs: Vec<Expr>) -> Outcome {
        if self.tx.send(Request::Eval(exprs)).is_err() {
            return Outcome::Error("** (EXIT) the shell process is gone".into());
        }
        loop {
            match self.rx.recv() {
                Ok(Reply::Done(o)) => return o,
                Ok(Reply::Bindings(_)) => continue,
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
        runtime::interrupt(&self.process, None);
    }

    /// A handle that can interrupt the shell from another thread (a signal handler).
    pub fn interrupter(&self) -> impl Fn() + Send + 'static {
        let p = self.process.clone();
        move || runtime::interrupt(&p, None)
    }
}

fn serve(me: Arc<Process>, file: &str, rx: Receiver<Request>, tx: Sender<Reply>) {
    let mut proc = Proc::new(me.clone());
    let mut session = Session::new(file, crate::eval::exec::SHELL_CONTEXT);
    session.compiler.imports.push((Atom::alias("IEx.Helpers"), None));
    // Idle until the first input.
    runtime::runnable_dec();
    while let Ok(req) = rx.recv() {
        match req {
            Request::Bindings => {
                let _ = tx.send(Reply::Bindings(session.bindings()));
            }
            Request::Eval(exprs) => {
                runtime::runnable_inc();
                me.interrupt.store(false, std::sync::atomic::Ordering::SeqCst);
                // The shell fetched its messages while it waited for this input.
                me.mailbox.fetch();
                let mut out = Outcome::Value(Term::NIL);
                for e in &exprs {
                    match session.eval(&mut proc, e) {
                        Ok(v) => out = Outcome::Value(v),
                        Err(f) => {
                            out = Outcome::Error(render_failure(f, file));
                            break;
                        }
                    }
                }
                if let Outcome::Value(v) = &out {
                    proc.results.push(v.clone());
                }
                runtime::runnable_dec();
                let _ = tx.send(Reply::Done(out));
            }
        }
    }
}

/// An error in the shell as iex prints it: the banner, then the stack of
/// functions it came through (the shell's own frame is not shown).
pub fn render_failure(f: Failure, file: &str) -> String {
    match f {
        Failure::Compile(c) => format!("** (CompileError) {file}:{}: {}\n", c.line, c.message),
        Failure::Raised(Exc::Cancelled) => "\n** (EXIT) interrupted: the evaluation was cancelled (Ctrl+C)\n".into(),
        Failure::Raised(x) => {
            let mut t = ex::banner(&x);
            if let Exc::Error(e, _) = &x
                && ex::exception_name(e) == "FunctionClauseError"
                && let Some(args) = e.map_get(Atom::ARGS).and_then(Term::list_to_vec)
            {
                let name = ex::message(e)
                    .trim_start_matches("no function clause matching in ")
                    .to_string();
                t.push_str(&format!("\n\n    The following arguments were given to {name}:\n"));
                for (i, a) in args.iter().enumerate() {
                    t.push_str(&format!(
                        "\n        # {}\n        {}\n",
                        i + 1,
                        crate::term::inspect::inspect(a, &crate::term::inspect::Opts::pretty())
                    ));
                }
            }
            let lines = ex::stack_lines(&x);
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
