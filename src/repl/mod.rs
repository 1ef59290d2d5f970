//! The interactive front end: prompts, continuation lines, settle, printing.
//!
//! **Invariant:** the loop only reads lines, hands complete inputs to the
//! [`shell::Shell`] process, waits for quiescence, and prints; evaluation,
//! line editing ([`editor`]) and rendering ([`render`]) live elsewhere.

pub mod editor;
pub mod helper;
pub mod render;
pub mod shell;

use std::io::Write;
use std::time::Duration;

use crate::eval::compile::warn;
use crate::runtime::{self, io};
use crate::syntax::{self, ast::CallTarget, ast::Expr, ast::ExprKind};
use shell::{Outcome, Shell};

/// How the REPL runs.
pub struct Options {
    pub colors: bool,
    /// How long to wait for other processes to go idle before printing a result.
    pub settle: Duration,
    /// Files to load first (`iexr FILE.ex`).
    pub files: Vec<String>,
}

/// What to do with one line of input.
enum Step {
    /// More lines are needed.
    More,
    /// The input was handled (evaluated or reported).
    Done,
}

/// A REPL session: the shell, the prompt counter and the pending input.
pub struct Repl {
    pub shell: Shell,
    pub counter: usize,
    buffer: String,
    opts: Options,
    /// With the line editor: the requests of processes reading a line of
    /// input, and what reads one (served while an input is evaluated).
    reader: Option<Reader>,
}

/// What serves the processes' reads of input at the line editor.
pub struct Reader {
    pub requests: crossbeam_channel::Receiver<runtime::input::LineRequest>,
    pub read: Box<dyn FnMut(&runtime::input::LineRequest) -> runtime::input::Typed>,
}

impl Repl {
    pub fn new(opts: Options) -> Result<Repl, String> {
        // The files are read and parsed before the shell starts, as iex
        // compiles them first (their processes come before the shell's).
        let mut required = Vec::new();
        for path in &opts.files {
            let src = std::fs::read_to_string(path).map_err(|e| format!("could not read {path}: {e}"))?;
            let exprs = syntax::parse_program(&src).map_err(|e| crate::report::syntax_error(&e, path, &src))?;
            required.push((path.clone(), exprs));
        }
        runtime::number_pids_as(runtime::SHELL_PIDS);
        let modules = required.iter().flat_map(|(_, e)| e.iter()).map(count_modules).sum();
        runtime::files_required(required.len(), modules);
        let shell = Shell::start("iex").map_err(|e| e.to_string())?;
        let mut r = Repl {
            shell,
            counter: 1,
            buffer: String::new(),
            opts,
            reader: None,
        };
        runtime::without_pid_gaps(|| {
            required
                .into_iter()
                .try_for_each(|(path, exprs)| r.load_file(&path, exprs))
        })?;
        r.load_dot_iex();
        Ok(r)
    }

    /// Loads a file's modules (and runs its code) into the shell, as `iex FILE` does.
    fn load_file(&mut self, path: &str, exprs: Vec<Expr>) -> Result<(), String> {
        match self.shell.eval_from(exprs, Some(path)) {
            Outcome::Value(_) => Ok(()),
            Outcome::Error(e) => Err(e),
        }
    }

    /// Evaluates `.iex.exs` from the current directory, or else the home
    /// directory, in the shell (its bindings and imports stay), as iex does.
    fn load_dot_iex(&mut self) {
        let candidates = [
            Some(std::path::PathBuf::from(".iex.exs")),
            std::env::var_os("HOME").map(|h| std::path::PathBuf::from(h).join(".iex.exs")),
        ];
        let Some(path) = candidates.into_iter().flatten().find(|p| p.is_file()) else {
            return;
        };
        let path = path.display().to_string().replace('\\', "\\\\").replace('"', "\\\"");
        let Ok(exprs) = syntax::parse_program(&format!("import_file(\"{path}\")")) else {
            return;
        };
        if let Outcome::Error(e) = self.shell.eval(exprs) {
            io::err(&format!("{e}\n"));
        }
        runtime::wait_idle(self.opts.settle);
    }

    pub fn prompt(&self) -> String {
        if self.buffer.is_empty() {
            format!("iex({})> ", self.counter)
        } else {
            format!("...({})> ", self.counter)
        }
    }

    /// Drops a partly typed input (Ctrl+C at a continuation prompt).
    pub fn discard(&mut self) {
        self.buffer.clear();
    }

    /// Whether output is coloured.
    pub fn colors(&self) -> bool {
        self.opts.colors
    }

    pub fn pending(&self) -> &str {
        &self.buffer
    }

