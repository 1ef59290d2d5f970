//! Process names beyond local atoms: the tables under `Registry`
//! (`otp/registry.ex` is the module, these are the `:iexr.registry_*`
//! natives it stands on, in place of the ETS tables Elixir's keeps) and the
//! `:global` name server, on a single node.
//!
//! A registry's table belongs to the process that made it (the registry's
//! supervisor): once that process is dead the registry is unknown, as an
//! ETS table dies with its owner. Entries stay in registration order; a
//! duplicate registry's entries under one key come out in that order, as
//! from an ETS `duplicate_bag`. `Registry.keys/2` reads the pid's keys
//! backwards, as Elixir gathers them. A whole-table walk (`select/2`) is in
//! registration order, not in ETS's hash order.
//!
//! A `:global` name is dropped when its process is found dead.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex, MutexGuard};

use super::Registry as Natives;
use super::ets::{Clause, compile, run_spec};
use crate::eval::exception::{self as ex, R};
use crate::runtime;
use crate::term::{Atom, Pid, Term};

/// One registration: a key, the process, its value.
#[derive(Clone)]
struct Entry {
    key: Term,
    pid: Pid,
    value: Term,
}

/// A registry's table.
struct Table {
    owner: Pid,
    unique: bool,
    partitions: i64,
    listeners: Term,
    /// Metadata, in insertion order (keys are unique).
    meta: Vec<(Term, Term)>,
    /// The partition processes, by index.
    parts: Vec<Option<Pid>>,
    entries: Vec<Entry>,
    /// Each registration's `(pid, key)`, in the order the pid table holds them.
    by_pid: Vec<(Pid, Term)>,
}

static TABLES: LazyLock<Mutex<HashMap<Atom, Table>>> = LazyLock::new(Default::default);

static GLOBAL: LazyLock<Mutex<Vec<(Term, Pid)>>> = LazyLock::new(Default::default);

