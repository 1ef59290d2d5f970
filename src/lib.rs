//! iexr: an iex-style REPL in which every Elixir process is an OS thread.
//!
//! The pipeline: [`syntax`] (text → AST) → [`eval`] (AST → compiled code →
//! terms, run inside a [`runtime`] process) → [`term::inspect`] (term → text)
//! → [`repl`] / [`transcript`] (the terminal, scripts, transcripts).

// Terms are map keys and set members; their order never looks at the code a
// function value points to (whose call slots can be swapped), so that
// interior mutability cannot change a key's position.
#![allow(clippy::mutable_key_type)]

/// Every process is a thread that allocates terms and frees them on other
/// threads; mimalloc keeps that fast.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

pub mod eval;
pub mod repl;
pub mod report;
pub mod runtime;
pub mod script;
pub mod stdlib;
pub mod syntax;
pub mod term;
pub mod transcript;
