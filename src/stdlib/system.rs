//! `System` (clocks, environment, unique integers), `Module` (names) and
//! `:timer.tc`. The native time unit is the nanosecond, as on Linux's BEAM.

use std::sync::LazyLock;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use super::Registry;
use crate::eval::exception::{self as ex, R};
use crate::eval::exec::Proc;
use crate::term::{Atom, Term};

static START: LazyLock<Instant> = LazyLock::new(Instant::now);
/// Monotonic time starts at a large negative number on the BEAM; so does ours.
const MONOTONIC_OFFSET: i64 = -576_460_752_303_423_488;
static UNIQUE: AtomicI64 = AtomicI64::new(1);

/// How many of `unit` make a second.
fn per_second(unit: &Term) -> Option<i64> {
    match unit {
        Term::Int(n) if *n > 0 => Some(*n),
        Term::Atom(a) => match &*a.name() {
            "second" | "seconds" => Some(1),
            "millisecond" | "milli_seconds" => Some(1_000),
            "microsecond" | "micro_seconds" => Some(1_000_000),
            "nanosecond" | "nano_seconds" | "native" => Some(1_000_000_000),
            _ => None,
        },
        _ => None,
    }
}

fn in_unit(nanos: i128, unit: &Term) -> R<Term> {
    match per_second(unit) {
        Some(n) => Ok(Term::Int((nanos * n as i128).div_euclid(1_000_000_000) as i64)),
        None => ex::argument_error(format!(
            "unsupported time unit. Expected :second, :millisecond, :microsecond, :nanosecond, or a positive integer, got {}",
            crate::term::inspect::inspect_default(unit)
        )),
    }
}

fn monotonic_nanos() -> i128 {
    MONOTONIC_OFFSET as i128 + START.elapsed().as_nanos() as i128
}

fn system_nanos() -> i128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos() as i128)
        .unwrap_or(0)
}

fn module_parts(t: &Term) -> Option<Vec<String>> {
    let name = t.as_atom()?.alias_name()?;
    Some(name.split('.').map(str::to_string).collect())
}

fn concat(parts: &[Term]) -> R<Term> {
    let mut names: Vec<String> = Vec::new();
    for p in parts {
        match p {
            Term::Atom(Atom::NIL) => {}
            Term::Atom(a) => match a.alias_name() {
                Some(n) => names.push(n),
                None => names.push(a.name().to_string()),
            },
            Term::Bin(_) => {
                let s = p.as_str().unwrap_or_default();
                names.push(s.strip_prefix("Elixir.").unwrap_or(s).to_string());
            }
            _ => return ex::badarg(),
        }
    }
    Ok(Term::Atom(Atom::alias(&names.join("."))))
}

fn timed(p: &mut Proc, run: impl FnOnce(&mut Proc) -> R<Term>) -> R<Term> {
    let t = Instant::now();
    let v = run(p)?;
    Ok(Term::tuple(vec![Term::Int(t.elapsed().as_micros() as i64), v]))
}

pub fn register(r: &mut Registry) {
    r.add("System", "monotonic_time", 0, |_, _| {
        Ok(Term::Int(monotonic_nanos() as i64))
    });
    r.add("System", "monotonic_time", 1, |_, a| in_unit(monotonic_nanos(), &a[0]));
    r.add("System", "system_time", 0, |_, _| Ok(Term::Int(system_nanos() as i64)));
    r.add("System", "system_time", 1, |_, a| in_unit(system_nanos(), &a[0]));
    r.add("System", "os_time", 0, |_, _| Ok(Term::Int(system_nanos() as i64)));
    r.add("System", "os_time", 1, |_, a| in_unit(system_nanos(), &a[0]));
    r.add("System", "convert_time_unit", 3, |_, a| {
        match (&a[0], per_second(&a[1])) {
            (Term::Int(n), Some(from)) => in_unit(*n as i128 * 1_000_000_000 / from as i128, &a[2]),
            _ => ex::badarg(),
        }
    });
    r.add("System", "unique_integer", 0, |_, _| {
        Ok(Term::Int(
            -576_460_752_303_423_000 + UNIQUE.fetch_add(1, Ordering::Relaxed),
        ))
    });
    r.add("System", "unique_integer", 1, |_, a| {
        let n = UNIQUE.fetch_add(1, Ordering::Relaxed);
        let positive = a[0]
            .iter_list()
            .any(|m| m.as_atom().is_some_and(|m| &*m.name() == "positive"));
        Ok(Term::Int(if positive { n } else { -576_460_752_303_423_000 + n }))
    });
    r.add("System", "get_env", 1, |_, a| match a[0].as_str() {
        Some(k) => Ok(std::env::var(k).map(|v| Term::str(&v)).unwrap_or(Term::NIL)),
        None => ex::badarg(),
    });
    r.add("System", "get_env", 2, |_, a| match a[0].as_str() {
        Some(k) => Ok(std::env::var(k).map(|v| Term::str(&v)).unwrap_or_else(|_| a[1].clone())),
        None => ex::badarg(),
    });
    r.add("System", "argv", 0, |_, _| Ok(Term::EmptyList));
    r.add("System", "version", 0, |_, _| Ok(Term::str("1.14.0")));
    // Deprecated: always empty since `__STACKTRACE__`.
    r.add("System", "stacktrace", 0, |_, _| Ok(Term::EmptyList));
    r.add("System", "otp_release", 0, |_, _| Ok(Term::str("25")));
    r.add("System", "schedulers_online", 0, |_, _| {
        Ok(Term::Int(
            std::thread::available_parallelism()
                .map(|n| n.get() as i64)
                .unwrap_or(1),
        ))
    });
    r.add(":erlang", "monotonic_time", 0, |_, _| {
        Ok(Term::Int(monotonic_nanos() as i64))
    });
    r.add(":erlang", "monotonic_time", 1, |_, a| in_unit(monotonic_nanos(), &a[0]));
    r.add(":erlang", "system_time", 1, |_, a| in_unit(system_nanos(), &a[0]));
    r.add(":os", "system_time", 1, |_, a| in_unit(system_nanos(), &a[0]));
    r.add(":timer", "tc", 1, |p, a| timed(p, |p| p.apply(&a[0], vec![])));
    r.add(":timer", "tc", 2, |p, a| {
        let args = a[1].list_to_vec().unwrap_or_default();
        timed(p, |p| p.apply(&a[0], args))
    });
    r.add(":timer", "tc", 3, |p, a| match (&a[0], &a[1], a[2].list_to_vec()) {
        (Term::Atom(m), Term::Atom(f), Some(args)) => {
            let (m, f) = (*m, *f);
            timed(p, |p| p.call_mfa(m, f, args))
        }
        _ => ex::badarg(),
    });
    r.add("Module", "split", 1, |_, a| match module_parts(&a[0]) {
        Some(parts) => Ok(Term::list(parts.iter().map(|s| Term::str(s)).collect::<Vec<_>>())),
        None => ex::function_clause(Atom::new("Elixir.Module"), Atom::new("split"), std::mem::take(a)),
    });
    r.add("Module", "concat", 1, |_, a| match a[0].list_to_vec() {
        Some(parts) => concat(&parts),
        None => ex::badarg(),
    });
    r.add("Module", "concat", 2, |_, a| concat(a));
}
