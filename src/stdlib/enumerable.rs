//! `Enumerable` and `Collectable` for the builtin types: lists, maps, ranges,
//! `MapSet`s and lazy streams.
//!
//! **Invariant:** every enumeration goes through [`each`] or [`fold`], which
//! push the elements one at a time into a consumer that may stop it; so
//! `Enum.take/2` on an infinite stream ends, and a long enumeration answers
//! Ctrl+C. The two differ only for a plain map of more than 32 keys, which
//! Elixir walks in two directions (see `term::hamt`): [`each`] is
//! `Enumerable.reduce` (`:maps.to_list` order), [`fold`] is `Enum.reduce/3`
//! (`:maps.fold` order, the reverse), so each `Enum` function uses the one its
//! Elixir definition reaches.

use super::Registry;
use super::kernel::protocol_undefined;
use super::stream;
use crate::eval::exception::{self as ex, R};
use crate::eval::exec::Proc;
use crate::term::{Atom, MapT, Term, hamt};

/// Whether an enumeration should go on after an element.
pub type Go = bool;

/// The fields of a range: `(first, last, step)`.
pub fn range_parts(t: &Term) -> Option<(i64, i64, i64)> {
    if t.struct_name() != Some(Atom::ELIXIR_RANGE) {
        return None;
    }
    let get = |k: Atom| t.map_get(k).and_then(Term::as_int);
    Some((get(Atom::FIRST)?, get(Atom::LAST)?, get(Atom::STEP)?))
}

/// About how many elements `each` will give (a range's or a list's length,
/// at most 2^24), for sizing the vector a result is collected in.
pub fn size_hint(t: &Term) -> usize {
    const MOST: usize = 1 << 24;
    match t {
        Term::Cons(_) => t.iter_list().take(MOST).count(),
        _ => match range_parts(t) {
            Some((first, last, step)) => range_len(first, last, step).clamp(0, MOST as i64) as usize,
            None => 0,
        },
    }
}

/// How many elements a range has.
pub fn range_len(first: i64, last: i64, step: i64) -> i64 {
    if (step > 0 && first > last) || (step < 0 && first < last) {
        0
    } else {
        ((last as i128 - first as i128) / step as i128 + 1) as i64
    }
}

/// The elements of a `MapSet`, if `t` is one.
pub fn mapset_items(t: &Term) -> Option<Vec<Term>> {
    if t.struct_name() != Some(Atom::new("Elixir.MapSet")) {
        return None;
    }
    Some(
        hamt::entries(t.map_get(Atom::new("map"))?.as_map()?)
            .map(|(k, _)| k.clone())
            .collect(),
    )
}

/// Pushes the elements of `t` into `f` until it returns `false` or they run
/// out, as `Enumerable.reduce` gives them.
pub fn each(p: &mut Proc, t: &Term, f: &mut dyn FnMut(&mut Proc, Term) -> R<Go>) -> R<()> {
    walk(p, t, false, f)
}

/// Like [`each`], in the order `Enum.reduce/3` visits the elements: a plain
/// map goes by `:maps.fold`.
pub fn fold(p: &mut Proc, t: &Term, f: &mut dyn FnMut(&mut Proc, Term) -> R<Go>) -> R<()> {
    walk(p, t, true, f)
}

fn walk(p: &mut Proc, t: &Term, folding: bool, f: &mut dyn FnMut(&mut Proc, Term) -> R<Go>) -> R<()> {
    match t {
        Term::EmptyList => Ok(()),
        Term::Cons(_) => {
            let mut it = t.iter_list();
            for x in it.by_ref() {
                if !f(p, x.clone())? {
                    return Ok(());
                }
            }
            if !matches!(it.tail(), Term::EmptyList) {
                return protocol_undefined("Enumerable", t);
            }
            Ok(())
        }
        Term::Map(m) => {
            if let Some((first, last, step)) = range_parts(t) {
                let n = range_len(first, last, step);
                let mut x = first;
                for i in 0..n {
                    if i % 4096 == 4095 {
                        p.check_interrupt()?;
                    }
                    if !f(p, Term::Int(x))? {
                        return Ok(());
                    }
                    x = x.wrapping_add(step);
                }
                return Ok(());
            }
            if let Some(items) = mapset_items(t) {
                for x in items {
                    if !f(p, x)? {
                        return Ok(());
                    }
                }
                return Ok(());
            }
            if t.struct_name() == Some(Atom::new("Elixir.Stream")) {
                return stream::run(p, t, f);
            }
            if super::io_read::is_io_stream(t) {
                while let Some(x) = super::io_read::stream_next(p, t)? {
                    if !f(p, x)? {
                        break;
                    }
                }
                return Ok(());
            }
            if t.struct_name().is_some() {
                if let Some(m) = user_impl(t) {
                    return crate::eval::protocol::reduce(p, m, t, f);
                }
                return protocol_undefined("Enumerable", t);
            }
            let pairs = if folding {
                hamt::fold_entries(m)
            } else {
                hamt::entries(m)
            };
            for (k, v) in pairs {
                if !f(p, Term::tuple(vec![k.clone(), v.clone()]))? {
                    return Ok(());
                }
            }
            Ok(())
        }
        _ => protocol_undefined("Enumerable", t),
    }
}

/// Whether `t` can be enumerated (without enumerating it).
pub fn is_enumerable(t: &Term) -> bool {
    match t {
        Term::EmptyList | Term::Cons(_) => true,
        Term::Map(_) => t.struct_name().is_none_or(|s| {
            s == Atom::ELIXIR_RANGE
                || s == Atom::new("Elixir.MapSet")
                || s == Atom::new("Elixir.Stream")
                || super::io_read::is_io_stream(t)
                || user_impl(t).is_some()
        }),
        _ => false,
    }
}

