//! The `iexr` command line.

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "iexr", version, about = "An iex-style REPL where every Elixir process is an OS thread")]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Files to load before the prompt (like `iex FILE.ex`).
    files: Vec<String>,
}

#[derive(Subcommand)]
enum Command {
    /// Run a script like `elixir SCRIPT.exs`.
    Run { script: String },
}

fn main() {
    let cli = Cli::parse();
    let status = match cli.command {
        Some(Command::Run { script }) => iexr::script::run_file(&script),
        None => {
            eprintln!("the REPL is not built yet");
            2
        }
    };
    std::process::exit(status);
}
