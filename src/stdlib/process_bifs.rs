//! The `:erlang` BIFs on processes — spawning, linking, monitoring, names,
//! flags, timers and the process dictionary — with the BEAM's argument
//! errors (`errors were found at the given arguments`, and the BIF's frame
//! with its arguments).
//!
//! Most `Process` functions and Kernel's `spawn`s are these BIFs under
//! another name, as Elixir's compiler inlines them (`Process.alive?/1` is
//! `:erlang.is_process_alive/1`): `kernel::register_inlined` registers them
//! as the same natives, so an error names the BIF as Elixir's does. Those
//! that change an argument's place or convert what the BIF returns
//! (`:undefined` to `nil`) are defined here, with their own frame beneath
//! the BIF's where Elixir has one.

use super::Registry;
use crate::eval::exception::{self as ex, R};
use crate::eval::exec::Proc;
use crate::runtime;
use crate::term::{Atom, Pid, Ref, Term};

/// Runs a BIF's body; an error gets the BIF's frame with its arguments.
fn bif(name: &str, a: &[Term], body: impl FnOnce() -> R<Term>) -> R<Term> {
    ex::in_bif(body(), name, || a.to_vec())
}

fn a_pid(t: &Term, position: usize) -> R<Pid> {
    match t {
        Term::Pid(p) => Ok(*p),
        _ => ex::badarg_at(position, "not a pid"),
    }
}

fn a_ref(t: &Term, position: usize) -> R<Ref> {
    match t {
        Term::Ref(r) => Ok(*r),
        _ => ex::badarg_at(position, "not a reference"),
    }
}

fn an_atom(t: &Term, position: usize) -> R<Atom> {
    match t {
        Term::Atom(a) => Ok(*a),
        _ => ex::badarg_at(position, "not an atom"),
    }
}

/// `:undefined` for what a BIF does not have (Elixir's wrappers say `nil`).
fn or_undefined(t: Option<Term>) -> Term {
    t.unwrap_or_else(|| Term::atom("undefined"))
}

/// `nil` for the BIF's `:undefined`, as Elixir's `Process` functions return.
fn nillify(t: Term) -> Term {
    if t == Term::atom("undefined") { Term::NIL } else { t }
}

/// `spawn/1`, `spawn_link/1`, `spawn_monitor/1`: any fun is taken; one
/// that wants arguments fails in the new process (`BadArityError`).
fn spawn_fun(p: &mut Proc, name: &str, a: &[Term], link: bool) -> R<Term> {
    let f = a[0].clone();
    if !matches!(f, Term::Fun(_)) {
        return bif(name, a, || ex::badarg_at(1, "not a fun"));
    }
    let link = link.then(|| p.pid());
    crate::eval::exec::spawn_proc(p, link, move |q| q.apply(&f, vec![]))
}

/// `spawn/3`, `spawn_link/3`, `spawn_monitor/3`.
fn spawn_mfa(p: &mut Proc, name: &str, a: &[Term], link: bool) -> R<Term> {
    let checked = (|| {
        let m = an_atom(&a[0], 1)?;
        let f = an_atom(&a[1], 2)?;
        match a[2].list_to_vec() {
            Some(args) => Ok((m, f, args)),
            None => ex::badarg_at(3, "not a list"),
        }
    })();
    let (m, f, args) = ex::in_bif(checked, name, || a.to_vec())?;
    let link = link.then(|| p.pid());
    crate::eval::exec::spawn_proc(p, link, move |q| q.call_mfa(m, f, args))
}

/// `{pid, ref}` with the caller monitoring the new process.
fn monitored(p: &Proc, pid: R<Term>) -> R<Term> {
    let pid = pid?;
    let Term::Pid(target) = pid else { return Ok(pid) };
    let r = runtime::monitor(&p.me, target);
    Ok(Term::tuple(vec![Term::Pid(target), Term::Ref(r)]))
}

/// `:erlang.monitor(:process, pid | name | {name, node})`.
fn monitor(p: &Proc, a: &[Term]) -> R<Term> {
    bif("monitor", a, || {
        if a[0] != Term::Atom(Atom::PROCESS) {
            return ex::badarg_at(1, "invalid monitor type");
        }
        let local = |t: &Term| match t.as_tuple() {
            Some([Term::Atom(n), node]) if *node == Term::atom("nonode@nohost") => Some(*n),
            _ => None,
        };
        Ok(Term::Ref(match &a[1] {
            Term::Pid(pid) => runtime::monitor(&p.me, *pid),
            Term::Atom(n) => runtime::monitor_as(&p.me, runtime::whereis(*n), Some(*n)),
            t => match local(t) {
                Some(n) => runtime::monitor_as(&p.me, runtime::whereis(n), Some(n)),
                None => return ex::badarg_at(2, "not a pid"),
            },
        }))
    })
}