/// The user's `Enumerable` implementation for a struct, if there is one.
fn user_impl(t: &Term) -> Option<Atom> {
    crate::eval::protocol::struct_impl(Atom::alias("Enumerable"), t)
}

/// The elements of an enumerable, as [`each`] gives them (`Enum.to_list`).
pub fn to_vec(p: &mut Proc, t: &Term) -> R<Vec<Term>> {
    collect(p, t, false)
}

/// The elements of an enumerable, as [`fold`] gives them.
pub fn fold_vec(p: &mut Proc, t: &Term) -> R<Vec<Term>> {
    collect(p, t, true)
}

fn collect(p: &mut Proc, t: &Term, folding: bool) -> R<Vec<Term>> {
    if let Some(v) = t.list_to_vec() {
        return Ok(v);
    }
    let mut out = Vec::new();
    if let Some((first, last, step)) = range_parts(t) {
        out.reserve(range_len(first, last, step).clamp(0, 1 << 24) as usize);
    }
    walk(p, t, folding, &mut |_, x| {
        out.push(x);
        Ok(true)
    })?;
    Ok(out)
}

/// How many elements, without building them when the type knows its size.
pub fn count(p: &mut Proc, t: &Term) -> R<i64> {
    if let Some((first, last, step)) = range_parts(t) {
        return Ok(range_len(first, last, step));
    }
    if let Some(m) = user_impl(t)
        && let Some(n) = crate::eval::protocol::count(p, m, t)?
    {
        return Ok(n);
    }
    match t {
        Term::Map(m) if t.struct_name().is_none() => Ok(m.len() as i64),
        _ => {
            let mut n = 0;
            each(p, t, &mut |_, _| {
                n += 1;
                Ok(true)
            })?;
            Ok(n)
        }
    }
}

/// `Enum.into(items, collectable)`.
pub fn into(p: &mut Proc, items: Term, into: Term) -> R<Term> {
    if let Some(m) = crate::eval::protocol::struct_impl(Atom::alias("Collectable"), &into) {
        return crate::eval::protocol::collect_into(p, m, &items, &into);
    }
    if super::io_read::is_io_stream(&into) {
        return super::io_read::collect_into(p, &items, into);
    }
    if let Some(existing) = mapset_items(&into) {
        let mut set: MapT = existing.into_iter().map(|k| (k, Term::EmptyList)).collect();
        each(p, &items, &mut |_, x| {
            set.insert(x, Term::EmptyList);
            Ok(true)
        })?;
        return Ok(super::mapset::from_map(set));
    }
    match &into {
        Term::Map(m) if into.struct_name().is_none() => {
            let mut m: MapT = (**m).clone();
            let mut bad = None;
            each(p, &items, &mut |_, kv| {
                match kv.as_tuple() {
                    Some([k, v]) => {
                        m.insert(k.clone(), v.clone());
                    }
                    _ => {
                        bad = Some(kv);
                        return Ok(false);
                    }
                }
                Ok(true)
            })?;
            match bad {
                Some(kv) => ex::argument_error(format!(
                    "collecting into a map requires {{key, value}} tuples, got: {}",
                    crate::term::inspect::inspect_default(&kv)
                )),
                None => Ok(Term::map(m)),
            }
        }
        Term::Bin(_) | Term::Bits(_) => {
            let mut out = crate::term::bits::BitWriter::default();
            let mut chars = Vec::new();
            for x in std::iter::once(into.clone()).chain(to_vec(p, &items)?) {
                match x.as_bitstring() {
                    Some(v) => out.push_view(v),
                    None => {
                        chars.clear();
                        super::kernel::to_chars(&x, &mut chars)?;
                        out.push_bytes(&chars);
                    }
                }
            }
            Ok(out.into_term())
        }
        l if l.is_list() => {
            let mut v = l.list_to_vec().unwrap_or_default();
            v.extend(to_vec(p, &items)?);
            Ok(Term::list(v))
        }
        _ => protocol_undefined("Collectable", &into),
    }
}

pub fn register(r: &mut Registry) {
    r.add("Enum", "member?", 2, |p, a| {
        if let Some((f, l, s)) = range_parts(&a[0]) {
            return Ok(Term::bool(match a[1] {
                Term::Int(x) => (if s > 0 { f <= x && x <= l } else { l <= x && x <= f }) && (x - f) % s == 0,
                _ => false,
            }));
        }
        if let Some(Term::Map(set)) = a[0].map_get(Atom::new("map"))
            && a[0].struct_name() == Some(Atom::new("Elixir.MapSet"))
        {
            return Ok(Term::bool(set.contains_key(&a[1])));
        }
        if let Term::Map(m) = &a[0]
            && a[0].struct_name().is_none()
        {
            return Ok(Term::bool(match a[1].as_tuple() {
                Some([k, v]) => m.get(k).is_some_and(|x| x == v),
                _ => false,
            }));
        }
        if let Some(m) = user_impl(&a[0])
            && let Some(b) = crate::eval::protocol::member(p, m, &a[0], &a[1])?
        {
            return Ok(Term::bool(b));
        }
        let mut found = false;
        each(p, &a[0], &mut |_, x| {
            found = x == a[1];
            Ok(!found)
        })?;
        Ok(Term::bool(found))
    });
    // Deprecated: whether it is a range (of any step).
    r.add("Range", "range?", 1, |_, a| {
        Ok(Term::bool(range_parts(&a[0]).is_some()))
    });
    r.add("Range", "size", 1, |_, a| match range_parts(&a[0]) {
        Some((f, l, s)) => Ok(Term::Int(range_len(f, l, s))),
        None => ex::function_clause(Atom::new("Elixir.Range"), Atom::new("size"), std::mem::take(a)),
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
