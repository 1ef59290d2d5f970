//! Line editing with rustyline: history in the home directory, output of
//! other processes drawn above the prompt, Ctrl+C and Ctrl+D.

use rustyline::error::ReadlineError;
use rustyline::history::DefaultHistory;
use rustyline::{Editor, ExternalPrinter};

use std::cell::RefCell;
use std::rc::Rc;

use super::Repl;
use super::helper::IexHelper;
use crate::runtime::input::{self, LineRequest, Typed};
use crate::runtime::io::{self, Sink};

fn history_path() -> Option<std::path::PathBuf> {
    std::env::var_os("HOME").map(|h| std::path::PathBuf::from(h).join(".iexr_history"))
}

/// Reads lines until Ctrl+D (or Ctrl+C twice at an empty prompt).
pub fn run(repl: &mut Repl) -> i32 {
    let config = rustyline::Config::builder()
        .completion_type(rustyline::CompletionType::List)
        .build();
    let Ok(ed) = Editor::<IexHelper, DefaultHistory>::with_config(config) else {
        return super::run_piped(repl);
    };
    let ed = Rc::new(RefCell::new(ed));
    if let Some(p) = history_path() {
        let _ = ed.borrow_mut().load_history(&p);
    }
    // A process reading a line of input (`IO.gets`) while an input is
    // evaluated reads it with the editor, after its own prompt.
    repl.reader = Some(super::Reader {
        requests: input::set_editor(),
        read: Box::new({
            let ed = ed.clone();
            let interrupt = repl.shell.interrupter();
            move |req: &LineRequest| read_for_process(&mut ed.borrow_mut(), req, &interrupt)
        }),
    });
    let mut last_interrupt = false;
    loop {
        let prompt = repl.prompt();
        // Completion sees the variables bound so far.
        let vars = repl.shell.bindings().into_iter().map(|(name, _)| name).collect();
        let line = {
            let mut ed = ed.borrow_mut();
            ed.set_helper(Some(IexHelper {
                colors: repl.colors(),
                vars,
            }));
            // While the line is being edited, output of other processes goes above it.
            if let Ok(mut printer) = ed.create_external_printer() {
                io::set_sink(Sink::Printer(Box::new(move |s: String| {
                    let _ = printer.print(s);
                })));
            }
            let line = ed.readline(&prompt);
            io::set_sink(Sink::Std);
            io::take_partial_line();
            line
        };
        match line {
            Ok(line) => {
                last_interrupt = false;
                // A multi-line input is one history entry.
                let entry = format!("{}{}", repl.pending(), line);
                // (The editor is not borrowed while the input runs: an
                // `IO.gets` in it reads its line with the editor.)
                if super::feed_line(repl, &line) && !entry.trim().is_empty() {
                    let _ = ed.borrow_mut().add_history_entry(entry.as_str());
                }
            }
            Err(ReadlineError::Interrupted) => {
                if repl.pending().is_empty() && last_interrupt {
                    break;
                }
                last_interrupt = repl.pending().is_empty();
                repl.discard();
            }
            Err(ReadlineError::Eof) => break,
            Err(_) => break,
        }
    }
    repl.reader = None;
    if let Some(p) = history_path() {
        let _ = ed.borrow_mut().save_history(&p);
    }
    0
}

/// Reads the line a process asked for, after its prompt: plain text (no
/// completion, no colours, no history); Ctrl+C interrupts the evaluation.
fn read_for_process(ed: &mut Editor<IexHelper, DefaultHistory>, req: &LineRequest, interrupt: &dyn Fn()) -> Typed {
    ed.set_helper(None);
    if let Ok(mut printer) = ed.create_external_printer() {
        io::set_sink(Sink::Printer(Box::new(move |s: String| {
            let _ = printer.print(s);
        })));
    }
    // The editor redraws its line from the left: what was written on it
    // before the prompt (`IO.write("Name: "); IO.gets("")`) is shown again.
    let prompt = io::take_partial_line() + &req.prompt;
    let line = ed.readline(&prompt);
    io::set_sink(Sink::Std);
    match line {
        Ok(l) => Typed::Line(l),
        Err(ReadlineError::Interrupted) => {
            interrupt();
            Typed::Interrupted
        }
        Err(_) => Typed::Eof,
    }
}