    /// Feeds one line; evaluates when the input is complete, printing the outcome.
    fn feed(&mut self, line: &str) -> Step {
        self.buffer.push_str(line);
        self.buffer.push('\n');
        if self.buffer.trim().is_empty() {
            self.buffer.clear();
            return Step::Done;
        }
        // iex numbers the lines of input N from N.
        let src = format!("{}{}", "\n".repeat(self.counter.saturating_sub(1)), self.buffer);
        let mut parsed = syntax::parse_program_warned(&src);
        let exprs = match std::mem::replace(&mut parsed.exprs, Ok(Vec::new())) {
            Ok(e) => e,
            Err(e) if e.incomplete => return Step::More,
            Err(e) => {
                self.buffer.clear();
                let text = format!("{}\n\n", crate::report::syntax_error(&e, "iex", &src));
                io::out(&render::error(&text, self.opts.colors));
                return Step::Done;
            }
        };
        self.buffer.clear();
        // A shell killed while it waited for this input: say so, then go on in the new one.
        self.report_shell_exit();
        self.print_warnings(&src, &parsed, &exprs);
        let outcome = match &mut self.reader {
            Some(r) => {
                let read = &mut r.read;
                let mut serve = |req: runtime::input::LineRequest| {
                    if !req.abandoned.load(std::sync::atomic::Ordering::SeqCst) {
                        let _ = req.reply.send(read(&req));
                    }
                };
                self.shell.eval_serving(exprs, None, Some((&r.requests, &mut serve)))
            }
            None => self.shell.eval(exprs),
        };
        runtime::wait_idle(self.opts.settle);
        if self.report_shell_exit() {
            return Step::Done;
        }
        match outcome {
            Outcome::Value(v) => {
                if v != crate::stdlib::iex::no_result() {
                    io::out(&render::value(&v, self.opts.colors));
                }
                self.counter += 1;
            }
            Outcome::Error(e) => io::out(&render::error(&format!("{e}\n"), self.opts.colors)),
        }
        Step::Done
    }
}

impl Repl {
    /// The warnings iex prints for an input before it runs it (`src` is
    /// the input as parsed, its lines numbered from the prompt's counter).
    fn print_warnings(&self, src: &str, parsed: &syntax::Parsed, exprs: &[crate::syntax::ast::Expr]) {
        let bound: Vec<String> = self.shell.bindings().into_iter().map(|(k, _)| k).collect();
        let aliases = Default::default();
        let env = warn::Env {
            aliases: &aliases,
            locals: None,
            imports: false,
            requires: &[],
        };
        let mut text = String::new();
        for w in warn::syntax(src, parsed)
            .into_iter()
            .chain(warn::repl(exprs, &bound, &env))
        {
            text.push_str(&w.render("iex"));
        }
        if !text.is_empty() {
            io::err(&text);
        }
    }

    /// If an exit signal killed the shell process, prints what iex prints when
    /// it restarts its shell and numbers the prompts from 1 again; the new
    /// shell keeps the bindings.
    fn report_shell_exit(&mut self) -> bool {
        let Some((pid, reason)) = self.shell.restart_if_killed() else {
            return false;
        };
        self.counter = 1;
        if reason == crate::term::Term::atom(crate::stdlib::iex::RESPAWN) {
            io::out(&format!("\n{BANNER}"));
            return true;
        }
        let text = format!(
            "** (EXIT from {}) shell process exited with reason: {}\n\n",
            crate::term::inspect::inspect_default(&crate::term::Term::Pid(pid)),
            crate::eval::exception::format_exit(&reason)
        );
        io::out(&render::error(&text, self.opts.colors));
        io::out(BANNER);
        self.counter = 1;
        true
    }
}

/// How many modules `e` defines (`defmodule`, `defprotocol`, `defimpl`,
/// nested ones too).
fn count_modules(e: &Expr) -> usize {
    let mut e = e.clone();
    let own = matches!(&e.kind, ExprKind::Call { target: CallTarget::Local(name), .. }
        if matches!(name.as_str(), "defmodule" | "defprotocol" | "defimpl"));
    let mut n = usize::from(own);
    crate::eval::compile::for_each_child_mut(&mut e, &mut |c| n += count_modules(c));
    n
}

/// What iex prints when its shell starts.
pub const BANNER: &str = "Interactive Elixir (1.14.0) - press Ctrl+C to exit (type h() ENTER for help)\n";

/// Runs the interactive REPL until Ctrl+D; uses line editing on a terminal
/// and plain line reading otherwise.
pub fn run(opts: Options) -> i32 {
    let interactive = std::io::IsTerminal::is_terminal(&std::io::stdin());
    if interactive {
        runtime::number_pids_as(runtime::TERMINAL_SHELL_PIDS);
    }
    let mut repl = match Repl::new(opts) {
        Ok(r) => r,
        Err(e) => {
            runtime::io::err(&format!("{e}\n"));
            return 1;
        }
    };
    let interrupt = repl.shell.interrupter();
    let _ = ctrlc::set_handler(interrupt);
    if interactive {
        editor::run(&mut repl)
    } else {
        run_piped(&mut repl)
    }
}

/// Reads the input lines from stdin, through the same buffer as the
/// processes' reads (`IO.gets` reads the line after the one that called it).
fn run_piped(repl: &mut Repl) -> i32 {
    runtime::input::set_stdin();
    loop {
        io::out(&repl.prompt());
        let Some(line) = runtime::input::frontend_line() else {
            break;
        };
        io::out(&format!("{line}\n"));
        if repl.pending().is_empty() && line.trim().is_empty() {
            // iex reading a pipe evaluates a blank line, to `nil` (what a
            // read such as `IO.getn` leaves of its line may be one).
            io::out(&render::value(&crate::term::Term::NIL, repl.colors()));
            repl.counter += 1;
            continue;
        }
        repl.feed(&line);
    }
    let _ = std::io::stdout().flush();
    0
}

/// Feeds a line from a front end; true when the input is complete.
pub fn feed_line(repl: &mut Repl, line: &str) -> bool {
    matches!(repl.feed(line), Step::Done)
}