/// `:erlang.demonitor(ref)` and `:erlang.demonitor(ref, options)`.
fn demonitor(p: &Proc, a: &[Term]) -> R<Term> {
    bif("demonitor", a, || {
        let r = a_ref(&a[0], 1)?;
        let Some(opts) = a.get(1).map_or(Some(Vec::new()), Term::list_to_vec) else {
            return ex::badarg_at(2, "not a list");
        };
        let (mut flush, mut info) = (false, false);
        for o in &opts {
            match o {
                Term::Atom(x) if &*x.name() == "flush" => flush = true,
                Term::Atom(x) if &*x.name() == "info" => info = true,
                _ => return ex::badarg_at(2, "invalid option in list"),
            }
        }
        let active = runtime::demonitor(r);
        if flush {
            p.me.mailbox
                .remove_where(|m| matches!(m.as_tuple(), Some([Term::Atom(Atom::DOWN), Term::Ref(x), ..]) if *x == r));
        }
        Ok(Term::bool(active || !info))
    })
}

/// `:erlang.process_flag(:trap_exit, boolean)`: the old value.
fn process_flag(p: &Proc, a: &[Term]) -> R<Term> {
    bif("process_flag", a, || match (&a[0], &a[1]) {
        (Term::Atom(Atom::TRAP_EXIT), Term::Atom(b @ (Atom::TRUE | Atom::FALSE))) => {
            let old =
                p.me.trap_exit
                    .swap(*b == Atom::TRUE, std::sync::atomic::Ordering::SeqCst);
            Ok(Term::bool(old))
        }
        (Term::Atom(Atom::TRAP_EXIT), _) => ex::badarg_at(2, "invalid value for this process flag"),
        _ => ex::badarg_at(1, "invalid process flag"),
    })
}

/// `:erlang.register(name, pid)`.
fn register_name(a: &[Term]) -> R<Term> {
    bif("register", a, || {
        let name = an_atom(&a[0], 1)?;
        if name == Atom::new("undefined") {
            return ex::badarg_at(1, "'undefined' is not a valid name");
        }
        let Term::Pid(pid) = a[1] else {
            return ex::badarg_at(2, "not a pid or port");
        };
        if !runtime::is_alive(pid) {
            ex::badarg_at(2, "the pid does not refer to an existing process")
        } else if runtime::name_of(pid).is_some() {
            ex::badarg_at(2, "this process or port already has a name")
        } else if runtime::register(name, pid) {
            Ok(Term::TRUE)
        } else {
            ex::badarg_at(1, "name is in use")
        }
    })
}

/// `:erlang.whereis(name)`: the pid, or `:undefined`.
fn whereis(a: &[Term]) -> R<Term> {
    bif("whereis", a, || {
        Ok(or_undefined(runtime::whereis(an_atom(&a[0], 1)?).map(Term::Pid)))
    })
}

/// `:erlang.send_after(time, dest, msg)`: a timer's reference.
fn send_after(p: &Proc, a: &[Term]) -> R<Term> {
    bif("send_after", a, || {
        let ms = match &a[0] {
            Term::Int(ms) if *ms >= 0 => *ms as u64,
            Term::Int(_) | Term::BigInt(_) => return ex::badarg_at(1, "out of range"),
            _ => return ex::badarg_at(1, "not an integer"),
        };
        let pid = match &a[1] {
            Term::Pid(pid) => *pid,
            // A name is looked up when the timer fires; none then drops it.
            Term::Atom(n) => runtime::whereis(*n).unwrap_or(Pid(0)),
            _ => return ex::badarg_at(2, "not a pid or an atom"),
        };
        Ok(Term::Ref(runtime::timer::send_after(&p.me, pid, a[2].clone(), ms)))
    })
}

/// A timer's milliseconds left, or `false` when it has fired or was cancelled.
fn timer_left(name: &str, a: &[Term], op: fn(Ref) -> Option<u64>) -> R<Term> {
    bif(name, a, || {
        let r = a_ref(&a[0], 1)?;
        Ok(op(r).map(|ms| Term::Int(ms as i64)).unwrap_or(Term::FALSE))
    })
}

fn dict_pairs(p: &Proc) -> Term {
    Term::list(
        p.dict
            .iter()
            .map(|(k, v)| Term::tuple(vec![k.clone(), v.clone()]))
            .collect::<Vec<_>>(),
    )
}