fn lock<T>(m: &'static Mutex<T>) -> MutexGuard<'static, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// Runs `f` on the live registry `name`; `None` when it is unknown.
fn with<T>(name: &Term, f: impl FnOnce(&mut Table) -> T) -> Option<T> {
    let Term::Atom(name) = name else { return None };
    let mut tables = lock(&TABLES);
    match tables.get_mut(name) {
        Some(t) if runtime::is_alive(t.owner) => Some(f(t)),
        Some(_) => {
            tables.remove(name);
            None
        }
        None => None,
    }
}

fn pid_of(t: &Term) -> R<Pid> {
    match t {
        Term::Pid(p) => Ok(*p),
        _ => ex::badarg(),
    }
}

fn pair(a: Term, b: Term) -> Term {
    Term::tuple(vec![a, b])
}

// ---- match specifications (`:ets`'s) ---------------------------------------

/// A match specification `[{head, guards, [true]}]` whose head matches an
/// entry's value against `pattern` under `guards`, as `Registry.match/4`
/// builds it; a bad one is a bad argument, as to `:ets.select/2`.
fn value_spec(pattern: &Term, guards: &Term) -> R<Vec<Clause>> {
    let head = pair(Term::atom("_"), pair(Term::atom("_"), pattern.clone()));
    let spec = Term::list(vec![Term::tuple(vec![
        head,
        guards.clone(),
        Term::list(vec![Term::TRUE]),
    ])]);
    compile(&spec).map_or_else(ex::badarg, Ok)
}

/// `{key, {pid, value}}`, an entry as Elixir's key table holds it.
fn object(e: &Entry) -> Term {
    pair(e.key.clone(), pair(Term::Pid(e.pid), e.value.clone()))
}

// ---- the natives --------------------------------------------------------

pub fn register(r: &mut Natives) {
    // `[name, kind, partitions, listeners, meta]`: a new table owned by the caller.
    r.add(":iexr", "registry_new", 5, |p, a| {
        let Term::Atom(name) = a[0] else { return ex::badarg() };
        let partitions = a[2].as_int().unwrap_or(1).max(1);
        let mut meta: Vec<(Term, Term)> = Vec::new();
        for kv in a[4].iter_list() {
            if let Some([k, v]) = kv.as_tuple() {
                meta.retain(|(x, _)| x != k);
                meta.push((k.clone(), v.clone()));
            }
        }
        let mut tables = lock(&TABLES);
        if tables.get(&name).is_some_and(|t| runtime::is_alive(t.owner)) {
            return ex::badarg();
        }
        tables.insert(
            name,
            Table {
                owner: p.pid(),
                unique: a[1] == Term::atom("unique"),
                partitions,
                listeners: a[3].clone(),
                meta,
                parts: vec![None; partitions as usize],
                entries: Vec::new(),
                by_pid: Vec::new(),
            },
        );
        Ok(Term::TRUE)
    });
    // `[name, index]`: the caller is the partition process `index`.
    r.add(":iexr", "registry_partition", 2, |p, a| {
        let me = p.pid();
        let i = a[1].as_int().unwrap_or(0);
        Ok(Term::bool(
            with(&a[0], |t| {
                if let Some(slot) = t.parts.get_mut(i as usize) {
                    *slot = Some(me);
                }
            })
            .is_some(),
        ))
    });
    // `{kind, partitions, listeners}`, or nil for an unknown registry.
    r.add(":iexr", "registry_info", 1, |_, a| {
        Ok(with(&a[0], |t| {
            Term::tuple(vec![
                Term::atom(if t.unique { "unique" } else { "duplicate" }),
                Term::Int(t.partitions),
                t.listeners.clone(),
            ])
        })
        .unwrap_or(Term::NIL))
    });
    // The partition process that owns `pid`'s registrations.
    r.add(":iexr", "registry_owner", 2, |_, a| {
        let pid = pid_of(&a[1])?;
        Ok(with(&a[0], |t| {
            let i = if t.partitions == 1 {
                0
            } else {
                (crate::term::phash::hash(&Term::Pid(pid)) as i64 % t.partitions) as usize
            };
            t.parts.get(i).copied().flatten().map(Term::Pid).unwrap_or(Term::NIL)
        })
        .unwrap_or(Term::NIL))
    });
    // `[name, key, value]` for the caller: `:ok` or `{:error, {:already_registered, pid}}`.
    r.add(":iexr", "registry_insert", 3, |p, a| {
        let me = p.pid();
        let (key, value) = (a[1].clone(), a[2].clone());
        Ok(with(&a[0], |t| {
            if t.unique
                && let Some(i) = t.entries.iter().position(|e| e.key == key)
            {
                let holder = t.entries[i].pid;
                if runtime::is_alive(holder) {
                    return Term::tuple(vec![
                        Term::atom("error"),
                        pair(Term::atom("already_registered"), Term::Pid(holder)),
                    ]);
                }
                // A dead holder's entry gives way, as in Elixir.
                t.entries.remove(i);
            }
            t.by_pid.push((me, key.clone()));
            t.entries.push(Entry { key, pid: me, value });
            Term::OK
        })
        .unwrap_or(Term::NIL))
    });
    // `[{pid, value}]` under a key, in registration order.
    r.add(":iexr", "registry_lookup", 2, |_, a| {
        Ok(with(&a[0], |t| {
            Term::list(
                t.entries
                    .iter()
                    .filter(|e| e.key == a[1])
                    .map(|e| pair(Term::Pid(e.pid), e.value.clone()))
                    .collect::<Vec<_>>(),
            )
        })
        .unwrap_or(Term::EmptyList))
    });
    // `[name, key, pid]`: the values `pid` has under `key`.
    r.add(":iexr", "registry_values", 3, |_, a| {
        let pid = pid_of(&a[2])?;
        Ok(with(&a[0], |t| {
            Term::list(
                t.entries
                    .iter()
                    .filter(|e| e.key == a[1] && e.pid == pid)
                    .map(|e| e.value.clone())
                    .collect::<Vec<_>>(),
            )
        })
        .unwrap_or(Term::EmptyList))
    });
    // The keys of `pid`, as `Registry.keys/2` gathers them (last registered first).
    r.add(":iexr", "registry_keys", 2, |_, a| {
        let pid = pid_of(&a[1])?;
        Ok(with(&a[0], |t| {
            let mut keys: Vec<Term> = t
                .by_pid
                .iter()
                .rev()
                .filter(|(p, _)| *p == pid)
                .map(|(_, k)| k.clone())
                .collect();
            if t.unique {
                let mut seen = Vec::new();
                keys.retain(|k| {
                    let new = !seen.contains(k);
                    if new {
                        seen.push(k.clone());
                    }
                    new
                });
            }
            Term::list(keys)
        })
        .unwrap_or(Term::EmptyList))
    });
    // `[name, key, pattern, guards]`: `[{pid, value}]` under `key` whose value matches.
    r.add(":iexr", "registry_match", 4, |p, a| {
        let spec = value_spec(&a[2], &a[3])?;
        Ok(with(&a[0], |t| {
            Term::list(
                t.entries
                    .iter()
                    .filter(|e| e.key == a[1] && run_spec(p, &spec, &object(e)).is_some())
                    .map(|e| pair(Term::Pid(e.pid), e.value.clone()))
                    .collect::<Vec<_>>(),
            )
        })
        .unwrap_or(Term::EmptyList))
    });
    // `[name, spec]` with heads over `{key, {pid, value}}`: the bodies' values.
    r.add(":iexr", "registry_select", 2, |p, a| {
        let spec = compile(&a[1]).map_or_else(ex::badarg, Ok)?;
        Ok(with(&a[0], |t| {
            Term::list(
                t.entries
                    .iter()
                    .filter_map(|e| run_spec(p, &spec, &object(e)))
                    .collect::<Vec<_>>(),
            )
        })
        .unwrap_or(Term::EmptyList))
    });
    // Whether `pid` has any registration left.
    r.add(":iexr", "registry_has", 2, |_, a| {
        let pid = pid_of(&a[1])?;
        Ok(Term::bool(
            with(&a[0], |t| t.by_pid.iter().any(|(p, _)| *p == pid)).unwrap_or(false),
        ))
    });
    r.add(":iexr", "registry_count", 1, |_, a| {
        Ok(Term::Int(with(&a[0], |t| t.entries.len() as i64).unwrap_or(0)))
    });
    // `[name, key, pid]`: drops `pid`'s entries under `key`; whether `pid` has any left.
    r.add(":iexr", "registry_delete", 3, |_, a| {
        let pid = pid_of(&a[2])?;
        Ok(Term::bool(
            with(&a[0], |t| {
                t.entries.retain(|e| !(e.key == a[1] && e.pid == pid));
                t.by_pid.retain(|(p, k)| !(*p == pid && *k == a[1]));
                t.by_pid.iter().any(|(p, _)| *p == pid)
            })
            .unwrap_or(false),
        ))
    });
    // `[name, key, pid, pattern, guards]`: drops `pid`'s entries under `key`
    // whose value matches; `:all`, `:none` or `:some` were dropped, and
    // whether `pid` has any left.
    r.add(":iexr", "registry_delete_match", 5, |p, a| {
        let pid = pid_of(&a[2])?;
        let spec = value_spec(&a[3], &a[4])?;
        Ok(with(&a[0], |t| {
            let mine = |e: &Entry| e.key == a[1] && e.pid == pid;
            let total = t.entries.iter().filter(|e| mine(e)).count();
            let before = t.entries.len();
            t.entries
                .retain(|e| !(mine(e) && run_spec(p, &spec, &object(e)).is_some()));
            let deleted = before - t.entries.len();
            let what = if deleted == 0 {
                "none"
            } else if deleted == total {
                t.by_pid.retain(|(p, k)| !(*p == pid && *k == a[1]));
                "all"
            } else {
                // Elixir rewrites the pid's entries for the key at the end.
                t.by_pid.retain(|(p, k)| !(*p == pid && *k == a[1]));
                for _ in 0..total - deleted {
                    t.by_pid.push((pid, a[1].clone()));
                }
                "some"
            };
            pair(Term::atom(what), Term::bool(t.by_pid.iter().any(|(p, _)| *p == pid)))
        })
        .unwrap_or(Term::NIL))
    });
    // `[name, key, pid, fun]` of a unique registry: `{new, old}` or `:error`.
    r.add(":iexr", "registry_get", 3, |_, a| {
        let pid = pid_of(&a[2])?;
        Ok(with(&a[0], |t| {
            t.entries
                .iter()
                .find(|e| e.key == a[1])
                .map(|e| {
                    if e.pid == pid {
                        pair(Term::OK, e.value.clone())
                    } else {
                        Term::atom("error")
                    }
                })
                .unwrap_or(Term::atom("error"))
        })
        .unwrap_or(Term::atom("error")))
    });
    r.add(":iexr", "registry_put", 4, |_, a| {
        let pid = pid_of(&a[2])?;
        with(&a[0], |t| {
            if let Some(e) = t.entries.iter_mut().find(|e| e.key == a[1] && e.pid == pid) {
                e.value = a[3].clone();
            }
        });
        Ok(Term::OK)
    });
    // A registered process exited: its entries go.
    r.add(":iexr", "registry_exit", 2, |_, a| {
        let pid = pid_of(&a[1])?;
        with(&a[0], |t| {
            t.entries.retain(|e| e.pid != pid);
            t.by_pid.retain(|(p, _)| *p != pid);
        });
        Ok(Term::OK)
    });
    // Metadata: `{:ok, value}`, `:error`, or nil for an unknown registry.
    r.add(":iexr", "registry_meta", 2, |_, a| {
        Ok(with(&a[0], |t| match t.meta.iter().find(|(k, _)| *k == a[1]) {
            Some((_, v)) => pair(Term::OK, v.clone()),
            None => Term::atom("error"),
        })
        .unwrap_or(Term::NIL))
    });
    r.add(":iexr", "registry_put_meta", 3, |_, a| {
        Ok(Term::bool(
            with(&a[0], |t| match t.meta.iter_mut().find(|(k, _)| *k == a[1]) {
                Some(kv) => kv.1 = a[2].clone(),
                None => t.meta.push((a[1].clone(), a[2].clone())),
            })
            .is_some(),
        ))
    });
    r.add(":iexr", "registry_delete_meta", 2, |_, a| {
        Ok(Term::bool(
            with(&a[0], |t| t.meta.retain(|(k, _)| *k != a[1])).is_some(),
        ))
    });

    global(r);
}

/// The live `:global` names (dead holders dropped).
fn global_names() -> MutexGuard<'static, Vec<(Term, Pid)>> {
    let mut g = lock(&GLOBAL);
    g.retain(|(_, p)| runtime::is_alive(*p));
    g
}

