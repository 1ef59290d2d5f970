//! An Enum.map/filter/sum pipeline over 300,000 elements (`benches/exs/enum.exs`).
mod common;

fn main() {
    common::bench("enum", 300_000, "element");
}
