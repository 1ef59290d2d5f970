//! Naive `fib(25)` in a module: 242,785 function calls (`benches/exs/calls.exs`).
mod common;

fn main() {
    common::bench("calls", 242_785, "call");
}