/// `:global`, on a single node.
fn global(r: &mut Natives) {
    r.add(":global", "register_name", 2, |_, a| {
        let Term::Pid(pid) = a[1] else {
            return ex::in_call(ex::badarg(), ":global", "register_name", None, || a.to_vec());
        };
        let mut g = global_names();
        if !runtime::is_alive(pid) || g.iter().any(|(n, _)| *n == a[0]) {
            return Ok(Term::atom("no"));
        }
        g.push((a[0].clone(), pid));
        Ok(Term::atom("yes"))
    });
    r.add(":global", "re_register_name", 2, |_, a| {
        let Term::Pid(pid) = a[1] else {
            return ex::in_call(ex::badarg(), ":global", "re_register_name", None, || a.to_vec());
        };
        let mut g = global_names();
        if !runtime::is_alive(pid) {
            return Ok(Term::atom("no"));
        }
        g.retain(|(n, _)| *n != a[0]);
        g.push((a[0].clone(), pid));
        Ok(Term::atom("yes"))
    });
    r.add(":global", "unregister_name", 1, |_, a| {
        global_names().retain(|(n, _)| *n != a[0]);
        Ok(Term::OK)
    });
    r.add(":global", "whereis_name", 1, |_, a| {
        Ok(global_names()
            .iter()
            .find(|(n, _)| *n == a[0])
            .map(|(_, p)| Term::Pid(*p))
            .unwrap_or(Term::atom("undefined")))
    });
    r.add(":global", "registered_names", 0, |_, _| {
        Ok(Term::list(
            global_names().iter().map(|(n, _)| n.clone()).collect::<Vec<_>>(),
        ))
    });
    r.add(":global", "send", 2, |p, a| {
        let found = global_names().iter().find(|(n, _)| *n == a[0]).map(|(_, p)| *p);
        match found {
            Some(pid) if pid == p.pid() => {
                p.me.mailbox.push_self(a[1].clone());
                Ok(Term::Pid(pid))
            }
            Some(pid) => {
                runtime::send(pid, a[1].clone());
                Ok(Term::Pid(pid))
            }
            None => Err(Box::new(ex::Exc::Exit(
                pair(Term::atom("badarg"), pair(a[0].clone(), a[1].clone())),
                Box::default(),
            ))),
        }
    });
}
