//! The `Keyword` module: lists of `{atom, value}` pairs, duplicates allowed,
//! the first occurrence of a key winning on lookup.

use super::Registry;
use crate::eval::exception::{self as ex, R};
use crate::eval::exec::Proc;
use crate::term::{Atom, Term};

fn no_clause<T>(name: &str, args: &[Term]) -> R<T> {
    ex::function_clause(Atom::new("Elixir.Keyword"), Atom::new(name), args.to_vec())
}

/// The pairs of a keyword list; `FunctionClauseError` of `name` when `t` is not a list.
fn pairs(t: &Term, name: &str, args: &[Term]) -> R<Vec<(Term, Term)>> {
    let Some(items) = t.list_to_vec() else {
        return no_clause(name, args);
    };
    let mut out = Vec::with_capacity(items.len());
    for i in items {
        match i.as_tuple() {
            Some([k, v]) => out.push((k.clone(), v.clone())),
            _ => return no_clause(name, args),
        }
    }
    Ok(out)
}

fn build(pairs: impl IntoIterator<Item = (Term, Term)>) -> Term {
    Term::list(
        pairs
            .into_iter()
            .map(|(k, v)| Term::tuple(vec![k, v]))
            .collect::<Vec<_>>(),
    )
}

fn first(t: &Term, key: &Term) -> Option<Term> {
    t.iter_list().find_map(|i| match i.as_tuple() {
        Some([k, v]) if k == key => Some(v.clone()),
        _ => None,
    })
}

fn get(a: &[Term], default: Term) -> R<Term> {
    if !a[0].is_list() || a[1].as_atom().is_none() {
        return no_clause("get", &[a[0].clone(), a[1].clone(), default]);
    }
    Ok(first(&a[0], &a[1]).unwrap_or(default))
}

fn is_keyword(t: &Term) -> bool {
    t.list_to_vec()
        .is_some_and(|v| v.iter().all(|i| matches!(i.as_tuple(), Some([Term::Atom(_), _]))))
}

fn put(a: &[Term], name: &str) -> R<Term> {
    let ps = pairs(&a[0], name, a)?;
    let mut out = vec![(a[1].clone(), a[2].clone())];
    out.extend(ps.into_iter().filter(|(k, _)| *k != a[1]));
    Ok(build(out))
}

fn update(p: &mut Proc, a: &[Term], default: Option<&Term>, f: &Term) -> R<Term> {
    let name = if default.is_some() { "update" } else { "update!" };
    let ps = pairs(&a[0], name, a)?;
    let mut out = Vec::with_capacity(ps.len() + 1);
    let mut done = false;
    for (k, v) in ps {
        if k == a[1] {
            if !done {
                out.push((k, p.apply(f, vec![v])?));
                done = true;
            }
        } else {
            out.push((k, v));
        }
    }
    if !done {
        match default {
            Some(d) => out.push((a[1].clone(), d.clone())),
            None => {
                let e = ex::badkey(a[1].clone(), a[0].clone());
                return ex::in_elixir(e, "Keyword", "update!", 4, "lib/keyword.ex", 1115);
            }
        }
    }
    Ok(build(out))
}

/// `Keyword.filter/2` (`keep`) and `reject/2`.
fn filter(p: &mut Proc, a: &[Term], name: &str, keep: bool) -> R<Term> {
    let Some(items) = a[0].list_to_vec() else {
        return no_clause(name, a);
    };
    let mut out = Vec::new();
    for i in items {
        if p.callback(&a[1], [i.clone()])?.is_truthy() == keep {
            out.push(i);
        }
    }
    Ok(Term::list(out))
}

