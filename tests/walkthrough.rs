//! The walkthroughs, replayed as transcripts and compared with their snapshots.

use std::process::Command;

/// Runs `iexr` with `args` from the project root; returns stdout.
fn iexr(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_iexr"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .output()
        .expect("iexr runs");
    assert!(
        out.status.success(),
        "iexr {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}

#[test]
fn pledge_walkthrough_replays() {
    let t = iexr(&["replay", "--require", "scripts/pledge_server.ex", "scripts/pledge.exs"]);
    assert!(t.contains("{:messages, [response: [{\"curly\", 30}, {\"moe\", 20}, {\"larry\", 10}]]}"));
    insta::assert_snapshot!("pledge", t);
}

#[test]
fn pledge_walkthrough_is_the_same_every_time() {
    let args = ["replay", "--require", "scripts/pledge_server.ex", "scripts/pledge.exs"];
    let first = iexr(&args);
    for _ in 0..3 {
        assert_eq!(iexr(&args), first);
    }
}

#[test]
fn counter_service_walkthrough_replays() {
    let t = iexr(&["replay", "scripts/counter_service.exs"]);
    assert!(t.contains("iex(10)> Counter.value()\n10012\n"), "{t}");
    insta::assert_snapshot!("counter_service", t);
}

#[test]
fn kv_stores_walkthrough_replays() {
    let t = iexr(&["replay", "scripts/kv_stores.exs"]);
    insta::assert_snapshot!("kv_stores", t);
}
