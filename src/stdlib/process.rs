//! `Process` and the IEx helpers that look at mailboxes (`flush/0`).

use super::Registry;
use crate::eval::exception::{self as ex, R};
use crate::eval::exec::Proc;
use crate::runtime;
use crate::term::inspect::{Opts, inspect, inspect_default};
use crate::term::{Atom, Pid, Term};

fn pid_of(t: &Term) -> R<Pid> {
    match t {
        Term::Pid(p) => Ok(*p),
        _ => ex::badarg(),
    }
}

fn pair(k: Atom, v: Term) -> Term {
    Term::tuple(vec![Term::Atom(k), v])
}

/// One item of `Process.info/2`, or `None` for a dead process.
fn info_item(p: &Proc, pid: Pid, item: Atom) -> R<Option<Term>> {
    if !INFO_ITEMS.contains(&&*item.name()) {
        return invalid_item();
    }
    let Some(proc_) = runtime::lookup(pid) else {
        return Ok(None);
    };
    let v = match &*item.name() {
        "messages" => Term::list(proc_.mailbox.snapshot(pid == p.pid())),
        "message_queue_len" => Term::Int(proc_.mailbox.count(pid == p.pid()) as i64),
        "status" => Term::atom(if pid == p.pid() {
            "running"
        } else if proc_.mailbox.is_waiting() {
            "waiting"
        } else {
            "runnable"
        }),
        "registered_name" => match runtime::name_of(pid) {
            Some(n) => Term::Atom(n),
            None => Term::EmptyList,
        },
        "links" => Term::list(runtime::links_of(pid).into_iter().map(Term::Pid).collect::<Vec<_>>()),
        "monitors" => Term::list(
            runtime::monitors_of(pid)
                .into_iter()
                .map(|m| Term::tuple(vec![Term::Atom(Atom::PROCESS), m]))
                .collect::<Vec<_>>(),
        ),
        "dictionary" if pid == p.pid() => Term::list(
            p.dict
                .iter()
                .map(|(k, v)| Term::tuple(vec![k.clone(), v.clone()]))
                .collect::<Vec<_>>(),
        ),
        "dictionary" => Term::EmptyList,
        "trap_exit" => Term::bool(proc_.trap_exit.load(std::sync::atomic::Ordering::SeqCst)),
        _ => return invalid_item(),
    };
    Ok(Some(pair(item, v)))
}

/// The items `Process.info/2` answers.
const INFO_ITEMS: &[&str] = &[
    "messages",
    "message_queue_len",
    "status",
    "registered_name",
    "links",
    "monitors",
    "dictionary",
    "trap_exit",
];

fn invalid_item<T>() -> R<T> {
    ex::badarg_at(2, "invalid item or item list")
}

/// `:erlang.process_info/2`: `[pid, item or items]`.
fn process_info(p: &Proc, a: &[Term]) -> R<Term> {
    let Term::Pid(pid) = a[0] else {
        return ex::badarg_at(1, "not a pid");
    };
    match &a[1] {
        Term::Atom(item) => Ok(info_item(p, pid, *item)?.unwrap_or(Term::NIL)),
        items => {
            let mut wanted = Vec::new();
            for i in items.iter_list() {
                let Term::Atom(i) = i else { return invalid_item() };
                if !INFO_ITEMS.contains(&&*i.name()) {
                    return invalid_item();
                }
                wanted.push(*i);
            }
            let mut out = Vec::new();
            for i in wanted {
                match info_item(p, pid, i)? {
                    Some(v) => out.push(v),
                    None => return Ok(Term::NIL),
                }
            }
            Ok(Term::list(out))
        }
    }
}