/// `Keyword.replace/3` and `replace!/3`: the first entry of the key gets the
/// value in place, later ones go.
fn replace(a: &[Term], name: &str) -> R<Term> {
    let ps = pairs(&a[0], name, a)?;
    if a[1].as_atom().is_none() {
        return no_clause(name, a);
    }
    if !ps.iter().any(|(k, _)| *k == a[1]) {
        return if name == "replace!" {
            ex::in_elixir(
                ex::badkey(a[1].clone(), a[0].clone()),
                "Keyword",
                "replace!",
                4,
                "lib/keyword.ex",
                889,
            )
        } else {
            Ok(a[0].clone())
        };
    }
    let mut done = false;
    let mut out = Vec::with_capacity(ps.len());
    for (k, v) in ps {
        if k != a[1] {
            out.push((k, v));
        } else if !done {
            out.push((k, a[2].clone()));
            done = true;
        }
    }
    Ok(build(out))
}

/// `Keyword.validate/2`: the entries of `kw` whose keys `values` allows
/// (each once), with the defaults of those missing, or the keys it does
/// not allow, walked as Elixir walks them (which decides the orders).
fn validate(kw: &Term, values: &Term) -> R<Result<Term, Vec<Term>>> {
    // Finds `key` (or `{key, _}`) in `from`; the entries passed over go on
    // the front of `other`. The rest and the new `other`.
    fn find(key: &Term, from: &[Term], other: &[Term]) -> Option<(Vec<Term>, Vec<Term>)> {
        let at = from
            .iter()
            .position(|v| v == key || matches!(v.as_tuple(), Some([k, _]) if k == key))?;
        let mut acc: Vec<Term> = from[..at].iter().rev().cloned().collect();
        acc.extend(other.iter().cloned());
        Some((from[at + 1..].to_vec(), acc))
    }
    fn move_pairs(values: &[Term], mut acc: Vec<Term>) -> R<Vec<Term>> {
        for v in values {
            match v {
                Term::Atom(_) => {}
                _ if matches!(v.as_tuple(), Some([Term::Atom(_), _])) => acc.insert(0, v.clone()),
                _ => {
                    return ex::argument_error(format!(
                        "expected the second argument to be a list of atoms or tuples, got: {}",
                        crate::term::inspect::inspect_default(v)
                    ));
                }
            }
        }
        Ok(acc)
    }
    let (mut values1, mut values2) = (values.list_to_vec().unwrap_or_default(), Vec::new());
    let (mut acc, mut bad): (Vec<Term>, Vec<Term>) = (Vec::new(), Vec::new());
    let mut it = kw.iter_list();
    for pair in it.by_ref() {
        let key = match pair.as_tuple() {
            Some([k @ Term::Atom(_), _]) => k,
            _ if bad.is_empty() => {
                return ex::argument_error(format!(
                    "expected a keyword list as first argument, got invalid entry: {}",
                    crate::term::inspect::inspect_default(pair)
                ));
            }
            _ => {
                let args = vec![
                    Term::list_with_tail(Vec::new(), pair.clone()),
                    Term::list(values1),
                    Term::list(values2),
                    Term::list(acc),
                    Term::list(bad),
                ];
                return no_clause("validate", &args);
            }
        };
        if let Some((v1, v2)) = find(key, &values1, &values2) {
            (values1, values2) = (v1, v2);
        } else if let Some((v1, v2)) = find(key, &values2, &values1) {
            (values1, values2) = (v1, v2);
        } else {
            bad.insert(0, key.clone());
            continue;
        }
        acc.insert(0, pair.clone());
    }
    if !bad.is_empty() {
        return Ok(Err(bad));
    }
    let acc = move_pairs(&values2, acc)?;
    Ok(Ok(Term::list(move_pairs(&values1, acc)?)))
}

