//! 100,000 Map.put updates, then as many Map.get lookups (`benches/exs/maps.exs`).
mod common;

fn main() {
    common::bench("maps", 100_000, "put+get");
}
