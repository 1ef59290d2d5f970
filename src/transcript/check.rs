//! `iexr check FILE…`: saved iex transcripts as snapshot tests. Every input
//! is replayed through the same [`Repl`] as `iexr replay` (one fresh session
//! per file) and what it printed is matched against the block after it.
//!
//! **Invariant:** output is captured per input with the source (shell or
//! process) of every write, so a racy real-iex transcript passes whenever
//! its lines are a merge of each source's lines in their order.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use super::matching::{self, Renaming};
use super::parse::{self, Entry, Transcript, is_comment};
use crate::repl::{Options, Repl, feed_line};
use crate::runtime::io;

/// How `iexr check` runs.
pub struct CheckOptions {
    pub settle: std::time::Duration,
    /// Module files loaded into each session first.
    pub require: Vec<String>,
    /// Rewrite mismatched blocks with what was printed.
    pub update: bool,
}

/// What one input printed.
struct Printed {
    /// Lines in the order they were completed.
    lines: Vec<String>,
    /// The same lines, one sequence per source.
    by_source: Vec<Vec<String>>,
}

/// Checks every file; prints mismatches and a summary; 1 if any failed.
pub fn check_files(paths: &[String], opts: &CheckOptions) -> i32 {
    let buf = Arc::new(Mutex::new(Vec::new()));
    io::set_sink(io::Sink::Tagged(buf.clone()));
    let (mut passed, mut failed, mut inputs, mut mismatched) = (0, 0, 0, 0);
    for path in paths {
        match check_file(path, opts, &buf) {
            Ok((n, bad)) => {
                inputs += n;
                mismatched += bad;
                if bad == 0 {
                    passed += 1;
                    println!("{path}: ok ({n} inputs)");
                } else if opts.update {
                    passed += 1;
                    println!("{path}: updated {bad} of {n} outputs");
                } else {
                    failed += 1;
                    println!("{path}: {bad} of {n} inputs did not match");
                }
            }
            Err(e) => {
                failed += 1;
                println!("{path}: error: {e}");
            }
        }
    }
    io::set_sink(io::Sink::Std);
    println!(
        "\n{passed} passed, {failed} failed ({inputs} inputs, {mismatched} {})",
        if opts.update { "updated" } else { "mismatched" }
    );
    i32::from(failed > 0)
}

/// Checks one file; returns how many inputs it has and how many mismatched.
fn check_file(path: &str, opts: &CheckOptions, buf: &Arc<Mutex<Vec<(u64, String)>>>) -> Result<(usize, usize), String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("could not read {path}: {e}"))?;
    let lines: Vec<&str> = text.lines().collect();
    let ranges = if path.ends_with(".md") || path.ends_with(".markdown") {
        super::markdown::session_blocks(&lines)
    } else {
        vec![(0, lines.len())]
    };
    let segments: Vec<Transcript> = ranges.iter().map(|&(s, e)| parse::parse(&lines[s..e], s + 1)).collect();
    let mut repl = Repl::new(Options {
        colors: false,
        settle: opts.settle,
        files: opts.require.clone(),
    })?;
    let mut ren = Renaming::default();
    let (mut n, mut bad) = (0, 0);
    let mut rewritten = vec![];
    for seg in &segments {
        let mut outputs = vec![];
        for entry in &seg.entries {
            n += 1;
            let (printed, complete) = run_entry(&mut repl, entry, buf);
            let expected = expected_lines(entry);
            if complete && matching::merge_matches(&expected, &printed.by_source, &mut ren) {
                outputs.push(None);
                continue;
            }
            bad += 1;
            if !opts.update {
                report(path, entry, &expected, &printed, complete);
            }
            let mut new = printed.lines;
            while new.last().is_some_and(|l| l.trim().is_empty()) {
                new.pop();
            }
            outputs.push(Some(new));
        }
        rewritten.push(seg.render(&outputs));
    }
    if opts.update && bad > 0 {
        let mut out: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        for (&(s, e), seg) in ranges.iter().zip(rewritten).rev() {
            out.splice(s..e, seg);
        }
        let mut text_out = out.join("\n");
        if text.ends_with('\n') {
            text_out.push('\n');
        }
        std::fs::write(path, text_out).map_err(|e| format!("could not write {path}: {e}"))?;
    }
    Ok((n, bad))
}

/// Feeds an entry's input lines; returns what was printed and whether the
/// input was complete.
fn run_entry(repl: &mut Repl, entry: &Entry, buf: &Arc<Mutex<Vec<(u64, String)>>>) -> (Printed, bool) {
    take(buf);
    for line in &entry.inputs {
        feed_line(repl, line);
    }
    let complete = repl.pending().is_empty();
    if !complete {
        repl.discard();
    }
    (split_sources(take(buf)), complete)
}

fn take(buf: &Arc<Mutex<Vec<(u64, String)>>>) -> Vec<(u64, String)> {
    std::mem::take(&mut *buf.lock().unwrap_or_else(|e| e.into_inner()))
}

/// Cuts the writes into lines, per source and in completion order.
fn split_sources(writes: Vec<(u64, String)>) -> Printed {
    let mut order: Vec<u64> = vec![];
    let mut partial: BTreeMap<u64, String> = BTreeMap::new();
    let mut per: BTreeMap<u64, Vec<String>> = BTreeMap::new();
    let mut lines = vec![];
    for (src, text) in writes {
        if !order.contains(&src) {
            order.push(src);
        }
        let p = partial.entry(src).or_default();
        p.push_str(&text);
        while let Some(i) = p.find('\n') {
            let line: String = p.drain(..=i).collect();
            let line = line.trim_end_matches('\n').to_string();
            per.entry(src).or_default().push(matching::normalize(&line));
            lines.push(line);
        }
    }
    for (src, p) in partial {
        if !p.is_empty() {
            per.entry(src).or_default().push(matching::normalize(&p));
            lines.push(p);
        }
    }
    // Lines that read as comments are ignored on both sides.
    let by_source = order
        .iter()
        .map(|s| {
            let mut v = per.remove(s).unwrap_or_default();
            v.retain(|l| !is_comment(l));
            v
        })
        .collect();
    Printed { lines, by_source }
}

/// The expected lines of an entry: comments dropped, normalized, no trailing blanks.
fn expected_lines(entry: &Entry) -> Vec<String> {
    let mut v: Vec<String> = entry
        .output
        .iter()
        .filter(|l| !is_comment(l))
        .map(|l| matching::normalize(l))
        .collect();
    while v.last().is_some_and(|l| l.trim().is_empty()) {
        v.pop();
    }
    v
}

/// Prints a mismatch: where, the input, and a unified diff.
fn report(path: &str, entry: &Entry, expected: &[String], printed: &Printed, complete: bool) {
    println!("\n{path}:{}: output does not match", entry.line);
    for l in &entry.prompt_lines {
        println!("{l}");
    }
    if !complete {
        println!("(the input is incomplete: the next prompt came before its end)");
    }
    let mut actual: Vec<String> = printed.lines.iter().map(|l| matching::normalize(l)).collect();
    while actual.last().is_some_and(|l| l.trim().is_empty()) {
        actual.pop();
    }
    let (e, a) = (join(expected), join(&actual));
    if e == a {
        println!("(the same lines, but no renaming of pids and references matches them consistently)");
        return;
    }
    let diff = similar::TextDiff::from_lines(&e, &a);
    print!("{}", diff.unified_diff().context_radius(3).header("expected", "actual"));
}

fn join(lines: &[String]) -> String {
    lines.iter().map(|l| format!("{l}\n")).collect()
}