/// `Keyword.get_and_update/3` (`strict`: `get_and_update!/3`, which raises
/// `KeyError` for a missing key and drops the key's later entries).
fn get_and_update(p: &mut Proc, a: &[Term], strict: bool) -> R<Term> {
    let name = if strict { "get_and_update!" } else { "get_and_update" };
    if !strict && (!a[0].is_list() || a[1].as_atom().is_none()) {
        return no_clause(name, a);
    }
    let items = a[0].list_to_vec().unwrap_or_default();
    let bad = |other: &Term| {
        ex::runtime_error::<Term>(format!(
            "the given function must return a two-element tuple or :pop, got: {}",
            crate::term::inspect::inspect_default(other)
        ))
    };
    let pop = |r: &Term| r.as_atom().is_some_and(|x| &*x.name() == "pop");
    for (i, item) in items.iter().enumerate() {
        let Some([k, current]) = item.as_tuple() else {
            return no_clause(name, a);
        };
        if *k != a[1] {
            continue;
        }
        let r = p.callback(&a[2], [current.clone()])?;
        let rest = items[i + 1..].iter().cloned();
        let mut out: Vec<Term> = items[..i].to_vec();
        return match r.as_tuple() {
            Some([get, value]) => {
                out.push(Term::tuple(vec![k.clone(), value.clone()]));
                match strict {
                    true => out.extend(rest.filter(|e| !matches!(e.as_tuple(), Some([k2, _]) if *k2 == a[1]))),
                    false => out.extend(rest),
                }
                Ok(Term::tuple(vec![get.clone(), Term::list(out)]))
            }
            _ if pop(&r) => {
                out.extend(rest);
                Ok(Term::tuple(vec![current.clone(), Term::list(out)]))
            }
            _ => bad(&r),
        };
    }
    if strict {
        if a[1].as_atom().is_none() {
            return no_clause(name, a);
        }
        // Elixir reports the entries it passed over, in the order it gathered them.
        let seen: Vec<Term> = items.into_iter().rev().collect();
        let e = ex::badkey(a[1].clone(), Term::list(seen));
        return ex::in_elixir(e, "Keyword", "get_and_update!", 4, "lib/keyword.ex", 554);
    }
    let r = p.callback(&a[2], [Term::NIL])?;
    match r.as_tuple() {
        Some([get, update]) => {
            let mut out = vec![Term::tuple(vec![a[1].clone(), update.clone()])];
            out.extend(items);
            Ok(Term::tuple(vec![get.clone(), Term::list(out)]))
        }
        _ if pop(&r) => Ok(Term::tuple(vec![Term::NIL, Term::list(items)])),
        _ => bad(&r),
    }
}

