//! `GenServer.call` round trips to a `use GenServer` counter (`benches/exs/gen_call.exs`).
mod common;

fn main() {
    common::bench("gen_call", 20_000, "call");
}