pub fn register(r: &mut Registry) {
    r.add(":erlang", "is_process_alive", 1, |_, a| {
        bif("is_process_alive", a, || {
            Ok(Term::bool(runtime::is_alive(a_pid(&a[0], 1)?)))
        })
    });
    r.add(":erlang", "link", 1, |p, a| {
        bif("link", a, || {
            let pid = a_pid(&a[0], 1)?;
            // A process not trapping exits cannot be told by a signal that
            // what it links to is gone: the call fails instead.
            if !runtime::is_alive(pid) && !p.me.trap_exit.load(std::sync::atomic::Ordering::SeqCst) {
                let e = ex::exception(
                    "ErlangError",
                    vec![("original", Term::Atom(Atom::NOPROC)), ("reason", Term::NIL)],
                );
                let st = ex::Stack {
                    details: Some(":\n\n  * 1st argument: the pid does not refer to an existing process\n".into()),
                    ..Default::default()
                };
                return Err(Box::new(ex::Exc::Error(e, Box::new(st))));
            }
            runtime::link(p.pid(), pid);
            Ok(Term::TRUE)
        })
    });
    r.add(":erlang", "unlink", 1, |p, a| {
        bif("unlink", a, || {
            runtime::unlink(p.pid(), a_pid(&a[0], 1)?);
            Ok(Term::TRUE)
        })
    });
    r.add(":erlang", "exit", 2, |p, a| {
        let to = bif("exit", a, || a_pid(&a[0], 1).map(Term::Pid))?;
        let Term::Pid(to) = to else { return ex::badarg() };
        runtime::exit_signal(p.pid(), to, a[1].clone());
        if to == p.pid() {
            p.check_interrupt()?;
        }
        Ok(Term::TRUE)
    });
    r.add(":erlang", "monitor", 2, |p, a| monitor(p, a));
    r.add(":erlang", "demonitor", 1, |p, a| demonitor(p, a));
    r.add(":erlang", "demonitor", 2, |p, a| demonitor(p, a));
    r.add(":erlang", "process_flag", 2, |p, a| process_flag(p, a));
    r.add(":erlang", "register", 2, |_, a| register_name(a));
    r.add(":erlang", "unregister", 1, |_, a| {
        bif("unregister", a, || match &a[0] {
            Term::Atom(n) if runtime::unregister(*n) => Ok(Term::TRUE),
            _ => ex::badarg_at(1, "not a pid"),
        })
    });
    r.add(":erlang", "whereis", 1, |_, a| whereis(a));
    r.add(":erlang", "registered", 0, |_, _| {
        Ok(Term::list(
            runtime::registered().into_iter().map(Term::Atom).collect::<Vec<_>>(),
        ))
    });
    r.add(":erlang", "processes", 0, |_, _| {
        Ok(Term::list(
            runtime::pids().into_iter().map(Term::Pid).collect::<Vec<_>>(),
        ))
    });
    r.add(":erlang", "spawn", 1, |p, a| spawn_fun(p, "spawn", a, false));
    r.add(":erlang", "spawn", 3, |p, a| spawn_mfa(p, "spawn", a, false));
    r.add(":erlang", "spawn_link", 1, |p, a| spawn_fun(p, "spawn_link", a, true));
    r.add(":erlang", "spawn_link", 3, |p, a| spawn_mfa(p, "spawn_link", a, true));
    r.add(":erlang", "spawn_monitor", 1, |p, a| {
        let pid = spawn_fun(p, "spawn_monitor", a, false);
        monitored(p, pid)
    });
    r.add(":erlang", "spawn_monitor", 3, |p, a| {
        let pid = spawn_mfa(p, "spawn_monitor", a, false);
        monitored(p, pid)
    });
    r.add(":erlang", "send_after", 3, |p, a| send_after(p, a));
    r.add(":erlang", "cancel_timer", 1, |_, a| {
        timer_left("cancel_timer", a, runtime::timer::cancel)
    });
    r.add(":erlang", "read_timer", 1, |_, a| {
        timer_left("read_timer", a, runtime::timer::read)
    });
    r.add(":erlang", "put", 2, |p, a| {
        Ok(or_undefined(p.dict.insert(a[0].clone(), a[1].clone())))
    });
    r.add(":erlang", "get", 1, |p, a| Ok(or_undefined(p.dict.get(&a[0]).cloned())));
    r.add(":erlang", "get", 0, |p, _| Ok(dict_pairs(p)));
    r.add(":erlang", "erase", 1, |p, a| Ok(or_undefined(p.dict.remove(&a[0]))));
    r.add(":erlang", "erase", 0, |p, _| {
        let all = dict_pairs(p);
        p.dict = Default::default();
        Ok(all)
    });

    r.add("Process", "monitor", 1, |p, a| {
        monitor(p, &[Term::Atom(Atom::PROCESS), a[0].clone()])
    });
    r.add("Process", "send_after", 3, |p, a| {
        send_after(p, &[a[2].clone(), a[0].clone(), a[1].clone()])
    });
    r.add("Process", "whereis", 1, |_, a| {
        ex::beneath(whereis(a).map(nillify), "Process", "whereis", 1, "lib/process.ex", 653)
    });
    r.add("Process", "get", 1, |p, a| {
        Ok(p.dict.get(&a[0]).cloned().unwrap_or(Term::NIL))
    });
    r.add("Process", "put", 2, |p, a| {
        Ok(p.dict.insert(a[0].clone(), a[1].clone()).unwrap_or(Term::NIL))
    });
    r.add("Process", "delete", 1, |p, a| {
        Ok(p.dict.remove(&a[0]).unwrap_or(Term::NIL))
    });
}