pub fn register(r: &mut Registry) {
    r.add("Keyword", "validate", 2, |_, a| {
        if !a[0].is_list() || !a[1].is_list() {
            return no_clause("validate", a);
        }
        Ok(match validate(&a[0], &a[1])? {
            Ok(kw) => Term::tuple(vec![Term::OK, kw]),
            Err(bad) => Term::tuple(vec![Term::Atom(Atom::ERROR), Term::list(bad)]),
        })
    });
    r.add("Keyword", "validate!", 2, |_, a| {
        if !a[0].is_list() || !a[1].is_list() {
            return no_clause("validate", a);
        }
        let bad = match validate(&a[0], &a[1])? {
            Ok(kw) => return Ok(kw),
            Err(bad) => bad,
        };
        let mut keys = Vec::new();
        for v in a[1].iter_list() {
            keys.push(match v {
                Term::Atom(_) => v.clone(),
                _ => match v.as_tuple() {
                    Some([k, ..]) => k.clone(),
                    _ => return ex::badarg_at(2, "not a tuple"),
                },
            });
        }
        let (known, unknown): (Vec<Term>, Vec<Term>) = bad.into_iter().partition(|k| keys.contains(k));
        let show = |v: Vec<Term>| crate::term::inspect::inspect_default(&Term::list(v));
        let kw = crate::term::inspect::inspect_default(&a[0]);
        ex::argument_error(if !unknown.is_empty() {
            format!(
                "unknown keys {} in {kw}, the allowed keys are: {}",
                show(unknown),
                show(keys)
            )
        } else {
            format!("duplicate keys {} in {kw}", show(known))
        })
    });
    r.add("Keyword", "get_and_update", 3, |p, a| get_and_update(p, a, false));
    r.add("Keyword", "get_and_update!", 3, |p, a| get_and_update(p, a, true));
    r.add("Keyword", "replace_lazy", 3, |p, a| {
        if !a[0].is_list() || a[1].as_atom().is_none() || !super::function::is_fun(&a[2], 1) {
            return no_clause("replace_lazy", a);
        }
        let ps = pairs(&a[0], "replace_lazy", a)?;
        let Some(at) = ps.iter().position(|(k, _)| *k == a[1]) else {
            return Ok(a[0].clone());
        };
        let mut out = ps[..at].to_vec();
        out.push((a[1].clone(), p.callback(&a[2], [ps[at].1.clone()])?));
        out.extend(ps[at + 1..].iter().filter(|(k, _)| *k != a[1]).cloned());
        Ok(build(out))
    });
    r.add("Keyword", "new", 2, |p, a| {
        if !super::function::is_fun(&a[1], 1) {
            return no_clause("new", a);
        }
        // Elixir puts each transformed pair, from the last, where its key is not yet.
        let mut items = super::enumerable::to_vec(p, &a[0])?;
        items.reverse();
        let mut out: Vec<Term> = Vec::new();
        for i in items {
            let kv = p.callback(&a[1], [i])?;
            let Some([k, v]) = kv.as_tuple() else {
                return ex::badmatch(kv);
            };
            if k.as_atom().is_none() {
                let args = [Term::list(out), k.clone(), v.clone()];
                return no_clause("put_new", &args);
            }
            if !out.iter().any(|e| matches!(e.as_tuple(), Some([k2, _]) if k2 == k)) {
                out.insert(0, kv.clone());
            }
        }
        Ok(Term::list(out))
    });
    // The deprecated ones.
    r.add("Keyword", "delete", 3, |_, a| {
        if !a[0].is_list() || a[1].as_atom().is_none() {
            return no_clause("delete", a);
        }
        if !a[0]
            .iter_list()
            .any(|e| matches!(e.as_tuple(), Some([k, ..]) if *k == a[1]))
        {
            return Ok(a[0].clone());
        }
        let ps = pairs(&a[0], "delete", a)?;
        Ok(build(ps.into_iter().filter(|(k, v)| !(*k == a[1] && *v == a[2]))))
    });
    r.add("Keyword", "map", 2, |p, a| {
        let ps = pairs(&a[0], "map", a)?;
        let mut out = Vec::with_capacity(ps.len());
        for (k, v) in ps {
            let pair = Term::tuple(vec![k.clone(), v]);
            out.push((k, p.callback(&a[1], [pair])?));
        }
        Ok(build(out))
    });
    if let Some(length) = r.get("Kernel", "length", 1) {
        r.add("Keyword", "size", 1, length);
    }
    r.add("Keyword", "get", 2, |_, a| get(a, Term::NIL));
    r.add("Keyword", "get", 3, |_, a| get(&a[..2], a[2].clone()));
    r.add("Keyword", "get_lazy", 3, |p, a| match first(&a[0], &a[1]) {
        Some(v) => Ok(v),
        None => p.callback(&a[2], []),
    });
    r.add("Keyword", "fetch", 2, |_, a| {
        pairs(&a[0], "fetch", a)?;
        Ok(match first(&a[0], &a[1]) {
            Some(v) => Term::tuple(vec![Term::OK, v]),
            None => Term::Atom(Atom::ERROR),
        })
    });
    r.add("Keyword", "fetch!", 2, |_, a| {
        pairs(&a[0], "fetch!", a)?;
        match first(&a[0], &a[1]) {
            Some(v) => Ok(v),
            None => ex::in_elixir(
                ex::badkey(a[1].clone(), a[0].clone()),
                "Keyword",
                "fetch!",
                2,
                "lib/keyword.ex",
                595,
            ),
        }
    });
    r.add("Keyword", "get_values", 2, |_, a| {
        let ps = pairs(&a[0], "get_values", a)?;
        Ok(Term::list(
            ps.into_iter()
                .filter(|(k, _)| *k == a[1])
                .map(|(_, v)| v)
                .collect::<Vec<_>>(),
        ))
    });
    r.add("Keyword", "has_key?", 2, |_, a| {
        let ps = pairs(&a[0], "has_key?", a)?;
        Ok(Term::bool(ps.iter().any(|(k, _)| *k == a[1])))
    });
    r.add("Keyword", "keys", 1, |_, a| {
        let ps = pairs(&a[0], "keys", a)?;
        Ok(Term::list(ps.into_iter().map(|(k, _)| k).collect::<Vec<_>>()))
    });
    r.add("Keyword", "values", 1, |_, a| {
        let ps = pairs(&a[0], "values", a)?;
        Ok(Term::list(ps.into_iter().map(|(_, v)| v).collect::<Vec<_>>()))
    });
    r.add("Keyword", "put", 3, |_, a| put(a, "put"));
    r.add("Keyword", "put_new", 3, |_, a| {
        let ps = pairs(&a[0], "put_new", a)?;
        if ps.iter().any(|(k, _)| *k == a[1]) {
            return Ok(a[0].clone());
        }
        put(a, "put_new")
    });
    r.add("Keyword", "delete", 2, |_, a| {
        let ps = pairs(&a[0], "delete", a)?;
        Ok(build(ps.into_iter().filter(|(k, _)| *k != a[1])))
    });
    r.add("Keyword", "delete_first", 2, |_, a| {
        let ps = pairs(&a[0], "delete_first", a)?;
        let mut gone = false;
        Ok(build(ps.into_iter().filter(|(k, _)| {
            let drop = !gone && *k == a[1];
            gone |= drop;
            !drop
        })))
    });
    r.add("Keyword", "merge", 2, |_, a| {
        let (x, y) = (pairs(&a[0], "merge", a)?, pairs(&a[1], "merge", a)?);
        let mut out: Vec<(Term, Term)> = x
            .into_iter()
            .filter(|(k, _)| !y.iter().any(|(k2, _)| k2 == k))
            .collect();
        out.extend(y);
        Ok(build(out))
    });
    r.add("Keyword", "merge", 3, |p, a| {
        let (x, y) = (pairs(&a[0], "merge", a)?, pairs(&a[1], "merge", a)?);
        let mut out = x;
        for (k, v2) in y {
            match out.iter().position(|(k1, _)| *k1 == k) {
                Some(i) => {
                    let v1 = out[i].1.clone();
                    let v = p.callback(&a[2], [k.clone(), v1, v2])?;
                    out.retain(|(k1, _)| *k1 != k);
                    out.push((k, v));
                }
                None => out.push((k, v2)),
            }
        }
        Ok(build(out))
    });
    r.add("Keyword", "take", 2, |_, a| {
        let ps = pairs(&a[0], "take", a)?;
        let keys = a[1].list_to_vec().unwrap_or_default();
        Ok(build(ps.into_iter().filter(|(k, _)| keys.contains(k))))
    });
    r.add("Keyword", "drop", 2, |_, a| {
        let ps = pairs(&a[0], "drop", a)?;
        let keys = a[1].list_to_vec().unwrap_or_default();
        Ok(build(ps.into_iter().filter(|(k, _)| !keys.contains(k))))
    });
    r.add("Keyword", "pop", 2, |_, a| {
        let ps = pairs(&a[0], "pop", a)?;
        let v = first(&a[0], &a[1]).unwrap_or(Term::NIL);
        Ok(Term::tuple(vec![v, build(ps.into_iter().filter(|(k, _)| *k != a[1]))]))
    });
    r.add("Keyword", "pop", 3, |_, a| {
        let ps = pairs(&a[0], "pop", a)?;
        let v = first(&a[0], &a[1]).unwrap_or_else(|| a[2].clone());
        Ok(Term::tuple(vec![v, build(ps.into_iter().filter(|(k, _)| *k != a[1]))]))
    });
    r.add("Keyword", "update", 4, |p, a| update(p, &a[..2], Some(&a[2]), &a[3]));
    r.add("Keyword", "update!", 3, |p, a| update(p, &a[..2], None, &a[2]));
    r.add("Keyword", "new", 0, |_, _| Ok(Term::EmptyList));
    r.add("Keyword", "new", 1, |p, a| {
        // Elixir folds over `Enum.reverse(pairs)`, putting each pair first.
        let items = super::enumerable::fold_vec(p, &a[0])?;
        let mut out: Vec<(Term, Term)> = Vec::new();
        for i in items {
            match i.as_tuple() {
                Some([k @ Term::Atom(_), v]) => {
                    out.retain(|(k1, _)| k1 != k);
                    out.push((k.clone(), v.clone()));
                }
                _ => return no_clause("new", a),
            }
        }
        Ok(build(out))
    });
    r.add("Keyword", "filter", 2, |p, a| filter(p, a, "filter", true));
    r.add("Keyword", "reject", 2, |p, a| filter(p, a, "reject", false));
    r.add("Keyword", "replace", 3, |_, a| replace(a, "replace"));
    r.add("Keyword", "replace!", 3, |_, a| replace(a, "replace!"));
    r.add("Keyword", "pop!", 2, |_, a| {
        let ps = pairs(&a[0], "pop!", a)?;
        match first(&a[0], &a[1]) {
            Some(v) => Ok(Term::tuple(vec![v, build(ps.into_iter().filter(|(k, _)| *k != a[1]))])),
            None => ex::in_elixir(
                ex::badkey(a[1].clone(), a[0].clone()),
                "Keyword",
                "pop!",
                2,
                "lib/keyword.ex",
                1279,
            ),
        }
    });
    r.add("Keyword", "pop_lazy", 3, |p, a| {
        let ps = pairs(&a[0], "pop_lazy", a)?;
        let v = match first(&a[0], &a[1]) {
            Some(v) => v,
            None => p.callback(&a[2], [])?,
        };
        Ok(Term::tuple(vec![v, build(ps.into_iter().filter(|(k, _)| *k != a[1]))]))
    });
    for arity in 2..=3 {
        r.add("Keyword", "pop_first", arity, |_, a| {
            let mut ps = pairs(&a[0], "pop_first", a)?;
            Ok(match ps.iter().position(|(k, _)| *k == a[1]) {
                Some(i) => {
                    let (_, v) = ps.remove(i);
                    Term::tuple(vec![v, build(ps)])
                }
                None => Term::tuple(vec![a.get(2).cloned().unwrap_or(Term::NIL), a[0].clone()]),
            })
        });
    }
    r.add("Keyword", "pop_values", 2, |_, a| {
        let ps = pairs(&a[0], "pop_values", a)?;
        let (taken, rest): (Vec<_>, Vec<_>) = ps.into_iter().partition(|(k, _)| *k == a[1]);
        Ok(Term::tuple(vec![
            Term::list(taken.into_iter().map(|(_, v)| v).collect::<Vec<_>>()),
            build(rest),
        ]))
    });
    r.add("Keyword", "put_new_lazy", 3, |p, a| {
        let ps = pairs(&a[0], "put_new_lazy", a)?;
        if ps.iter().any(|(k, _)| *k == a[1]) {
            return Ok(a[0].clone());
        }
        let v = p.callback(&a[2], [])?;
        Ok(Term::list_with_tail(
            vec![Term::tuple(vec![a[1].clone(), v])],
            a[0].clone(),
        ))
    });
    r.add("Keyword", "split", 2, |_, a| {
        let ps = pairs(&a[0], "split", a)?;
        let keys = a[1].list_to_vec().unwrap_or_default();
        let (taken, rest): (Vec<_>, Vec<_>) = ps.into_iter().partition(|(k, _)| keys.contains(k));
        Ok(Term::tuple(vec![build(taken), build(rest)]))
    });
    r.add("Keyword", "from_keys", 2, |_, a| match a[0].list_to_vec() {
        Some(keys) => Ok(build(keys.into_iter().map(|k| (k, a[1].clone())))),
        None => no_clause("from_keys", a),
    });
    r.add("Keyword", "equal?", 2, |_, a| {
        let (Some(mut x), Some(mut y)) = (a[0].list_to_vec(), a[1].list_to_vec()) else {
            return no_clause("equal?", a);
        };
        x.sort();
        y.sort();
        Ok(Term::bool(x == y))
    });
    r.add("Keyword", "keyword?", 1, |_, a| Ok(Term::bool(is_keyword(&a[0]))));
    r.add("Keyword", "to_list", 1, |_, a| Ok(a[0].clone()));
}
