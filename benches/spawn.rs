//! Short-lived processes that each send one message back (`benches/exs/spawn.exs`).
mod common;

fn main() {
    common::bench("spawn", 5_000, "spawn");
}
