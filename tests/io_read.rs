//! Reading input, compared with what real Elixir printed for the same input.
//!
//! Every `tests/io_read/NAME.exs` runs as `iexr run NAME.exs < NAME.in` and
//! its stdout and exit status must be `NAME.out` and `NAME.status`; every
//! `NAME.iex` is piped into the REPL (`iexr < NAME.iex`) and what it printed
//! must be `NAME.iex.out`. The expected files were recorded from Elixir 1.14
//! by `tests/io_read/record.sh` (`elixir NAME.exs < NAME.in`, `iex <
//! NAME.iex`); never edit them by hand.
//!
//! iex fed through a pipe prints its banner and does not echo its input;
//! iexr prints no banner and echoes each input line after its prompt (not
//! the lines the session's reads take). So the REPL's output is compared
//! with the echoes taken out, and iex's without its banner.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("io_read")
}

/// Runs `iexr ARGS` in the cases' directory with `input` on stdin: stdout and exit status.
fn iexr(args: &[&str], input: &[u8]) -> (String, i32) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_iexr"))
        .args(args)
        .current_dir(dir())
        .env("HOME", dir())
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("iexr starts");
    let mut stdin = child.stdin.take().expect("stdin");
    let input = input.to_vec();
    // Written from another thread: a script may print before it reads.
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().expect("iexr finishes");
    let _ = writer.join();
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

fn cases(ext: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir())
        .expect("tests/io_read exists")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .collect();
    names.sort();
    names
}

fn read(name: &str) -> String {
    std::fs::read_to_string(dir().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn scripts_read_their_stdin_as_elixir_does() {
    let names = cases("exs");
    assert!(!names.is_empty());
    let mut failures = Vec::new();
    for name in &names {
        let input = std::fs::read(dir().join(format!("{name}.in"))).expect("input");
        let (out, status) = iexr(&["run", &format!("{name}.exs")], &input);
        let want = read(&format!("{name}.out"));
        let want_status: i32 = read(&format!("{name}.status")).trim().parse().expect("status");
        if out != want || status != want_status {
            failures.push(format!(
                "{name}.exs: status {status} (want {want_status})\n--- iexr\n{out}\n--- elixir\n{want}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// iexr's piped output without the input lines it echoes after its prompts.
fn without_echoes(out: &str) -> String {
    let prompt = regex::Regex::new(r"((?:iex|\.\.\.)\(\d+\)> )[^\n]*\n").expect("regex");
    prompt.replace_all(out, "$1").into_owned()
}

#[test]
fn the_piped_repl_reads_its_next_lines_as_iex_does() {
    let names = cases("iex");
    assert!(!names.is_empty());
    let mut failures = Vec::new();
    for name in &names {
        let input = std::fs::read(dir().join(format!("{name}.iex"))).expect("input");
        let (out, status) = iexr(&[], &input);
        let recorded = read(&format!("{name}.iex.out"));
        let want = recorded.split_once('\n').map_or("", |(_banner, rest)| rest);
        let got = without_echoes(&out);
        if got != want || status != 0 {
            failures.push(format!(
                "{name}.iex: status {status}\n--- iexr (echoes taken out)\n{got}\n--- iex\n{want}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn the_lines_a_read_takes_are_not_echoed() {
    let (out, _) = iexr(&[], b"x = IO.gets(\"name? \")\nAnn\nx\n");
    assert_eq!(
        out,
        "iex(1)> x = IO.gets(\"name? \")\nname? \"Ann\\n\"\niex(2)> x\n\"Ann\\n\"\niex(3)> "
    );
}

#[test]
fn replay_has_no_input() {
    let script = std::env::temp_dir().join(format!("iexr_io_read_replay_{}.exs", std::process::id()));
    std::fs::write(&script, "IO.gets(\"name? \")\nIO.read(:stdio, :eof)\n").expect("script");
    let (out, status) = iexr(&["replay", script.to_str().expect("path")], b"ignored\n");
    let _ = std::fs::remove_file(&script);
    assert_eq!(status, 0);
    assert_eq!(
        out,
        "iex(1)> IO.gets(\"name? \")\nname? :eof\niex(2)> IO.read(:stdio, :eof)\n:eof\n"
    );
}
