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
    r.add(":erlang", "process_info", 2, |p, a| {
        ex::in_bif(process_info(p, a), "process_info", || a.to_vec())
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
