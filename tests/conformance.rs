//! Conformance suite: every `tests/conformance/NAME.exs` is run as
//! `iexr run NAME.exs` (from inside `tests/conformance`) and its stdout and
//! exit status are compared with `NAME.out` and `NAME.status`, which were
//! recorded from real Elixir by `tests/conformance/record.sh`.
//!
//! Environment:
//! - `CONFORMANCE_FILTER=text` runs only the cases whose name contains `text`
//!   (several alternatives may be given separated by commas);
//! - `CONFORMANCE_STDERR=1` also compares stderr with `NAME.err` (absent file =
//!   empty stderr); the `report_*` cases, which are about error reports,
//!   the `error_*` cases, which end in one, and the `warn_*` cases, which are
//!   about compile-time warnings, always compare it;
//! - `CONFORMANCE_JOBS=n` sets how many cases run at once (default: up to 4).
//!
//! Before comparing, both sides are normalised (see [`normalise`]): logger
//! timestamps, pids, references and anonymous functions differ from run to run.
//! The `pids_*` cases, which are about which pids processes get, keep their
//! pids as printed.

use std::collections::HashMap;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(20);

/// What one run of a case produced.
struct Run {
    stdout: String,
    stderr: String,
    /// Exit status, or `None` when killed by a signal or the timeout.
    status: Option<i32>,
    timed_out: bool,
    elapsed: Duration,
}

/// A case that did not match, with everything needed to explain why.
struct Failure {
    name: String,
    report: String,
}

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("conformance")
}

/// The case names (file stems), sorted, restricted by `CONFORMANCE_FILTER`.
fn case_names() -> Vec<String> {
    let filters: Vec<String> = std::env::var("CONFORMANCE_FILTER")
        .unwrap_or_default()
        .split(',')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    let mut names: Vec<String> = fs::read_dir(dir())
        .expect("tests/conformance exists")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "exs"))
        .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .filter(|n| filters.is_empty() || filters.iter().any(|f| n.contains(f.as_str())))
        .collect();
    names.sort();
    names
}

/// Runs `iexr run NAME.exs` in the conformance directory, killing it after
/// [`TIMEOUT`].
fn run_case(name: &str) -> Run {
    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_iexr"))
        .arg("run")
        .arg(format!("{name}.exs"))
        .current_dir(dir())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .env("RUST_BACKTRACE", "0")
        .spawn()
        .expect("the iexr binary starts");
    let mut out = child.stdout.take().expect("piped stdout");
    let mut err = child.stderr.take().expect("piped stderr");
    let out_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = out.read_to_end(&mut buf);
        buf
    });
    let err_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = err.read_to_end(&mut buf);
        buf
    });
    let mut timed_out = false;
    let status = loop {
        match child.try_wait() {
            Ok(Some(st)) => break st.code(),
            Ok(None) if start.elapsed() >= TIMEOUT => {
                timed_out = true;
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(_) => break None,
        }
    };
    let stdout = out_reader.join().unwrap_or_default();
    let stderr = err_reader.join().unwrap_or_default();
    Run {
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
        status,
        timed_out,
        elapsed: start.elapsed(),
    }
}

