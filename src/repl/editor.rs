//! Line editing with rustyline: history in the home directory, output of
//! other processes drawn above the prompt, Ctrl+C and Ctrl+D.

use rustyline::error::ReadlineError;
use rustyline::history::DefaultHistory;
use rustyline::{Editor, ExternalPrinter};

use super::Repl;
use super::helper::IexHelper;
use crate::runtime::io::{self, Sink};

fn history_path() -> Option<std::path::PathBuf> {
    std::env::var_os("HOME").map(|h| std::path::PathBuf::from(h).join(".iexr_history"))
}

/// Reads lines until Ctrl+D (or Ctrl+C twice at an empty prompt).
pub fn run(repl: &mut Repl) -> i32 {
    let config = rustyline::Config::builder()
        .completion_type(rustyline::CompletionType::List)
        .build();
    let Ok(mut ed) = Editor::<IexHelper, DefaultHistory>::with_config(config) else {
        return super::run_piped(repl);
    };
    if let Some(p) = history_path() {
        let _ = ed.load_history(&p);
    }
    let mut last_interrupt = false;
    loop {
        let prompt = repl.prompt();
        // Completion sees the variables bound so far.
        let vars = repl.shell.bindings().into_iter().map(|(name, _)| name).collect();
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
        match line {
            Ok(line) => {
                last_interrupt = false;
                // A multi-line input is one history entry.
                let entry = format!("{}{}", repl.pending(), line);
                if super::feed_line(repl, &line) && !entry.trim().is_empty() {
                    let _ = ed.add_history_entry(entry.as_str());
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
    if let Some(p) = history_path() {
        let _ = ed.save_history(&p);
    }
    0
}
