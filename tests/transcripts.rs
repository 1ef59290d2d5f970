//! Saved iex transcripts (`tests/transcripts/`) checked with `iexr check`,
//! and the checker's own behaviour: diffs, pid renaming, `--update`.

use std::path::{Path, PathBuf};
use std::process::Command;

const DIR: &str = "tests/transcripts";

/// Runs `iexr check` on `file` with the modules named in its `.require`
/// sidecar (if any) and `extra` arguments; returns (success, stdout).
fn check(file: &Path, extra: &[&str]) -> (bool, String) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_iexr"));
    cmd.current_dir(root).env("NO_COLOR", "1").arg("check");
    let sidecar = root.join(DIR).join(file.file_name().unwrap()).with_extension("require");
    let sidecar = if sidecar.exists() {
        sidecar
    } else {
        file.with_extension("require")
    };
    if let Ok(req) = std::fs::read_to_string(&sidecar) {
        for m in req.lines().filter(|l| !l.trim().is_empty()) {
            cmd.args(["--require", m.trim()]);
        }
    }
    let out = cmd.args(extra).arg(file).output().expect("iexr runs");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr);
    (out.status.success(), format!("{stdout}{stderr}"))
}

/// The transcripts in `dir` (`*.txt` and `*.md`), sorted.
fn transcripts(dir: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(dir))
        .expect("transcript folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("txt" | "md")))
        .collect();
    v.sort();
    v
}

/// A copy of a transcript in a fresh temporary folder, edited by `edit`.
fn edited_copy(name: &str, tag: &str, edit: impl Fn(String) -> String) -> PathBuf {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join(DIR).join(name);
    let dir = std::env::temp_dir().join(format!("iexr-check-{}-{tag}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let dest = dir.join(name);
    let text = std::fs::read_to_string(&src).unwrap();
    let edited = edit(text.clone());
    assert_ne!(edited, text, "the edit changed nothing");
    std::fs::write(&dest, edited).unwrap();
    dest
}

#[test]
fn every_transcript_passes() {
    let files = transcripts(DIR);
    assert!(files.len() >= 6, "{files:?}");
    let mut failures = vec![];
    for f in &files {
        let (ok, out) = check(f, &[]);
        if !ok {
            failures.push(out);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Real iex captures that show what iexr does not print yet; they must keep
/// failing on exactly those inputs until the engine learns them.
#[test]
fn known_gaps_still_fail_where_expected() {
    let expected = [("function_and_module_values_real_iex.txt", &["defmodule Greeter do"][..])];
    for (name, inputs) in expected {
        let (ok, out) = check(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join(DIR).join("gaps").join(name),
            &[],
        );
        assert!(!ok, "{name} passes now: move it out of gaps/\n{out}");
        for i in inputs {
            assert!(out.contains(i), "{name}: no mismatch reported for {i}\n{out}");
        }
    }
}

#[test]
fn a_changed_value_is_rejected_with_a_diff() {
    let f = edited_copy("basics_real_iex.txt", "changed", |t| t.replace("\n84", "\n85"));
    let (ok, out) = check(&f, &[]);
    assert!(!ok, "{out}");
    assert!(out.contains("basics_real_iex.txt:21: output does not match"), "{out}");
    assert!(out.contains("iex(9)> y * 2"), "{out}");
    assert!(out.contains("-85\n+84\n"), "{out}");
    assert!(out.contains("0 passed, 1 failed"), "{out}");
}

#[test]
fn one_written_pid_cannot_stand_for_two_processes() {
    // The shell is #PID<0.108.0>; the spawned process is written as the shell too.
    let f = edited_copy("basics_real_iex.txt", "pids", |t| {
        t.replace("#PID<0.115.0>", "#PID<0.108.0>")
    });
    let (ok, out) = check(&f, &[]);
    assert!(!ok, "{out}");
    assert!(out.contains("pid = spawn("), "{out}");
}

#[test]
fn pids_are_renamed_consistently() {
    // Renaming every occurrence of a written pid keeps the transcript valid.
    let f = edited_copy("pledge_real_iex.txt", "rename", |t| t.replace("0.113.0", "0.999.0"));
    let (ok, out) = check(&f, &[]);
    assert!(ok, "{out}");
}

#[test]
fn update_rewrites_mismatched_outputs_only() {
    let f = edited_copy("basics_real_iex.txt", "update", |t| {
        t.replace("\n84", "\n85").replace("[2, 4, 6]", "[2, 4]")
    });
    let (ok, out) = check(&f, &["--update"]);
    assert!(ok, "{out}");
    assert!(out.contains("updated 2 of 9 outputs"), "{out}");
    let original = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(DIR)
            .join("basics_real_iex.txt"),
    )
    .unwrap();
    let updated = std::fs::read_to_string(&f).unwrap();
    // Prompts, pids and the banner stay as written; the two values come back.
    assert_eq!(updated, original);
    let (ok, out) = check(&f, &[]);
    assert!(ok, "{out}");
}

#[test]
fn markdown_checks_only_iex_sessions() {
    let f = edited_copy("pledge_seed_000.md", "markdown", |t| {
        t.replace("moe pledged 20!", "moe pledged 21!")
    });
    let (ok, out) = check(&f, &[]);
    assert!(!ok, "{out}");
    assert!(out.contains("pledge_seed_000.md:66: output does not match"), "{out}");
    assert!(out.contains("-moe pledged 21!\n"), "{out}");
}