/// Makes run-dependent parts of the output comparable:
/// - logger timestamps `HH:MM:SS.mmm [level]` become `TT:TT:TT.TTT [level]`;
/// - pids `#PID<a.b.c>` are renumbered in order of first appearance as
///   `#PID<0.1.0>`, `#PID<0.2.0>`, …;
/// - references `#Reference<…>` likewise as `#Reference<0.0.0.1>`, …;
/// - anonymous functions `#Function<…>` become `#Function<...>`.
///
/// With `keep_pids`, pids stay as they are.
fn normalise(text: &str, keep_pids: bool) -> String {
    let mut pids: HashMap<String, usize> = HashMap::new();
    let mut refs: HashMap<String, usize> = HashMap::new();
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        if let Some(n) = timestamp_len(rest) {
            out.push_str("TT:TT:TT.TTT [");
            rest = &rest[n..];
        } else if let Some((body, n)) = bracketed(rest, "#PID<", is_pid_body).filter(|_| !keep_pids) {
            let k = pids.len() + 1;
            let k = *pids.entry(body.to_string()).or_insert(k);
            out.push_str(&format!("#PID<0.{k}.0>"));
            rest = &rest[n..];
        } else if let Some((body, n)) = bracketed(rest, "#Reference<", is_pid_body) {
            let k = refs.len() + 1;
            let k = *refs.entry(body.to_string()).or_insert(k);
            out.push_str(&format!("#Reference<0.0.0.{k}>"));
            rest = &rest[n..];
        } else if let Some((_, n)) = bracketed(rest, "#Function<", |b| !b.contains('\n')) {
            out.push_str("#Function<...>");
            rest = &rest[n..];
        } else {
            let c = rest.chars().next().expect("not empty");
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// Length of `HH:MM:SS.mmm [` at the start of `s`, if it is there.
fn timestamp_len(s: &str) -> Option<usize> {
    const SHAPE: &[u8] = b"99:99:99.999 [";
    let b = s.as_bytes();
    if b.len() < SHAPE.len() {
        return None;
    }
    let ok = SHAPE.iter().zip(b).all(|(want, got)| match want {
        b'9' => got.is_ascii_digit(),
        w => w == got,
    });
    ok.then_some(SHAPE.len())
}

/// If `s` starts with `open`, then a body accepted by `ok`, then `>`: the body
/// and the length of the whole.
fn bracketed<'a>(s: &'a str, open: &str, ok: impl Fn(&str) -> bool) -> Option<(&'a str, usize)> {
    let after = s.strip_prefix(open)?;
    let end = after.find('>')?;
    let body = &after[..end];
    ok(body).then_some((body, open.len() + end + 1))
}

fn is_pid_body(b: &str) -> bool {
    !b.is_empty() && b.chars().all(|c| c.is_ascii_digit() || c == '.')
}

fn read_expected(name: &str, ext: &str) -> Option<String> {
    fs::read_to_string(dir().join(format!("{name}.{ext}"))).ok()
}

fn diff(expected: &str, actual: &str, what: &str) -> String {
    similar::TextDiff::from_lines(expected, actual)
        .unified_diff()
        .context_radius(3)
        .header(&format!("expected {what}"), &format!("actual {what}"))
        .to_string()
}

/// Compares one run with the recorded files; `None` when it conforms.
fn check(name: &str, run: &Run, compare_stderr: bool) -> Option<String> {
    let mut problems = Vec::new();
    let Some(expected_out) = read_expected(name, "out") else {
        return Some(format!("{name}.out is missing: run tests/conformance/record.sh {name}"));
    };
    let expected_status: Option<i32> = read_expected(name, "status").and_then(|s| s.trim().parse().ok());
    let Some(expected_status) = expected_status else {
        return Some(format!(
            "{name}.status is missing: run tests/conformance/record.sh {name}"
        ));
    };
    if run.timed_out {
        problems.push(format!("killed after {} s", TIMEOUT.as_secs()));
    } else if run.status != Some(expected_status) {
        let got = run
            .status
            .map_or_else(|| "killed by a signal".to_string(), |c| c.to_string());
        problems.push(format!("exit status: expected {expected_status}, got {got}"));
    }
    let keep_pids = name.starts_with("pids_");
    let (want, got) = (normalise(&expected_out, keep_pids), normalise(&run.stdout, keep_pids));
    if want != got {
        problems.push(format!("stdout differs:\n{}", diff(&want, &got, "stdout")));
    }
    let expected_err = read_expected(name, "err").unwrap_or_default();
    if compare_stderr {
        let (want, got) = (normalise(&expected_err, keep_pids), normalise(&run.stderr, keep_pids));
        if want != got {
            problems.push(format!("stderr differs:\n{}", diff(&want, &got, "stderr")));
        }
    }
    if problems.is_empty() {
        return None;
    }
    let mut report = problems.join("\n");
    if !compare_stderr && !run.stderr.is_empty() {
        report.push_str("\nstderr:\n");
        for line in run.stderr.lines().take(40) {
            report.push_str("  | ");
            report.push_str(line);
            report.push('\n');
        }
        if !expected_err.is_empty() {
            report.push_str("expected stderr (reference, not compared):\n");
            for line in expected_err.lines().take(20) {
                report.push_str("  | ");
                report.push_str(line);
                report.push('\n');
            }
        }
    }
    Some(report)
}

#[test]
fn conformance() {
    let names = case_names();
    assert!(
        !names.is_empty() || std::env::var("CONFORMANCE_FILTER").is_ok(),
        "no cases found in {}",
        dir().display()
    );
    let compare_stderr = std::env::var("CONFORMANCE_STDERR").is_ok_and(|v| v == "1");
    let jobs = std::env::var("CONFORMANCE_JOBS")
        .ok()
        .and_then(|j| j.parse::<usize>().ok())
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get().min(4)))
        .max(1);
    let next = AtomicUsize::new(0);
    let failures: Mutex<Vec<Failure>> = Mutex::new(Vec::new());
    let slow: Mutex<Vec<(String, Duration)>> = Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..jobs {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    let Some(name) = names.get(i) else { break };
                    let run = run_case(name);
                    if run.elapsed > Duration::from_secs(5) {
                        slow.lock().unwrap().push((name.clone(), run.elapsed));
                    }
                    // A `report_` case is about the error report, an `error_` case
                    // ends in one, a `warn_` case is about warnings: their stderr
                    // always counts.
                    let stderr = compare_stderr
                        || name.starts_with("report_")
                        || name.starts_with("error_")
                        || name.starts_with("warn_");
                    if let Some(report) = check(name, &run, stderr) {
                        failures.lock().unwrap().push(Failure {
                            name: name.clone(),
                            report,
                        });
                    }
                }
            });
        }
    });
    let mut failures = failures.into_inner().unwrap();
    failures.sort_by(|a, b| a.name.cmp(&b.name));
    for f in &failures {
        println!("\n==== {} ====\n{}", f.name, f.report);
    }
    for (name, t) in slow.into_inner().unwrap() {
        println!("slow: {name} took {:.1} s", t.as_secs_f64());
    }
    let passed = names.len() - failures.len();
    println!(
        "\nconformance: {passed} of {} cases pass, {} fail",
        names.len(),
        failures.len()
    );
    if !failures.is_empty() {
        let list: Vec<&str> = failures.iter().map(|f| f.name.as_str()).collect();
        panic!(
            "{} of {} conformance cases fail:\n  {}",
            failures.len(),
            names.len(),
            list.join("\n  ")
        );
    }
}

#[test]
fn normalisation() {
    let text = "\n12:34:56.789 [error] Process #PID<0.99.0> raised\n\
                #PID<0.105.0> #PID<0.99.0> #Reference<0.1.2.3> #Reference<0.1.2.3>\n\
                #Function<1.73176244 in file:c.exs> #PID<x>";
    assert_eq!(
        normalise(text, false),
        "\nTT:TT:TT.TTT [error] Process #PID<0.1.0> raised\n\
         #PID<0.2.0> #PID<0.1.0> #Reference<0.0.0.1> #Reference<0.0.0.1>\n\
         #Function<...> #PID<x>"
    );
}
