//! Float formatting as Elixir prints floats (shortest round-trip digits).
