//! `Process` and the IEx helpers that look at mailboxes (`flush/0`).

use super::Registry;
use crate::eval::exception::{self as ex, R};
use crate::eval::exec::Proc;
use crate::runtime;
use crate::term::inspect::{Opts, inspect};
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
            None => return Ok(Some(Term::EmptyList)),
        },
        "links" | "monitors" | "monitored_by" => Term::EmptyList,
        "dictionary" if pid == p.pid() => Term::list(
            p.dict
                .iter()
                .map(|(k, v)| Term::tuple(vec![k.clone(), v.clone()]))
                .collect::<Vec<_>>(),
        ),
        "dictionary" => Term::EmptyList,
        "trap_exit" => Term::bool(pid == p.pid() && p.trap_exit),
        _ => return ex::badarg(),
    };
    Ok(Some(pair(item, v)))
}

pub fn register(r: &mut Registry) {
    r.add("Process", "info", 2, |p, a| {
        let pid = pid_of(&a[0])?;
        match &a[1] {
            Term::Atom(item) => Ok(info_item(p, pid, *item)?.unwrap_or(Term::NIL)),
            items if items.is_list() => {
                let mut out = Vec::new();
                for i in items.iter_list() {
                    let Term::Atom(i) = i else { return ex::badarg() };
                    match info_item(p, pid, *i)? {
                        Some(v) => out.push(v),
                        None => return Ok(Term::NIL),
                    }
                }
                Ok(Term::list(out))
            }
            _ => ex::badarg(),
        }
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
                Some(Term::EmptyList) => {}
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
        (Term::Pid(pid), Term::Atom(name)) if runtime::register(*name, *pid) => Ok(Term::TRUE),
        _ => ex::badarg(),
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
    r.add("IEx.Helpers", "flush", 0, |p, _| {
        for m in p.me.mailbox.drain() {
            let mut s = inspect(&m, &Opts::pretty());
            s.push('\n');
            runtime::io::out(&s);
        }
        Ok(Term::OK)
    });
}
