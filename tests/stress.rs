//! Stress tests of the runtime through whole scripts: many processes, many
//! messages, huge mailboxes — nothing lost, everything inspectable.

use std::process::Command;

/// Runs an Elixir script with `iexr run`; returns stdout (asserting success).
fn run(src: &str) -> String {
    let dir = std::env::temp_dir().join(format!("iexr-stress-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(format!("s{}.exs", src.len()));
    std::fs::write(&path, src).expect("script written");
    let out = Command::new(env!("CARGO_BIN_EXE_iexr"))
        .arg("run")
        .arg(&path)
        .output()
        .expect("iexr runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("utf-8")
}

#[test]
fn a_thousand_processes_send_a_hundred_messages_each() {
    let out = run(r#"
me = self()
Enum.each(1..1000, fn i ->
  spawn(fn -> Enum.each(1..100, fn j -> send me, {i, j} end) end)
end)
count = fn count, n, sum ->
  if n == 0 do
    {n, sum}
  else
    receive do
      {i, j} -> count.(count, n - 1, sum + i * 1000 + j)
    end
  end
end
IO.inspect count.(count, 100_000, 0)
IO.inspect Process.info(self(), :message_queue_len)
"#);
    // Every message arrived exactly once: the sum of i*1000+j over all (i, j).
    let expected: i64 = (1..=1000i64)
        .flat_map(|i| (1..=100i64).map(move |j| i * 1000 + j))
        .sum();
    assert_eq!(out, format!("{{0, {expected}}}\n{{:message_queue_len, 0}}\n"));
}

#[test]
fn a_million_queued_messages_stay_in_order_and_inspectable() {
    let out = run(r#"
receiver = spawn(fn ->
  receive do
    :start -> :ok
  end
  drain = fn drain, expected ->
    receive do
      {:n, ^expected} -> drain.(drain, expected + 1)
      {:n, other} -> IO.puts "out of order: #{other} instead of #{expected}"
      :end -> IO.puts "drained #{expected - 1}"
    end
  end
  drain.(drain, 1)
end)
Enum.each(1..1_000_000, fn i -> send receiver, {:n, i} end)
send receiver, :end
IO.inspect Process.info(receiver, :message_queue_len)
{:messages, [first | _]} = Process.info(receiver, :messages)
IO.inspect first
send receiver, :start
ref = Process.monitor(receiver)
receive do
  {:DOWN, ^ref, :process, _, reason} -> IO.inspect reason
end
"#);
    assert_eq!(
        out,
        "{:message_queue_len, 1000001}\n{:n, 1}\ndrained 1000000\n:normal\n"
    );
}

#[test]
fn spawning_past_the_cap_raises_system_limit_error() {
    let out = run(r#"
pids = for _ <- 1..9990, do: spawn(fn -> Process.sleep(:infinity) end)
IO.inspect length(pids)
try do
  for _ <- 1..100, do: spawn(fn -> Process.sleep(:infinity) end)
rescue
  e in SystemLimitError -> IO.inspect e
end
IO.puts "the program lives on"
"#);
    assert_eq!(
        out,
        "9990\n%SystemLimitError{message: \"a system limit has been reached\"}\nthe program lives on\n"
    );
}

#[test]
fn deep_recursion_in_a_process_works() {
    let out = run(r#"
defmodule Deep do
  def sum(0), do: 0
  def sum(n), do: n + sum(n - 1)
end
me = self()
spawn(fn -> send me, Deep.sum(300_000) end)
receive do
  n -> IO.inspect n
end
"#);
    assert_eq!(out, "45000150000\n");
}

#[test]
fn huge_and_malformed_bitstring_sizes_raise_instead_of_aborting() {
    let out = run(r#"
t = fn f ->
  try do
    f.()
    :built
  rescue
    e -> e.__struct__
  end
end
abc = "abc"
for n <- [100_000_000_000, 9_223_372_036_854_775_807, 100_000_000_000_000_000_000, -1, :a, 1.5] do
  IO.puts inspect {t.(fn -> <<1::size(n)>> end), t.(fn -> <<1::size(n)-unit(256)>> end),
              t.(fn -> <<abc::binary-size(n)>> end), t.(fn -> <<1.0::float-size(n)>> end),
              match?(<<_::size(n), _::bits>>, "abc"), match?(<<_::binary-size(n)-unit(256)>>, "abc")}, pretty: false
end
IO.inspect for(<<c::0 <- "abc">>, do: c)
"#);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        "{SystemLimitError, SystemLimitError, ArgumentError, ArgumentError, false, false}"
    );
    assert_eq!(
        lines[1],
        "{SystemLimitError, SystemLimitError, SystemLimitError, SystemLimitError, false, false}"
    );
    assert_eq!(
        lines[3],
        "{ArgumentError, ArgumentError, ArgumentError, ArgumentError, false, false}"
    );
    assert_eq!(lines.len(), 7);
}
