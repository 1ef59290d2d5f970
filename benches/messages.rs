//! Ping-pong round trips between two processes (`benches/exs/messages.exs`).
mod common;

fn main() {
    common::bench("messages", 100_000, "round trip");
}
