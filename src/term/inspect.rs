//! `inspect`: terms to text exactly as Elixir 1.14 prints them.
