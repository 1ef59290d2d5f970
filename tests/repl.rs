//! The REPL fed through a pipe: bad input gets a clear error and loses nothing.

use std::io::Write;
use std::process::{Command, Stdio};

/// Pipes `input` into `iexr` (no line editing) and returns what it printed.
fn session(input: &str) -> String {
    session_in(std::path::Path::new(env!("CARGO_MANIFEST_DIR")), input)
}

/// [`session`] with `dir` as the working directory (and home).
fn session_in(dir: &std::path::Path, input: &str) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_iexr"))
        .current_dir(dir)
        .env("HOME", dir)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("iexr starts");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("input written");
    let out = child.wait_with_output().expect("iexr finishes");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("utf-8")
}

#[test]
fn errors_leave_bindings_and_the_prompt_counter_alone() {
    let input =
        "x = 1\n[1, 2\n)\nend\nFoo.bar(1)\nIO.puts(1, 2, 3, 4)\n{:ok, y} = {:error, 2}\nundefined_thing\nx + 1\n";
    insta::assert_snapshot!("bad_input", session(input));
}

#[test]
fn continuation_lines_complete_an_input() {
    let out = session(
        "receive do\n  {:hi, v} -> v\nafter\n  0 -> :none\nend\nsend self(), {:hi, 42}\nreceive do\n  {:hi, v} -> v\nend\n",
    );
    assert!(out.contains("...(1)>   {:hi, v} -> v"), "{out}");
    assert!(out.contains(":none\niex(2)>"), "{out}");
    assert!(out.contains("42\n"), "{out}");
}

#[test]
fn the_shell_has_a_mailbox() {
    let out = session(
        "send self(), :a\nsend self(), :b\nProcess.info(self(), :messages)\nflush()\nProcess.info(self(), :message_queue_len)\n",
    );
    assert!(out.contains("{:messages, [:a, :b]}"), "{out}");
    assert!(out.contains(":a\n:b\n:ok"), "{out}");
    assert!(out.contains("{:message_queue_len, 0}"), "{out}");
}

#[test]
fn a_crashing_process_harms_nobody_else() {
    let out =
        session("pid = spawn(fn -> receive do x -> x end end)\nspawn(fn -> raise \"boom\" end)\nProcess.alive?(pid)\n");
    assert!(
        out.contains("[error] Process #PID<0.110.0> raised an exception\n** (RuntimeError) boom"),
        "{out}"
    );
    assert!(out.contains("iex(3)> Process.alive?(pid)\ntrue"), "{out}");
}

#[test]
fn a_killed_shell_restarts_with_its_bindings() {
    let out = session(
        "x = 5\nold = self()\nProcess.exit(self(), :kill)\nx\nself() == old\nspawn_link(fn -> exit(:bye) end); Process.sleep(50)\nx + 1\n",
    );
    assert!(
        out.contains(
            "iex(3)> Process.exit(self(), :kill)\n** (EXIT from #PID<0.106.0>) shell process exited with reason: killed\n\nInteractive Elixir (1.14.0) - press Ctrl+C to exit (type h() ENTER for help)\niex(1)> x\n5\n"
        ),
        "{out}"
    );
    assert!(out.contains("iex(2)> self() == old\nfalse"), "{out}");
    assert!(out.contains("shell process exited with reason: :bye\n"), "{out}");
    assert!(out.ends_with("iex(1)> x + 1\n6\niex(2)> "), "{out}");
}

#[test]
fn a_linked_crash_kills_the_shell_as_in_iex() {
    let out = session("spawn_link(fn -> raise \"boom\" end)\n");
    assert!(
        out.contains(
            "shell process exited with reason: an exception was raised:\n    ** (RuntimeError) boom\n        (stdlib 4.2) erl_eval.erl:742: :erl_eval.do_apply/7\n"
        ),
        "{out}"
    );
}

#[test]
fn iex_helpers_i_h_import_file_respawn_and_dot_iex() {
    let dir = std::env::temp_dir().join(format!("iexr-helpers-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::write(
        dir.join(".iex.exs"),
        "greeting = \"hello\"\nimport Enum, only: [sum: 1]\n",
    )
    .expect(".iex.exs");
    std::fs::write(
        dir.join("extra.exs"),
        "defmodule Q do\n  def q, do: 42\nend\nqq = Q.q()\n",
    )
    .expect("extra.exs");
    let out = session_in(
        &dir,
        "greeting\nsum([1, 2])\ni 1\nh Enum.map\nimport_file(\"extra.exs\")\nqq\nrespawn()\ngreeting\n",
    );
    let _ = std::fs::remove_dir_all(&dir);
    assert!(out.contains("iex(1)> greeting\n\"hello\"\n"), "{out}");
    assert!(out.contains("iex(2)> sum([1, 2])\n3\n"), "{out}");
    // As iex prints it (recorded from iex 1.14), and no result line after it.
    assert!(
        out.contains("iex(3)> i 1\nTerm\n  1\nData type\n  Integer\nReference modules\n  Integer\nImplemented protocols\n  IEx.Info, Inspect, List.Chars, String.Chars\niex(4)> "),
        "{out}"
    );
    assert!(out.contains("Enum.map/2"), "{out}");
    assert!(out.contains("iex(6)> qq\n42\n"), "{out}");
    assert!(
        out.contains("iex(7)> respawn()\n\nInteractive Elixir (1.14.0) - press Ctrl+C to exit (type h() ENTER for help)\niex(1)> greeting\n\"hello\""),
        "{out}"
    );
}
