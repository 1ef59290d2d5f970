//! Shared driver for the engine benchmarks: runs one script from
//! `benches/exs/` through `iexr::script::run_source` repeatedly and prints the
//! timings. Each benchmark target names its script and how many operations
//! one run performs.
//!
//! `BENCH_RUNS=n` fixes the number of timed runs; otherwise runs repeat until
//! about `BENCH_SECONDS` (default 3) have passed, at most 20 times.

use std::time::{Duration, Instant};

/// Times the script `benches/exs/{name}.exs`; `ops` operations of kind `op`
/// (e.g. "round trip") happen in each run.
pub fn bench(name: &str, ops: u64, op: &str) {
    let path = format!("{}/benches/exs/{name}.exs", env!("CARGO_MANIFEST_DIR"));
    let src = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    let file = format!("{name}.exs");
    let fixed_runs = std::env::var("BENCH_RUNS").ok().and_then(|v| v.parse::<u32>().ok());
    let budget = std::env::var("BENCH_SECONDS")
        .ok()
        .and_then(|v| v.parse::<f64>().ok())
        .map_or(Duration::from_secs(3), Duration::from_secs_f64);

    // One untimed run first: it also checks the script succeeds.
    let status = iexr::script::run_source(&src, &file);
    assert_eq!(status, 0, "{file} exited with status {status}");

    let mut runs = 0u32;
    let mut total = Duration::ZERO;
    let mut best = Duration::MAX;
    loop {
        let start = Instant::now();
        let status = iexr::script::run_source(&src, &file);
        let took = start.elapsed();
        assert_eq!(status, 0, "{file} exited with status {status}");
        runs += 1;
        total += took;
        best = best.min(took);
        let done = match fixed_runs {
            Some(n) => runs >= n.max(1),
            None => total >= budget || runs >= 20,
        };
        if done {
            break;
        }
    }
    let per_run = total / runs;
    let per_op_ns = per_run.as_nanos() as f64 / ops as f64;
    println!(
        "bench {name}: {runs} runs, total {:.3} s, {:.2} ms/run (best {:.2} ms), {} per {op} ({ops} per run)",
        total.as_secs_f64(),
        per_run.as_secs_f64() * 1e3,
        best.as_secs_f64() * 1e3,
        format_ns(per_op_ns),
    );
}

fn format_ns(ns: f64) -> String {
    if ns >= 1e6 {
        format!("{:.2} ms", ns / 1e6)
    } else if ns >= 1e3 {
        format!("{:.2} µs", ns / 1e3)
    } else {
        format!("{ns:.1} ns")
    }
}
