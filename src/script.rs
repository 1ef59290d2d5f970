//! Running a script like `elixir script.exs`: every top-level expression in
//! order in the script's own process; an uncaught error prints Elixir's
//! report on stderr and makes the exit status 1.

use crate::eval::Proc;
use crate::eval::compile::warn;
use crate::eval::exception::{self as ex, StackEntry};
use std::sync::Arc;

use crate::eval::session::Session;
use crate::runtime;
use crate::syntax;

/// The frame Elixir prints under an error that ends a script.
const REQUIRE_FRAME: &str = "    (elixir 1.14.0) lib/code.ex:1245: Code.require_file/2";
/// How many frames of the script runner lie between a script's own frame
/// and `Code.require_file/2`'s (Elixir does not print them).
const HIDDEN_FRAMES: usize = ex::RUNNER_FRAMES.len() - 2;

/// Runs `src` (named `file` in messages); returns the exit status.
pub fn run_source(src: &str, file: &str) -> i32 {
    let parsed = syntax::parse_program_warned(src);
    let text: String = warn::syntax(src, &parsed).iter().map(|w| w.render(file)).collect();
    if !text.is_empty() {
        runtime::io::err(&text);
    }
    let exprs = match parsed.exprs {
        Ok(e) => e,
        Err(e) => {
            let report = crate::report::syntax_error(&e, file, src);
            runtime::io::err(&format!("{report}\n{REQUIRE_FRAME}\n"));
            return 1;
        }
    };
    runtime::number_pids_as(runtime::SCRIPT_PIDS);
    let me = match runtime::new_process() {
        Ok(p) => p,
        Err(_) => return 1,
    };
    runtime::root_made();
    let mut proc = Proc::new(me.clone());
    proc.script = Some(file.into());
    let mut session = Session::new(file, ex::SCRIPT_CONTEXT);
    // The module checker's warnings come once the script has run.
    let held = warn::deprecated::hold();
    let status = match session.compile_all(&exprs) {
        Err(c) => {
            runtime::io::err(&c.report(file));
            1
        }
        Ok(nodes) => {
            print_warnings(&session, &exprs, file);
            let mut status = 0;
            for (i, (node, e)) in nodes.iter().zip(&exprs).enumerate() {
                let last = i + 1 == nodes.len();
                let r = if last {
                    session.run_tail(&mut proc, node)
                } else {
                    session.run(&mut proc, node)
                };
                if let Err(mut x) = r {
                    // An exit signal killed the script's process: Elixir names
                    // the process and the reason, with no stack.
                    let signal = me.signal.lock().unwrap_or_else(|e| e.into_inner()).take();
                    if let Some(reason) = signal {
                        runtime::io::err(&format!(
                            "** (EXIT from {}) {}\n\n",
                            crate::term::inspect::inspect_default(&crate::term::Term::Pid(me.pid)),
                            ex::format_exit(&reason)
                        ));
                        status = 1;
                        break;
                    }
                    // Exiting with `:normal`, `:shutdown` or `{:shutdown, n}`
                    // ends the script quietly, with status 0 or `n`.
                    if let ex::Exc::Exit(reason, _) = &x
                        && let Some(code) = quiet_exit_status(reason)
                    {
                        status = code;
                        break;
                    }
                    // The script's last expression calls in tail position: a
                    // call of a function (or of a builtin written in Elixir)
                    // replaced the script's own frame.
                    let tail_call = last && x.stack_mut().is_some_and(|st| st.take_tail_called());
                    let complete = matches!(&x, ex::Exc::Error(_, st) if st.complete);
                    if let Some(st) = x.stack_mut()
                        && !tail_call
                        && !complete
                    {
                        let line = if st.pending_line != 0 {
                            st.pending_line
                        } else {
                            e.span.line
                        };
                        st.entries.push(Arc::new(StackEntry {
                            file: file.into(),
                            line,
                            what: "(file)".into(),
                            mfa: None,
                            args: None,
                        }));
                    }
                    let mut t = ex::blamed_banner(&x, crate::stdlib::clauses::Marks::Script);
                    t.push('\n');
                    if let Some(st) = x.stack_mut()
                        && st.given.is_some()
                    {
                        st.entries = ex::pruned(&st.entries);
                    }
                    let mut lines = ex::blamed_stack_lines(&x);
                    // The BEAM records at most eight frames, and the script
                    // runner's own (hidden) ones take five before `require_file`'s.
                    let shown = lines.len();
                    lines.truncate(8);
                    if complete && lines.is_empty() {
                        // A `defmodule`'s compile error with no stack: an empty line.
                        t.push('\n');
                    }
                    for l in lines {
                        t.push_str(&l);
                        t.push('\n');
                    }
                    if !complete && !matches!(x, ex::Exc::Cancelled) && shown + HIDDEN_FRAMES < 8 {
                        t.push_str(REQUIRE_FRAME);
                        t.push('\n');
                    }
                    runtime::io::err(&t);
                    status = 1;
                    break;
                }
            }
            status
        }
    };
    let checked = warn::deprecated::release(held);
    if status == 0 && !checked.is_empty() {
        runtime::io::err(&checked);
    }
    proc.release_held();
    runtime::exit(&me);
    runtime::runnable_dec();
    status
}

/// The exit status of a script that exited with `reason`, when Elixir
/// prints nothing for it.
fn quiet_exit_status(reason: &crate::term::Term) -> Option<i32> {
    use crate::term::{Atom, Term};
    match reason {
        Term::Atom(Atom::NORMAL) => Some(0),
        Term::Atom(a) if &*a.name() == "shutdown" => Some(0),
        Term::Tuple(t) => match &t[..] {
            [Term::Atom(a), Term::Int(n)] if &*a.name() == "shutdown" => Some(*n as i32),
            _ => None,
        },
        _ => None,
    }
}

/// Prints the warnings Elixir prints when it compiles the script, before it runs.
fn print_warnings(session: &Session, exprs: &[syntax::ast::Expr], file: &str) {
    let c = &session.compiler;
    let env = warn::Env {
        aliases: &c.aliases,
        locals: None,
        imports: !c.imports.is_empty(),
        requires: &c.requires,
    };
    let mut text = String::new();
    for w in &warn::script(exprs, &env) {
        text.push_str(&w.render(file));
    }
    if !text.is_empty() {
        runtime::io::err(&text);
    }
}

/// Runs a script file, which reads the process's stdin; returns the exit status.
pub fn run_file(path: &str) -> i32 {
    runtime::input::set_stdin();
    match std::fs::read_to_string(path) {
        Ok(src) => run_source(&src, &relative_to_cwd(path)),
        Err(_) => {
            runtime::io::err(&format!("No file named {path}\n"));
            1
        }
    }
}

/// How Elixir names a script in messages: `Code.require_file/2` expands
/// its path, and a path under the working directory is shown relative to it.
fn relative_to_cwd(path: &str) -> String {
    use std::path::{Component, PathBuf};
    let Ok(cwd) = std::env::current_dir() else {
        return path.to_string();
    };
    let mut full = PathBuf::new();
    for c in cwd.join(path).components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                full.pop();
            }
            c => full.push(c),
        }
    }
    match full.strip_prefix(&cwd) {
        Ok(rel) if !rel.as_os_str().is_empty() => rel.display().to_string(),
        _ => full.display().to_string(),
    }
}
