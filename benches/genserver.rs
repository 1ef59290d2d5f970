//! Call/reply round trips to a hand-written server loop (`benches/exs/genserver.exs`).
mod common;

fn main() {
    common::bench("genserver", 20_000, "call");
}
