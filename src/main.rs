//! The `iexr` command line.

use std::time::Duration;

use clap::{Parser, Subcommand};
use iexr::repl::Options;

#[derive(Parser)]
#[command(
    name = "iexr",
    version,
    about = "An iex-style REPL where every Elixir process is an OS thread"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Files to load before the prompt (like `iex FILE.ex`).
    files: Vec<String>,
    /// How long (ms) to wait for other processes to go idle before printing a result.
    #[arg(long, default_value_t = 2000, global = true)]
    settle: u64,
    /// Print without colours (also when NO_COLOR is set or stdout is not a terminal).
    #[arg(long, global = true)]
    no_color: bool,
    /// The most processes that may be alive at once.
    #[arg(long, default_value_t = 10_000, global = true)]
    max_processes: usize,
}

#[derive(Subcommand)]
enum Command {
    /// Run a script like `elixir SCRIPT.exs`.
    Run { script: String },
    /// Show a script's transcript: each expression as if typed at the prompt, with what it printed.
    Replay {
        script: String,
        /// Modules to load first.
        #[arg(long = "require")]
        require: Vec<String>,
    },
    /// Check saved iex transcripts (or the iex sessions in Markdown files) against what is printed now.
    Check {
        /// Transcripts (`iex(N)>` prompts, then what was printed) or Markdown files.
        #[arg(required = true)]
        files: Vec<String>,
        /// Modules to load first into each file's session.
        #[arg(long = "require")]
        require: Vec<String>,
        /// Rewrite the outputs that do not match with what was printed.
        #[arg(long)]
        update: bool,
    },
}

fn main() {
    let cli = Cli::parse();
    iexr::runtime::set_process_cap(cli.max_processes);
    let colors =
        !cli.no_color && std::env::var_os("NO_COLOR").is_none() && std::io::IsTerminal::is_terminal(&std::io::stdout());
    let settle = Duration::from_millis(cli.settle);
    let status = match cli.command {
        Some(Command::Run { script }) => iexr::script::run_file(&script),
        Some(Command::Replay { script, require }) => iexr::transcript::replay::replay_file(
            &script,
            Options {
                colors: false,
                settle,
                files: require,
            },
        ),
        Some(Command::Check { files, require, update }) => iexr::transcript::check::check_files(
            &files,
            &iexr::transcript::check::CheckOptions {
                settle,
                require,
                update,
            },
        ),
        None => iexr::repl::run(Options {
            colors,
            settle,
            files: cli.files,
        }),
    };
    std::process::exit(status);
}
