//! The OTP behaviours — GenServer, `:sys`, Agent, Task, Supervisor — written
//! in Elixir (`otp/*.ex`) on the runtime's primitives, and loaded once into
//! the code table before any user code runs; so are the functions of the
//! `Enumerable` protocol that user code calls directly (`Enumerable.reduce/3`
//! and the implementations for lists, maps and functions).

use std::sync::Once;

use crate::eval::Proc;
use crate::eval::session::Session;
use crate::runtime;
use crate::syntax;

const SOURCES: &[(&str, &str)] = &[
    ("gen_server.ex", include_str!("otp/gen_server.ex")),
    ("agent.ex", include_str!("otp/agent.ex")),
    ("task.ex", include_str!("otp/task.ex")),
    ("supervisor.ex", include_str!("otp/supervisor.ex")),
    ("enumerable.ex", include_str!("otp/enumerable.ex")),
];

static LOADED: Once = Once::new();

/// Whether code of `file` is one of these modules' own (whose frames are
/// not the BEAM's: its OTP is written in Erlang).
pub fn is_own_file(file: &str) -> bool {
    SOURCES.iter().any(|(name, _)| *name == file)
}

/// Defines the OTP modules (once per program).
pub fn ensure_loaded() {
    LOADED.call_once(|| {
        let mut proc = Proc::new(runtime::detached_process());
        for (file, src) in SOURCES {
            // One module serves each type enumerated natively.
            let src = match src.split_once("defmodule Enumerable.NATIVE do") {
                Some((before, native)) => {
                    let mut all = before.to_string();
                    for t in ["Range", "MapSet", "Stream"] {
                        all.push_str(&format!("defmodule Enumerable.{t} do{native}"));
                    }
                    all
                }
                None => src.to_string(),
            };
            let Ok(exprs) = syntax::parse_program(&src) else {
                runtime::io::err(&format!("internal error: {file} does not parse\n"));
                continue;
            };
            let mut session = Session::new(file, "otp");
            for e in &exprs {
                if let Err(f) = session.eval(&mut proc, e) {
                    runtime::io::err(&format!("internal error: {file} does not load: {f:?}\n"));
                }
            }
        }
    });
}