pub fn register(r: &mut Registry) {
    r.add("Process", "info", 2, |p, a| {
        let r = match &a[1] {
            Term::Atom(_) => process_info(p, a),
            items if items.is_list() => process_info(p, a),
            _ => return ex::function_clause(Atom::alias("Process"), Atom::new("info"), a.to_vec()),
        };
        let r = ex::in_bif(r, "process_info", || a.to_vec());
        ex::beneath(r, "Process", "info", 2, "lib/process.ex", 773)
    });
    r.add("Process", "info", 1, |p, a| {
        let pid = pid_of(&a[0])?;
        let mut out = Vec::new();
        for item in [
            "registered_name",
            "status",
            "message_queue_len",
            "links",
            "dictionary",
            "trap_exit",
        ] {
            match info_item(p, pid, Atom::new(item))? {
                Some(v) if item == "registered_name" && v.as_tuple().is_some_and(|t| t[1] == Term::EmptyList) => {}
                Some(v) => out.push(v),
                None => return Ok(Term::NIL),
            }
        }
        Ok(Term::list(out))
    });
    r.add("Process", "alive?", 1, |_, a| {
        Ok(Term::bool(runtime::is_alive(pid_of(&a[0])?)))
    });
    r.add("Process", "sleep", 1, |p, a| {
        match &a[0] {
            Term::Int(ms) if *ms >= 0 => p.sleep(Some(*ms as u64))?,
            Term::Atom(Atom::INFINITY) => p.sleep(None)?,
            _ => return ex::badarg(),
        }
        Ok(Term::OK)
    });
    r.add(":timer", "sleep", 1, |p, a| {
        match &a[0] {
            Term::Int(ms) if *ms >= 0 => p.sleep(Some(*ms as u64))?,
            Term::Atom(Atom::INFINITY) => p.sleep(None)?,
            _ => return ex::badarg(),
        }
        Ok(Term::OK)
    });
    r.add("Process", "list", 0, |_, _| {
        Ok(Term::list(
            runtime::pids().into_iter().map(Term::Pid).collect::<Vec<_>>(),
        ))
    });
    r.add("Process", "register", 2, |_, a| match (&a[0], &a[1]) {
        (_, Term::Atom(name)) if matches!(&*name.name(), "nil" | "false" | "true" | "undefined") => {
            ex::function_clause(Atom::alias("Process"), Atom::new("register"), a.to_vec())
        }
        (Term::Pid(pid), Term::Atom(name)) if runtime::register(*name, *pid) => Ok(Term::TRUE),
        (_, Term::Atom(name)) => {
            let r = ex::argument_error(format!(
                "could not register {} with name {} because it is not alive, the name is already taken, or it has already been given another name",
                inspect_default(&a[0]),
                inspect_default(&Term::Atom(*name))
            ));
            ex::in_call(r, "Process", "register", Some(("lib/process.ex", 611)), || a.to_vec())
        }
        _ => ex::function_clause(Atom::alias("Process"), Atom::new("register"), a.to_vec()),
    });
    r.add("Process", "whereis", 1, |_, a| match &a[0] {
        Term::Atom(n) => Ok(runtime::whereis(*n).map(Term::Pid).unwrap_or(Term::NIL)),
        _ => ex::badarg(),
    });
    r.add("Process", "get", 1, |p, a| {
        Ok(p.dict.get(&a[0]).cloned().unwrap_or(Term::NIL))
    });
    r.add("Process", "put", 2, |p, a| {
        Ok(p.dict.insert(a[0].clone(), a[1].clone()).unwrap_or(Term::NIL))
    });
    r.add("Kernel", "spawn_link", 1, |p, a| {
        let f = a[0].clone();
        let me = p.pid();
        crate::eval::exec::spawn_proc(p, Some(me), move |q| q.apply(&f, vec![]))
    });
    r.add("Kernel", "spawn_link", 3, |p, a| {
        let (m, f, args) = mfa(a)?;
        let me = p.pid();
        crate::eval::exec::spawn_proc(p, Some(me), move |q| q.call_mfa(m, f, args))
    });
    r.add("Kernel", "spawn_monitor", 1, |p, a| {
        let f = a[0].clone();
        let pid = crate::eval::exec::spawn_proc(p, None, move |q| q.apply(&f, vec![]))?;
        Ok(with_monitor(p, pid))
    });
    r.add("Kernel", "spawn_monitor", 3, |p, a| {
        let (m, f, args) = mfa(a)?;
        let pid = crate::eval::exec::spawn_proc(p, None, move |q| q.call_mfa(m, f, args))?;
        Ok(with_monitor(p, pid))
    });
    r.add("Process", "link", 1, |p, a| {
        runtime::link(p.pid(), pid_of(&a[0])?);
        Ok(Term::TRUE)
    });
    r.add("Process", "unlink", 1, |p, a| {
        runtime::unlink(p.pid(), pid_of(&a[0])?);
        Ok(Term::TRUE)
    });
    r.add("Process", "monitor", 1, |p, a| {
        Ok(Term::Ref(match &a[0] {
            Term::Atom(n) => runtime::monitor_as(&p.me, runtime::whereis(*n), Some(*n)),
            Term::Tuple(t) if matches!(&t[..], [Term::Atom(_), node] if *node == Term::atom("nonode@nohost")) => {
                let Term::Atom(n) = t[0] else { return ex::badarg() };
                runtime::monitor_as(&p.me, runtime::whereis(n), Some(n))
            }
            t => runtime::monitor(&p.me, pid_of(t)?),
        }))
    });
    r.add("Process", "demonitor", 1, |_, a| match &a[0] {
        Term::Ref(r) => {
            runtime::demonitor(*r);
            Ok(Term::TRUE)
        }
        _ => ex::badarg(),
    });
    r.add("Process", "demonitor", 2, |p, a| match &a[0] {
        Term::Ref(r) => {
            let active = runtime::demonitor(*r);
            let flush = a[1].iter_list().any(|o| *o == Term::atom("flush"));
            if flush {
                p.me.mailbox.remove_where(
                    |m| matches!(m.as_tuple(), Some([Term::Atom(Atom::DOWN), Term::Ref(x), ..]) if x == r),
                );
            }
            Ok(Term::bool(
                active || !a[1].iter_list().any(|o| *o == Term::atom("info")),
            ))
        }
        _ => ex::badarg(),
    });
    r.add("Process", "exit", 2, |p, a| {
        let to = pid_of(&a[0])?;
        runtime::exit_signal(p.pid(), to, a[1].clone());
        if to == p.pid() {
            p.check_interrupt()?;
        }
        Ok(Term::TRUE)
    });
    r.add("Process", "flag", 2, |p, a| match (&a[0], &a[1]) {
        (Term::Atom(Atom::TRAP_EXIT), Term::Atom(b @ (Atom::TRUE | Atom::FALSE))) => {
            let old =
                p.me.trap_exit
                    .swap(*b == Atom::TRUE, std::sync::atomic::Ordering::SeqCst);
            Ok(Term::bool(old))
        }
        _ => ex::badarg(),
    });
    r.add("Process", "unregister", 1, |_, a| match &a[0] {
        Term::Atom(n) if runtime::unregister(*n) => Ok(Term::TRUE),
        _ => ex::badarg(),
    });
    r.add("Process", "registered", 0, |_, _| {
        Ok(Term::list(
            runtime::registered().into_iter().map(Term::Atom).collect::<Vec<_>>(),
        ))
    });
    r.add("Process", "send_after", 3, |p, a| {
        let pid = match &a[0] {
            Term::Atom(n) => runtime::whereis(*n).unwrap_or(Pid(0)),
            t => pid_of(t)?,
        };
        match &a[2] {
            Term::Int(ms) if *ms >= 0 => Ok(Term::Ref(runtime::timer::send_after(
                &p.me,
                pid,
                a[1].clone(),
                *ms as u64,
            ))),
            _ => ex::badarg(),
        }
    });
    // `:timer`'s timers: `{:ok, {:send_local, ref}}` or `{:ok, {:interval, ref}}`.
    fn timer(p: &mut Proc, ms: &Term, dest: &Term, msg: &Term, interval: bool) -> R<Term> {
        let pid = match dest {
            Term::Atom(n) => Some(runtime::whereis(*n).unwrap_or(Pid(0))),
            t => pid_of(t).ok(),
        };
        let (ms, pid) = match (ms, pid) {
            (Term::Int(ms), Some(pid)) if *ms >= 0 => (*ms as u64, pid),
            _ => return Ok(Term::tuple(vec![Term::atom("error"), Term::atom("badarg")])),
        };
        let (kind, r) = if interval {
            ("interval", runtime::timer::send_interval(&p.me, pid, msg.clone(), ms))
        } else {
            ("send_local", runtime::timer::send_after(&p.me, pid, msg.clone(), ms))
        };
        Ok(Term::tuple(vec![
            Term::OK,
            Term::tuple(vec![Term::atom(kind), Term::Ref(r)]),
        ]))
    }
    r.add(":timer", "send_after", 3, |p, a| timer(p, &a[0], &a[1], &a[2], false));
    r.add(":timer", "send_after", 2, |p, a| {
        let me = Term::Pid(p.me.pid);
        timer(p, &a[0], &me, &a[1], false)
    });
    r.add(":timer", "send_interval", 3, |p, a| timer(p, &a[0], &a[1], &a[2], true));
    r.add(":timer", "send_interval", 2, |p, a| {
        let me = Term::Pid(p.me.pid);
        timer(p, &a[0], &me, &a[1], true)
    });
    r.add(":timer", "cancel", 1, |_, a| match a[0].as_tuple() {
        Some([Term::Atom(k), Term::Ref(r)]) if matches!(&*k.name(), "send_local" | "interval") => {
            runtime::timer::cancel(*r);
            Ok(Term::tuple(vec![Term::OK, Term::atom("cancel")]))
        }
        _ => Ok(Term::tuple(vec![Term::atom("error"), Term::atom("badarg")])),
    });
    r.add("Process", "cancel_timer", 1, |_, a| match &a[0] {
        Term::Ref(r) => Ok(runtime::timer::cancel(*r)
            .map(|ms| Term::Int(ms as i64))
            .unwrap_or(Term::FALSE)),
        _ => ex::badarg(),
    });
    r.add("Process", "read_timer", 1, |_, a| match &a[0] {
        Term::Ref(r) => Ok(runtime::timer::read(*r)
            .map(|ms| Term::Int(ms as i64))
            .unwrap_or(Term::FALSE)),
        _ => ex::badarg(),
    });
    r.add("Process", "send", 3, |p, a| {
        let msg = a[1].clone();
        match &a[0] {
            Term::Pid(pid) if *pid == p.pid() => p.me.mailbox.push_self(msg),
            Term::Pid(pid) => runtime::send(*pid, msg),
            Term::Atom(n) => match runtime::whereis(*n) {
                Some(pid) => runtime::send(pid, msg),
                None => return ex::badarg(),
            },
            _ => return ex::badarg(),
        }
        Ok(Term::OK)
    });
    r.add("Process", "delete", 1, |p, a| {
        Ok(p.dict.remove(&a[0]).unwrap_or(Term::NIL))
    });
    r.add("Process", "get", 0, |p, _| {
        Ok(Term::list(
            p.dict
                .iter()
                .map(|(k, v)| Term::tuple(vec![k.clone(), v.clone()]))
                .collect::<Vec<_>>(),
        ))
    });
    r.add("Process", "get_keys", 0, |p, _| {
        Ok(Term::list(p.dict.keys().cloned().collect::<Vec<_>>()))
    });
    r.add("Process", "get_keys", 1, |p, a| {
        Ok(Term::list(
            p.dict
                .iter()
                .filter(|(_, v)| **v == a[0])
                .map(|(k, _)| k.clone())
                .collect::<Vec<_>>(),
        ))
    });
    r.add("Process", "get", 2, |p, a| {
        Ok(p.dict.get(&a[0]).cloned().unwrap_or_else(|| a[1].clone()))
    });
    r.add("IEx.Helpers", "flush", 0, |p, _| {
        for m in p.me.mailbox.drain() {
            let mut s = inspect(&m, &Opts::pretty());
            s.push('\n');
            runtime::io::out(&s);
        }
        Ok(Term::OK)
    });
}

fn mfa(a: &[Term]) -> R<(Atom, Atom, Vec<Term>)> {
    match (&a[0], &a[1], a[2].list_to_vec()) {
        (Term::Atom(m), Term::Atom(f), Some(args)) => Ok((*m, *f, args)),
        _ => ex::badarg(),
    }
}

/// `{pid, ref}` with the caller monitoring `pid`.
fn with_monitor(p: &Proc, pid: Term) -> Term {
    let Term::Pid(target) = pid else { return pid };
    let r = runtime::monitor(&p.me, target);
    Term::tuple(vec![Term::Pid(target), Term::Ref(r)])
}
