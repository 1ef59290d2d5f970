//! `Enumerable`/`Collectable` for the builtin types, and the `Enum` functions.

use super::Registry;
use super::kernel::protocol_undefined;
use crate::eval::exception::{self as ex, R};
use crate::eval::exec::Proc;
use crate::term::{Atom, MapT, Term};

/// The elements of an enumerable: a list, a map (as `{k, v}` tuples) or a range.
pub fn to_vec(_p: &mut Proc, t: &Term) -> R<Vec<Term>> {
    if let Some(v) = t.list_to_vec() {
        return Ok(v);
    }
    match t {
        Term::Map(m) if t.struct_name() == Some(Atom::ELIXIR_RANGE) => {
            let get = |k: Atom| m.get(&Term::Atom(k)).and_then(Term::as_int).unwrap_or(0);
            let (first, last, step) = (get(Atom::FIRST), get(Atom::LAST), get(Atom::STEP));
            let mut out = Vec::new();
            let mut i = first;
            while (step > 0 && i <= last) || (step < 0 && i >= last) {
                out.push(Term::Int(i));
                i += step;
            }
            Ok(out)
        }
        Term::Map(m) if t.struct_name().is_none() => {
            Ok(m.iter().map(|(k, v)| Term::tuple(vec![k.clone(), v.clone()])).collect())
        }
        _ => protocol_undefined("Enumerable", t),
    }
}

/// `Enum.into(items, collectable)`.
pub fn into(p: &mut Proc, items: Term, into: Term) -> R<Term> {
    let items = to_vec(p, &items)?;
    match &into {
        Term::Map(m) if into.struct_name().is_none() => {
            let mut m: MapT = (**m).clone();
            for kv in items {
                match kv.as_tuple() {
                    Some([k, v]) => {
                        m.insert(k.clone(), v.clone());
                    }
                    _ => {
                        return ex::argument_error(format!(
                            "collecting into a map requires {{key, value}} tuples, got: {}",
                            crate::term::inspect::inspect_default(&kv)
                        ));
                    }
                }
            }
            Ok(Term::map(m))
        }
        Term::Bin(b) => {
            let mut out = b.to_vec();
            for x in items {
                super::kernel::to_chars(&x, &mut out)?;
            }
            Ok(Term::bytes(&out))
        }
        l if l.is_list() => {
            let mut v = l.list_to_vec().unwrap_or_default();
            v.extend(items);
            Ok(Term::list(v))
        }
        _ => protocol_undefined("Collectable", &into),
    }
}

pub fn register(r: &mut Registry) {
    r.add("Enum", "member?", 2, |p, a| {
        if let Term::Map(m) = &a[0]
            && a[0].struct_name() == Some(Atom::ELIXIR_RANGE)
        {
            let get = |k: Atom| m.get(&Term::Atom(k)).and_then(Term::as_int).unwrap_or(0);
            let (f, l, s) = (get(Atom::FIRST), get(Atom::LAST), get(Atom::STEP));
            return Ok(Term::bool(match a[1] {
                Term::Int(x) => (if s > 0 { f <= x && x <= l } else { l <= x && x <= f }) && (x - f) % s == 0,
                _ => false,
            }));
        }
        let items = to_vec(p, &a[0])?;
        Ok(Term::bool(items.iter().any(|x| *x == a[1])))
    });
    r.add("Enum", "into", 2, |p, a| into(p, a[0].clone(), a[1].clone()));
    r.add("Enum", "to_list", 1, |p, a| Ok(Term::list(to_vec(p, &a[0])?)));
    r.add("Enum", "map", 2, |p, a| {
        let items = to_vec(p, &a[0])?;
        let mut out = Vec::with_capacity(items.len());
        for x in items {
            out.push(p.apply(&a[1], vec![x])?);
        }
        Ok(Term::list(out))
    });
    r.add("Enum", "each", 2, |p, a| {
        for x in to_vec(p, &a[0])? {
            p.apply(&a[1], vec![x])?;
        }
        Ok(Term::OK)
    });
    r.add("Enum", "reverse", 1, |p, a| {
        let mut v = to_vec(p, &a[0])?;
        v.reverse();
        Ok(Term::list(v))
    });
    r.add("Access", "get", 2, |_, a| match &a[0] {
        Term::Map(m) => Ok(m.get(&a[1]).cloned().unwrap_or(Term::NIL)),
        Term::Atom(Atom::NIL) => Ok(Term::NIL),
        l if l.is_list() => {
            for kv in l.iter_list() {
                if let Some([k, v]) = kv.as_tuple()
                    && *k == a[1]
                {
                    return Ok(v.clone());
                }
            }
            Ok(Term::NIL)
        }
        _ => ex::badarg(),
    });
    r.add("String", "to_charlist", 1, |_, a| match a[0].as_str() {
        Some(s) => Ok(Term::charlist(s)),
        None => ex::badarg(),
    });
    r.add("String", "__words__", 2, |_, a| {
        let s = a[0].as_str().unwrap_or_default();
        let kind = a[1].as_atom().map(|k| k.name().to_string()).unwrap_or_default();
        Ok(Term::list(
            s.split_whitespace()
                .map(|w| match kind.as_str() {
                    "atoms" => Term::atom(w),
                    "charlists" => Term::charlist(w),
                    _ => Term::str(w),
                })
                .collect::<Vec<_>>(),
        ))
    });
}
