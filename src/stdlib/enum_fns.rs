//! The `Enum` module: eager functions over any enumerable (see `enumerable.rs`).
//!
//! Errors are Elixir's: `Protocol.UndefinedError` for a value that is not
//! enumerable, `Enum.EmptyError`, `Enum.OutOfBoundsError`, and
//! `FunctionClauseError` for arguments of the wrong kind. Sorting with a
//! user's function never panics, whatever order the function describes.
//!
//! A function walks its enumerable with `each`/`to_vec` where Elixir's
//! reaches `Enumerable.reduce`, `Enumerable.slice` or `Enum.to_list`, and
//! with `fold`/`fold_vec` where it reaches `Enum.reduce/3`: the two differ in
//! the order of a map of more than 32 keys.

use std::cmp::Ordering;

use super::Registry;
use super::enumerable::{count, each, fold, fold_vec, into, range_len, range_parts, to_vec};
use super::function::is_fun;
use super::kernel::{op2, to_chars};
use crate::eval::exception::{self as ex, R};
use crate::eval::exec::Proc;
use crate::eval::ir::Op2;
use crate::term::order::compare;
use crate::term::{Atom, MapT, Term};

fn enum_mod() -> Atom {
    Atom::new("Elixir.Enum")
}

fn no_clause<T>(name: &str, args: &[Term]) -> R<T> {
    ex::function_clause(enum_mod(), Atom::new(name), args.to_vec())
}

fn empty_error<T>() -> R<T> {
    ex::with_message("Enum.EmptyError", "empty error")
}

/// An `Enum.EmptyError` the builtin raised itself gains the frame of the
/// Elixir function (or of the default `empty_fallback` closure, named
/// `-max/1-fun-0-`) whose `raise Enum.EmptyError` raises it in Elixir.
fn empty_frame<T>(r: R<T>, name: &str, arity: usize, line: u32) -> R<T> {
    match &r {
        Err(e) if matches!(&**e, ex::Exc::Error(t, _) if ex::exception_name(t) == "Enum.EmptyError") => {
            raised_in_enum(r, name, arity, line)
        }
        _ => r,
    }
}

/// The frame of Enum's `raise Alias` (which names `Exception` as the
/// module explaining the error) under an error the builtin raised itself.
fn raised_in_enum<T>(r: R<T>, name: &str, arity: usize, line: u32) -> R<T> {
    let fresh = matches!(&r, Err(e) if matches!(&**e, ex::Exc::Error(_, st) if st.entries.is_empty()));
    let mut r = ex::in_elixir(r, "Enum", name, arity, "lib/enum.ex", line);
    if fresh
        && let Err(e) = &mut r
        && let Some(st) = e.stack_mut()
    {
        st.error_info = true;
    }
    r
}

fn out_of_bounds<T>() -> R<T> {
    ex::with_message("Enum.OutOfBoundsError", "out of bounds error")
}

fn call1(p: &mut Proc, f: &Term, x: Term) -> R<Term> {
    p.callback(f, [x])
}

fn test1(p: &mut Proc, f: &Term, x: &Term) -> R<bool> {
    p.callback_test(f, x)
}

fn call2(p: &mut Proc, f: &Term, x: Term, y: Term) -> R<Term> {
    p.callback(f, [x, y])
}

fn int_arg(t: &Term, name: &str, args: &[Term]) -> R<i64> {
    match t {
        Term::Int(n) => Ok(*n),
        _ => no_clause(name, args),
    }
}

/// A stable merge sort whose comparison may fail; `before(a, b)` says `a` may come first.
pub fn sort_by_fn(
    p: &mut Proc,
    mut v: Vec<Term>,
    before: &mut dyn FnMut(&mut Proc, &Term, &Term) -> R<bool>,
) -> R<Vec<Term>> {
    if v.len() < 2 {
        return Ok(v);
    }
    let right = v.split_off(v.len() / 2);
    let left = sort_by_fn(p, v, before)?;
    let right = sort_by_fn(p, right, before)?;
    let mut out = Vec::with_capacity(left.len() + right.len());
    let (mut l, mut r) = (left.into_iter().peekable(), right.into_iter().peekable());
    while let (Some(a), Some(b)) = (l.peek(), r.peek()) {
        if before(p, a, b)? {
            out.extend(l.next());
        } else {
            out.extend(r.next());
        }
    }
    out.extend(l);
    out.extend(r);
    Ok(out)
}

/// `:asc`, `:desc`, a two-argument function, a module or `{:asc | :desc,
/// module}`, as `Enum.sort/2` takes it.
/// Says whether its first argument may come before its second.
type Before = Box<dyn FnMut(&mut Proc, &Term, &Term) -> R<bool>>;

fn sorter(how: &Term, name: &str, args: &[Term]) -> R<Before> {
    let how = how.clone();
    match &how {
        Term::Atom(a) if &*a.name() == "asc" => Ok(Box::new(|_, a, b| Ok(compare(a, b) != Ordering::Greater))),
        Term::Atom(a) if &*a.name() == "desc" => Ok(Box::new(|_, a, b| Ok(compare(a, b) != Ordering::Less))),
        Term::Fun(f) if f.arity() == 2 => Ok(Box::new(move |p, a, b| {
            Ok(p.callback(&how, [a.clone(), b.clone()])?.is_truthy())
        })),
        Term::Atom(m) => Ok(module_sorter(*m, "gt")),
        Term::Tuple(t) => match &t[..] {
            [Term::Atom(dir), Term::Atom(m)] if &*dir.name() == "asc" => Ok(module_sorter(*m, "gt")),
            [Term::Atom(dir), Term::Atom(m)] if &*dir.name() == "desc" => Ok(module_sorter(*m, "lt")),
            _ => no_clause(name, args),
        },
        _ => no_clause(name, args),
    }
}

/// A module as a sorter (`Date`, `{:desc, Date}`): `a` may come first
/// unless `module.compare(a, b)` answers `lose`, as Elixir's `to_sort_fun/1`.
fn module_sorter(module: Atom, lose: &str) -> Before {
    let compare = Term::Fun(std::sync::Arc::new(crate::term::Fun::External {
        module,
        name: Atom::new("compare"),
        arity: 2,
    }));
    let lose = Term::atom(lose);
    Box::new(move |p, a, b| Ok(p.apply(&compare, vec![a.clone(), b.clone()])? != lose))
}

/// The index range `Enum.slice/2` takes (a positive step), resolved
/// against a length as Elixir 1.14's `slice_range/4` does: a negative first
/// index counts from the end and stops at the first element.
fn slice_bounds(first: i64, last: i64, step: i64, len: i64) -> Option<(i64, i64, i64)> {
    let f = if first < 0 { (first + len).max(0) } else { first };
    let l = if last < 0 { last + len } else { last };
    if f >= len || step <= 0 || l < f {
        return None;
    }
    Some((f, l.min(len - 1), step))
}

fn take_vec(v: Vec<Term>, n: i64) -> Vec<Term> {
    if n >= 0 {
        v.into_iter().take(n as usize).collect()
    } else {
        let skip = (v.len() as i64 + n).max(0) as usize;
        v.into_iter().skip(skip).collect()
    }
}

fn drop_vec(v: Vec<Term>, n: i64) -> Vec<Term> {
    if n >= 0 {
        v.into_iter().skip(n as usize).collect()
    } else {
        let keep = (v.len() as i64 + n).max(0) as usize;
        v.into_iter().take(keep).collect()
    }
}

fn at_index(p: &mut Proc, t: &Term, i: i64) -> R<Option<Term>> {
    if let Some((f, l, s)) = range_parts(t) {
        let n = range_len(f, l, s);
        let i = if i < 0 { i + n } else { i };
        return Ok((0..n).contains(&i).then(|| Term::Int(f + i * s)));
    }
    if i >= 0 {
        let mut k = 0;
        let mut found = None;
        each(p, t, &mut |_, x| {
            if k == i {
                found = Some(x);
                return Ok(false);
            }
            k += 1;
            Ok(true)
        })?;
        return Ok(found);
    }
    let v = to_vec(p, t)?;
    let j = v.len() as i64 + i;
    Ok(if j >= 0 { v.into_iter().nth(j as usize) } else { None })
}

/// `Enum.count_until/2,3`: the elements (that `filter` accepts), counting
/// no further than `limit`.
fn count_until(p: &mut Proc, a: &[Term], limit: &Term, filter: Option<&Term>) -> R<Term> {
    let limit = match limit {
        Term::Int(n) if *n > 0 => *n,
        _ => return no_clause("count_until", a),
    };
    let mut n = 0;
    each(p, &a[0], &mut |p, x| {
        if filter.map_or(Ok(true), |f| test1(p, f, &x))? {
            n += 1;
        }
        Ok(n < limit)
    })?;
    Ok(Term::Int(n))
}

/// `Enum.map_reduce/3`, or with `flat` `Enum.flat_map_reduce/3` (whose
/// function gives lists, or `{:halt, acc}` to stop; it walks the enumerable
/// as `Enumerable.reduce/3` does, `map_reduce` as `Enum.reduce/3` does).
fn map_reduce(p: &mut Proc, a: &[Term], flat: bool) -> R<Term> {
    let mut acc = a[1].clone();
    let mut out = Vec::new();
    let mut step = |p: &mut Proc, x: Term| {
        let r = p.callback(&a[2], [x, std::mem::replace(&mut acc, Term::NIL)])?;
        match r.as_tuple() {
            Some([Term::Atom(h), next]) if flat && &*h.name() == "halt" => {
                acc = next.clone();
                Ok(false)
            }
            Some([y, next]) => {
                if flat {
                    out.extend(to_vec(p, y)?);
                } else {
                    out.push(y.clone());
                }
                acc = next.clone();
                Ok(true)
            }
            _ => ex::badmatch(r),
        }
    };
    if flat {
        each(p, &a[0], &mut step)?;
    } else {
        fold(p, &a[0], &mut step)?;
    }
    Ok(Term::tuple(vec![Term::list(out), acc]))
}

/// The elements of `a[0]`, each marked when it is every `a[1]`-th from the
/// first (none is when the count is 0), for `Enum.map_every/3` and
/// `Enum.drop_every/2`.
fn every_nth(p: &mut Proc, a: &[Term], name: &str) -> R<Vec<(bool, Term)>> {
    let nth = match &a[1] {
        Term::Int(n) if *n >= 0 => *n,
        _ => return no_clause(name, a),
    };
    let v = fold_vec(p, &a[0])?;
    Ok(v.into_iter()
        .enumerate()
        .map(|(i, x)| (nth != 0 && i as i64 % nth == 0, x))
        .collect())
}

fn chunk_every(p: &mut Proc, a: &[Term], count: i64, step: i64, leftover: Option<&Term>) -> R<Term> {
    if count <= 0 || step <= 0 {
        // Every arity reaches chunk_every/4, which checks them.
        let args = [
            a[0].clone(),
            Term::Int(count),
            Term::Int(step),
            leftover.cloned().unwrap_or(Term::EmptyList),
        ];
        return no_clause("chunk_every", &args);
    }
    let args = [
        Term::Int(count),
        Term::Int(step),
        leftover.cloned().unwrap_or(Term::EmptyList),
    ];
    super::stream::chunk_list(p, &a[0], "chunk_every", &args)
}

/// The arguments the deprecated `Enum.chunk/2,3,4` give `chunk_every/4`:
/// leftover elements are discarded unless a padding is given.
fn discard(a: &[Term], n: &Term, s: &Term, leftover: &Term) -> Vec<Term> {
    let leftover = if leftover.is_truthy() {
        leftover.clone()
    } else {
        Term::atom("discard")
    };
    vec![a[0].clone(), n.clone(), s.clone(), leftover]
}

/// `max`/`min` (and their `_by` forms): the first element whose key is greatest / least.
/// The element (or, with `key`, the element whose key) that `keep` keeps
/// against every later one: `keep(best, next)` says whether `best` stays.
/// An empty enumerable calls `fallback` (or raises `Enum.EmptyError`).
fn extreme(p: &mut Proc, t: &Term, key: Option<&Term>, keep: &mut Before, fallback: Option<&Term>) -> R<Term> {
    let mut best: Option<(Term, Term)> = None;
    fold(p, t, &mut |p, x| {
        let k = match key {
            Some(f) => call1(p, f, x.clone())?,
            None => x.clone(),
        };
        let better = match &best {
            None => true,
            Some((bk, _)) => !keep(p, bk, &k)?,
        };
        if better {
            best = Some((k, x));
        }
        Ok(true)
    })?;
    match (best, fallback) {
        (Some((_, x)), _) => Ok(x),
        (None, Some(f)) => p.apply(f, vec![]),
        (None, None) => empty_error(),
    }
}

fn is_empty(p: &mut Proc, t: &Term) -> R<bool> {
    let mut empty = true;
    each(p, t, &mut |_, _| {
        empty = false;
        Ok(false)
    })?;
    Ok(empty)
}

/// How `Enum.max`/`min` (and their `_by`s) keep the best so far: by term
/// order (`want` is the order a newer element must have to win), by a
/// two-argument sorter, or by a module's `compare/2`.
fn keeper(how: Option<&Term>, want: Ordering) -> Before {
    match how {
        Some(f @ Term::Fun(_)) => {
            let f = f.clone();
            Box::new(move |p, a, b| Ok(p.apply(&f, vec![a.clone(), b.clone()])?.is_truthy()))
        }
        Some(Term::Atom(m)) => module_sorter(*m, if want == Ordering::Greater { "lt" } else { "gt" }),
        _ => Box::new(move |_, a, b| Ok(compare(b, a) != want)),
    }
}

/// `Enum.max/2,3` and `min/2,3` (`by` is `None`), `max_by/3,4` and
/// `min_by/3,4`: the optional sorter (or module) and the empty fallback,
/// where a lone zero-arity function is the fallback.
fn extreme_with(p: &mut Proc, a: &[Term], by: Option<&Term>, want: Ordering) -> R<Term> {
    let rest = if by.is_some() { &a[2..] } else { &a[1..] };
    let is_fallback = |t: &Term| matches!(t, Term::Fun(f) if f.arity() == 0);
    let (how, fallback) = match rest {
        [f] if is_fallback(f) => (None, Some(f)),
        [how] => (Some(how), None),
        [how, f] => (Some(how), Some(f)),
        _ => (None, None),
    };
    extreme(p, &a[0], by, &mut keeper(how, want), fallback)
}

fn sum(p: &mut Proc, t: &Term, op: Op2, init: i64) -> R<Term> {
    if let (Some((f, l, s)), Op2::Add) = (range_parts(t), op) {
        let n = range_len(f, l, s) as i128;
        let total = n * f as i128 + s as i128 * n * (n - 1) / 2;
        if let Ok(v) = i64::try_from(total) {
            return Ok(Term::Int(v));
        }
    }
    let mut acc = Term::Int(init);
    // Elixir folds with `x + acc` (`:lists.foldl/3` over a list).
    let list = t.is_list();
    let r = fold(p, t, &mut |_, x| {
        let fast = match (&acc, &x, op) {
            (Term::Int(a), Term::Int(b), Op2::Add) => a.checked_add(*b),
            (Term::Int(a), Term::Int(b), Op2::Mul) => a.checked_mul(*b),
            _ => None,
        };
        acc = match fast {
            Some(v) => Term::Int(v),
            None => op2(op, &x, &acc)?,
        };
        Ok(true)
    });
    let name = if op == Op2::Mul {
        "-product/1-lists^foldl/2-0-"
    } else {
        "-sum/1-lists^foldl/2-0-"
    };
    match r {
        Err(_) if list => ex::beneath(r, "Enum", name, 2, "lib/enum.ex", 2468)?,
        r => r?,
    };
    Ok(acc)
}

fn join(p: &mut Proc, t: &Term, sep: &Term, f: Option<&Term>) -> R<Term> {
    let Some(sep) = sep.as_bin().map(<[u8]>::to_vec) else {
        return ex::badarg();
    };
    let mut out = Vec::new();
    let mut first = true;
    fold(p, t, &mut |p, x| {
        if !first {
            out.extend_from_slice(&sep);
        }
        first = false;
        let x = match f {
            Some(f) => call1(p, f, x)?,
            None => x,
        };
        to_chars(&x, &mut out)?;
        Ok(true)
    })?;
    Ok(Term::bytes(&out))
}

fn group_by(p: &mut Proc, t: &Term, key: &Term, value: Option<&Term>) -> R<Term> {
    let mut groups: MapT = MapT::new();
    // Elixir reduces over `Enum.reverse(t)`, prepending to each group.
    let items = fold_vec(p, t)?;
    for x in items.into_iter().rev() {
        let k = call1(p, key, x.clone())?;
        let v = match value {
            Some(f) => call1(p, f, x)?,
            None => x,
        };
        let tail = groups.get(&k).cloned().unwrap_or(Term::EmptyList);
        groups.insert(k, Term::cons(v, tail));
    }
    Ok(Term::map(groups))
}

fn uniq_by(p: &mut Proc, t: &Term, key: Option<&Term>) -> R<Term> {
    let mut seen = std::collections::BTreeSet::new();
    let mut out = Vec::new();
    fold(p, t, &mut |p, x| {
        let k = match key {
            Some(f) => call1(p, f, x.clone())?,
            None => x.clone(),
        };
        if seen.insert(k) {
            out.push(x);
        }
        Ok(true)
    })?;
    Ok(Term::list(out))
}

fn dedup_by(p: &mut Proc, t: &Term, key: Option<&Term>) -> R<Term> {
    let mut last: Option<Term> = None;
    let mut out = Vec::new();
    fold(p, t, &mut |p, x| {
        let k = match key {
            Some(f) => call1(p, f, x.clone())?,
            None => x.clone(),
        };
        if last.as_ref() != Some(&k) {
            out.push(x);
        }
        last = Some(k);
        Ok(true)
    })?;
    Ok(Term::list(out))
}

fn frequencies(p: &mut Proc, t: &Term, key: Option<&Term>) -> R<Term> {
    let mut m = MapT::new();
    fold(p, t, &mut |p, x| {
        let k = match key {
            Some(f) => call1(p, f, x)?,
            None => x,
        };
        let n = m.get(&k).and_then(Term::as_int).unwrap_or(0);
        m.insert(k, Term::Int(n + 1));
        Ok(true)
    })?;
    Ok(Term::map(m))
}

/// A reducer of zipped rows: the row and the accumulator in, the new one out.
type RowReducer<'a> = dyn FnMut(&mut Proc, Vec<Term>, Term) -> R<Term> + 'a;

/// `Enum.zip_reduce/3`'s walk: the enumerables in step, a list of one
/// element of each at a time, until one runs out (lazily: a stream is
/// pulled only as far as the zip goes).
fn zip_reduce(p: &mut Proc, sources: Vec<Term>, acc: Term, f: &mut RowReducer) -> R<Term> {
    let mut acc = acc;
    super::stream::zip_each(p, sources, &mut |p, row| {
        acc = f(p, row, std::mem::replace(&mut acc, Term::NIL))?;
        Ok(true)
    })?;
    Ok(acc)
}

/// The rows of `Enum.zip_with`-like functions, collected in order.
fn zip_rows(p: &mut Proc, sources: Vec<Term>, f: &mut dyn FnMut(&mut Proc, Vec<Term>) -> R<Term>) -> R<Term> {
    let mut out = Vec::new();
    super::stream::zip_each(p, sources, &mut |p, row| {
        out.push(f(p, row)?);
        Ok(true)
    })?;
    Ok(Term::list(out))
}

fn reduce_while(p: &mut Proc, t: &Term, acc: Term, f: &Term) -> R<Term> {
    let mut acc = acc;
    each(p, t, &mut |p, x| {
        let r = p.callback(f, [x, std::mem::replace(&mut acc, Term::NIL)])?;
        match r.as_tuple() {
            Some([tag, v]) if tag.as_atom().is_some_and(|a| &*a.name() == "cont") => {
                acc = v.clone();
                Ok(true)
            }
            Some([tag, v]) if tag.as_atom().is_some_and(|a| &*a.name() == "halt") => {
                acc = v.clone();
                Ok(false)
            }
            _ => ex::case_clause(r),
        }
    })?;
    Ok(acc)
}

/// `take_while` (as `Enumerable.reduce` gives the elements) or, `folding`,
/// `drop_while` and `split_while` (as `Enum.reduce/3` does).
fn split_while(p: &mut Proc, t: &Term, f: &Term, folding: bool) -> R<(Vec<Term>, Vec<Term>)> {
    let v = if folding { fold_vec(p, t)? } else { to_vec(p, t)? };
    let mut i = 0;
    while i < v.len() && test1(p, f, &v[i])? {
        i += 1;
    }
    let mut v = v;
    let rest = v.split_off(i);
    Ok((v, rest))
}

/// The first `Some` that `pick` makes of an element; the enumeration stops there.
fn first_some(p: &mut Proc, t: &Term, pick: &mut dyn FnMut(&mut Proc, Term) -> R<Option<Term>>) -> R<Option<Term>> {
    let mut found = None;
    each(p, t, &mut |p, x| {
        found = pick(p, x)?;
        Ok(found.is_none())
    })?;
    Ok(found)
}

fn find(p: &mut Proc, t: &Term, f: &Term) -> R<Option<Term>> {
    first_some(p, t, &mut |p, x| Ok(test1(p, f, &x)?.then_some(x)))
}

fn find_value(p: &mut Proc, t: &Term, f: &Term) -> R<Option<Term>> {
    first_some(p, t, &mut |p, x| {
        let v = call1(p, f, x)?;
        Ok(v.is_truthy().then_some(v))
    })
}

/// Appends the elements of `t` to `out` (`folding`, as `Enum.reduce/3` gives
/// them); goes on with the outer enumeration.
fn append(p: &mut Proc, t: &Term, out: &mut Vec<Term>, folding: bool) -> R<bool> {
    let walk = if folding { fold } else { each };
    walk(p, t, &mut |_, y| {
        out.push(y);
        Ok(true)
    })?;
    Ok(true)
}

fn pair(a: Vec<Term>, b: Vec<Term>) -> Term {
    Term::tuple(vec![Term::list(a), Term::list(b)])
}

fn slice_amount(p: &mut Proc, a: &[Term], start: i64, amount: i64) -> R<Term> {
    if amount < 0 {
        return no_clause("slice", a);
    }
    if start >= 0 {
        return match amount {
            0 => Ok(Term::EmptyList),
            n => slice_forward(p, &a[0], start, Some(start + n - 1), 1),
        };
    }
    let v = to_vec(p, &a[0])?;
    let len = v.len() as i64;
    let start = (start + len).max(0);
    if start >= len {
        return Ok(Term::EmptyList);
    }
    Ok(Term::list(
        v.into_iter()
            .skip(start as usize)
            .take(amount as usize)
            .collect::<Vec<_>>(),
    ))
}

/// The elements of `t` at `first`, `first + step`… up to `last` (to the
/// end when `None`), reading no further than `last`, as Elixir's
/// `slice_forward/4` does.
fn slice_forward(p: &mut Proc, t: &Term, first: i64, last: Option<i64>, step: i64) -> R<Term> {
    let mut out = Vec::new();
    let mut i = 0i64;
    each(p, t, &mut |_, x| {
        if i >= first && (i - first) % step == 0 {
            out.push(x);
        }
        i += 1;
        Ok(last.is_none_or(|l| i <= l))
    })?;
    Ok(Term::list(out))
}

/// `Enum.slide/3` on the elements `v`: `first..last` (a step of 1) moved
/// to `at`, indexes counted from the end when negative, as Elixir resolves them.
fn slide(v: Vec<Term>, first: i64, last: i64, at: i64) -> R<Vec<Term>> {
    let count = v.len() as i64;
    if first < 0 || last < 0 || at < 0 {
        let f = if first >= 0 { first } else { (first + count).max(0) };
        let l = if last >= 0 { last } else { last + count };
        let i = if at >= 0 { at } else { at + count };
        return if f < count && f != i { slide(v, f, l, i) } else { Ok(v) };
    }
    if at == first || first > last {
        return Ok(v);
    }
    if at > first && at <= last {
        let r = ex::argument_error(format!(
            "insertion index for slide must be outside the range being moved (tried to insert {first}..{last} at {at})"
        ));
        return ex::in_elixir(r, "Enum", "slide", 3, "lib/enum.ex", 2691);
    }
    // The elements before `start`, those from `middle` to `end`, those from
    // `start` to `middle`, and the rest.
    let (start, middle, end) = if at <= first {
        (at, first, last)
    } else {
        (first, last + 1, at)
    };
    let (start, middle, end) = (start as usize, middle as usize, end as usize);
    let (mut pre, mut post) = (Vec::new(), Vec::new());
    for (i, x) in v.into_iter().enumerate() {
        if i < start || (i >= middle && i <= end) {
            pre.push(x);
        } else {
            post.push(x);
        }
    }
    pre.extend(post);
    Ok(pre)
}

fn random_index(n: usize) -> usize {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_usize(n);
    (h.finish() % n as u64) as usize
}

pub fn register(r: &mut Registry) {
    r.add("Enum", "to_list", 1, |p, a| Ok(Term::list(to_vec(p, &a[0])?)));
    r.add("Enum", "into", 2, |p, a| into(p, a[0].clone(), a[1].clone()));
    r.add("Enum", "into", 3, |p, a| {
        // Into `[]` or a plain map Elixir maps with `Enum.map`/`Enum.reduce`,
        // into anything else through `Collectable`.
        let walk = match &a[1] {
            Term::EmptyList => fold,
            Term::Map(_) if a[1].struct_name().is_none() => fold,
            _ => each,
        };
        let mut v = Vec::new();
        walk(p, &a[0], &mut |p, x| {
            v.push(call1(p, &a[2], x)?);
            Ok(true)
        })?;
        into(p, Term::list(v), a[1].clone())
    });
    r.add("Enum", "map", 2, |p, a| {
        let mut out = Vec::with_capacity(super::enumerable::size_hint(&a[0]));
        fold(p, &a[0], &mut |p, x| {
            out.push(call1(p, &a[1], x)?);
            Ok(true)
        })?;
        Ok(Term::list(out))
    });
    r.add("Enum", "each", 2, |p, a| {
        fold(p, &a[0], &mut |p, x| {
            call1(p, &a[1], x)?;
            Ok(true)
        })?;
        Ok(Term::OK)
    });
    for (name, keep) in [("filter", true), ("reject", false)] {
        let f: crate::stdlib::Native = if keep {
            |p, a| {
                let mut out = Vec::with_capacity(super::enumerable::size_hint(&a[0]));
                fold(p, &a[0], &mut |p, x| {
                    if test1(p, &a[1], &x)? {
                        out.push(x);
                    }
                    Ok(true)
                })?;
                Ok(Term::list(out))
            }
        } else {
            |p, a| {
                let mut out = Vec::with_capacity(super::enumerable::size_hint(&a[0]));
                fold(p, &a[0], &mut |p, x| {
                    if !test1(p, &a[1], &x)? {
                        out.push(x);
                    }
                    Ok(true)
                })?;
                Ok(Term::list(out))
            }
        };
        r.add("Enum", name, 2, f);
    }
    r.add("Enum", "reduce", 3, |p, a| {
        let mut acc = a[1].clone();
        fold(p, &a[0], &mut |p, x| {
            acc = call2(p, &a[2], x, std::mem::replace(&mut acc, Term::NIL))?;
            Ok(true)
        })?;
        Ok(acc)
    });
    r.add("Enum", "reduce", 2, |p, a| {
        let mut acc: Option<Term> = None;
        each(p, &a[0], &mut |p, x| {
            acc = Some(match acc.take() {
                None => x,
                Some(acc) => call2(p, &a[1], x, acc)?,
            });
            Ok(true)
        })?;
        let line = if matches!(a[0], Term::EmptyList) { 2414 } else { 2424 };
        empty_frame(acc.map_or_else(empty_error, Ok), "reduce", 2, line)
    });
    r.add("Enum", "reduce_while", 3, |p, a| {
        reduce_while(p, &a[0], a[1].clone(), &a[2])
    });
    r.add("Enum", "map_reduce", 3, |p, a| map_reduce(p, a, false));
    r.add("Enum", "scan", 2, |p, a| {
        let mut acc: Option<Term> = None;
        let mut out = Vec::new();
        fold(p, &a[0], &mut |p, x| {
            let next = match acc.take() {
                None => x,
                Some(acc) => call2(p, &a[1], x, acc)?,
            };
            out.push(next.clone());
            acc = Some(next);
            Ok(true)
        })?;
        Ok(Term::list(out))
    });
    r.add("Enum", "scan", 3, |p, a| {
        let mut acc = a[1].clone();
        let mut out = Vec::new();
        fold(p, &a[0], &mut |p, x| {
            acc = p.callback(&a[2], [x, acc.clone()])?;
            out.push(acc.clone());
            Ok(true)
        })?;
        Ok(Term::list(out))
    });
    r.add("Enum", "sum", 1, |p, a| sum(p, &a[0], Op2::Add, 0));
    r.add("Enum", "product", 1, |p, a| sum(p, &a[0], Op2::Mul, 1));
    r.add("Enum", "count", 1, |p, a| Ok(Term::Int(count(p, &a[0])?)));
    r.add("Enum", "count", 2, |p, a| {
        let mut n = 0;
        fold(p, &a[0], &mut |p, x| {
            if test1(p, &a[1], &x)? {
                n += 1;
            }
            Ok(true)
        })?;
        Ok(Term::Int(n))
    });
    r.add("Enum", "count_until", 2, |p, a| count_until(p, a, &a[1], None));
    r.add("Enum", "empty?", 1, |p, a| Ok(Term::bool(is_empty(p, &a[0])?)));
    r.add("Enum", "any?", 1, |p, a| {
        let mut any = false;
        each(p, &a[0], &mut |_, x| {
            any = x.is_truthy();
            Ok(!any)
        })?;
        Ok(Term::bool(any))
    });
    r.add("Enum", "any?", 2, |p, a| {
        let hit = first_some(p, &a[0], &mut |p, x| Ok(test1(p, &a[1], &x)?.then_some(x)))?;
        Ok(Term::bool(hit.is_some()))
    });
    r.add("Enum", "all?", 1, |p, a| {
        let mut all = true;
        each(p, &a[0], &mut |_, x| {
            all = x.is_truthy();
            Ok(all)
        })?;
        Ok(Term::bool(all))
    });
    r.add("Enum", "all?", 2, |p, a| {
        let miss = first_some(p, &a[0], &mut |p, x| Ok((!test1(p, &a[1], &x)?).then_some(x)))?;
        Ok(Term::bool(miss.is_none()))
    });
    r.add(
        "Enum",
        "find",
        2,
        |p, a| Ok(find(p, &a[0], &a[1])?.unwrap_or(Term::NIL)),
    );
    r.add("Enum", "find", 3, |p, a| {
        Ok(find(p, &a[0], &a[2])?.unwrap_or_else(|| a[1].clone()))
    });
    r.add("Enum", "find_index", 2, |p, a| {
        let mut i = -1;
        let hit = first_some(p, &a[0], &mut |p, x| {
            i += 1;
            Ok(test1(p, &a[1], &x)?.then_some(Term::Int(i)))
        })?;
        Ok(hit.unwrap_or(Term::NIL))
    });
    r.add("Enum", "find_value", 2, |p, a| {
        Ok(find_value(p, &a[0], &a[1])?.unwrap_or(Term::NIL))
    });
    r.add("Enum", "find_value", 3, |p, a| {
        Ok(find_value(p, &a[0], &a[2])?.unwrap_or_else(|| a[1].clone()))
    });
    r.add("Enum", "sort", 1, |p, a| {
        let mut v = fold_vec(p, &a[0])?;
        v.sort_by(compare);
        Ok(Term::list(v))
    });
    r.add("Enum", "sort", 2, |p, a| {
        let mut before = sorter(&a[1], "sort", a)?;
        let v = fold_vec(p, &a[0])?;
        Ok(Term::list(sort_by_fn(p, v, &mut *before)?))
    });
    fn sort_by(p: &mut Proc, a: &[Term], how: &Term) -> R<Term> {
        let mut before = sorter(how, "sort_by", a)?;
        let v = fold_vec(p, &a[0])?;
        let mut keyed = Vec::with_capacity(v.len());
        for x in v {
            let k = call1(p, &a[1], x.clone())?;
            keyed.push(Term::tuple(vec![k, x]));
        }
        let sorted = sort_by_fn(p, keyed, &mut |p, x, y| {
            let (Some([kx, _]), Some([ky, _])) = (x.as_tuple(), y.as_tuple()) else {
                return Ok(true);
            };
            before(p, kx, ky)
        })?;
        Ok(Term::list(
            sorted
                .into_iter()
                .map(|t| t.as_tuple().map(|t| t[1].clone()).unwrap_or(Term::NIL))
                .collect::<Vec<_>>(),
        ))
    }
    r.add("Enum", "sort_by", 2, |p, a| sort_by(p, a, &Term::atom("asc")));
    r.add("Enum", "sort_by", 3, |p, a| sort_by(p, a, &a[2].clone()));
    r.add("Enum", "reverse", 1, |p, a| {
        let mut v = fold_vec(p, &a[0])?;
        v.reverse();
        Ok(Term::list(v))
    });
    r.add("Enum", "reverse", 2, |p, a| {
        let mut v = fold_vec(p, &a[0])?;
        v.reverse();
        Ok(Term::list_with_tail(v, a[1].clone()))
    });
    r.add("Enum", "take", 2, |p, a| {
        let n = int_arg(&a[1], "take", a)?;
        if n >= 0 {
            let mut out = Vec::new();
            if n > 0 {
                each(p, &a[0], &mut |_, x| {
                    out.push(x);
                    Ok((out.len() as i64) < n)
                })?;
            }
            return Ok(Term::list(out));
        }
        Ok(Term::list(take_vec(to_vec(p, &a[0])?, n)))
    });
    r.add("Enum", "drop", 2, |p, a| {
        let n = int_arg(&a[1], "drop", a)?;
        // A positive count reduces; zero is `to_list`, a negative one slices.
        let v = if n > 0 { fold_vec(p, &a[0])? } else { to_vec(p, &a[0])? };
        Ok(Term::list(drop_vec(v, n)))
    });
    r.add("Enum", "take_every", 2, |p, a| {
        let n = int_arg(&a[1], "take_every", a)?;
        if n < 0 {
            return no_clause("take_every", a);
        }
        if n == 0 {
            return Ok(Term::EmptyList);
        }
        let v = if n == 1 { to_vec(p, &a[0])? } else { fold_vec(p, &a[0])? };
        Ok(Term::list(v.into_iter().step_by(n as usize).collect::<Vec<_>>()))
    });
    // Stops at the first element that fails, so that it ends on an
    // infinite stream and reads no further from `IO.stream()`.
    r.add("Enum", "take_while", 2, |p, a| {
        let mut taken = Vec::new();
        each(p, &a[0], &mut |p, x| {
            if !test1(p, &a[1], &x)? {
                return Ok(false);
            }
            taken.push(x);
            Ok(true)
        })?;
        Ok(Term::list(taken))
    });
    r.add("Enum", "drop_while", 2, |p, a| {
        Ok(Term::list(split_while(p, &a[0], &a[1], true)?.1))
    });
    r.add("Enum", "split_while", 2, |p, a| {
        let (x, y) = split_while(p, &a[0], &a[1], true)?;
        Ok(pair(x, y))
    });
    r.add("Enum", "split_with", 2, |p, a| {
        let (mut yes, mut no) = (Vec::new(), Vec::new());
        fold(p, &a[0], &mut |p, x| {
            if test1(p, &a[1], &x)? {
                yes.push(x);
            } else {
                no.push(x);
            }
            Ok(true)
        })?;
        Ok(pair(yes, no))
    });
    if let Some(split_with) = r.get("Enum", "split_with", 2) {
        r.add("Enum", "partition", 2, split_with);
    }
    r.add("Enum", "split", 2, |p, a| {
        let n = int_arg(&a[1], "split", a)?;
        let mut v = fold_vec(p, &a[0])?;
        let at = if n >= 0 {
            (n as usize).min(v.len())
        } else {
            (v.len() as i64 + n).max(0) as usize
        };
        let rest = v.split_off(at);
        Ok(pair(v, rest))
    });
    r.add("Enum", "at", 2, |p, a| {
        let i = int_arg(&a[1], "at", a)?;
        Ok(at_index(p, &a[0], i)?.unwrap_or(Term::NIL))
    });
    r.add("Enum", "at", 3, |p, a| {
        let i = int_arg(&a[1], "at", a)?;
        Ok(at_index(p, &a[0], i)?.unwrap_or_else(|| a[2].clone()))
    });
    r.add("Enum", "fetch", 2, |p, a| {
        let i = int_arg(&a[1], "fetch", a)?;
        Ok(match at_index(p, &a[0], i)? {
            Some(x) => Term::tuple(vec![Term::OK, x]),
            None => Term::Atom(Atom::ERROR),
        })
    });
    r.add("Enum", "fetch!", 2, |p, a| {
        let i = int_arg(&a[1], "fetch!", a)?;
        let r = at_index(p, &a[0], i)?.map_or_else(out_of_bounds, Ok);
        raised_in_enum(r, "fetch!", 2, 1072)
    });
    r.add("Enum", "slice", 2, |p, a| {
        let Some((first, last, step)) = range_parts(&a[1]) else {
            return no_clause("slice", a);
        };
        // A range written `first..last` with `last < first` slices forwards, as in Elixir 1.14.
        let step = match step {
            -1 if first > last => 1,
            s if s < 0 => {
                return ex::argument_error(format!(
                    "Enum.slice/2 does not accept ranges with negative steps, got: {}",
                    crate::term::inspect::inspect_default(&a[1])
                ));
            }
            s => s,
        };
        // Forward indexes need no count: a stream is read only as far as they go.
        if first >= 0 && (last >= first || last == -1) {
            return slice_forward(p, &a[0], first, (last >= 0).then_some(last), step);
        }
        let v = to_vec(p, &a[0])?;
        let Some((f, l, s)) = slice_bounds(first, last, step, v.len() as i64) else {
            return Ok(Term::EmptyList);
        };
        Ok(Term::list(
            (f..=l)
                .step_by(s as usize)
                .map(|i| v[i as usize].clone())
                .collect::<Vec<_>>(),
        ))
    });
    r.add("Enum", "slice", 3, |p, a| {
        let start = int_arg(&a[1], "slice", a)?;
        let amount = int_arg(&a[2], "slice", a)?;
        slice_amount(p, a, start, amount)
    });
    r.add("Enum", "chunk_every", 2, |p, a| {
        let n = int_arg(&a[1], "chunk_every", a)?;
        chunk_every(p, a, n, n, None)
    });
    r.add("Enum", "chunk_every", 3, |p, a| {
        let n = int_arg(&a[1], "chunk_every", a)?;
        let s = int_arg(&a[2], "chunk_every", a)?;
        chunk_every(p, a, n, s, None)
    });
    r.add("Enum", "chunk_every", 4, |p, a| {
        let n = int_arg(&a[1], "chunk_every", a)?;
        let s = int_arg(&a[2], "chunk_every", a)?;
        chunk_every(p, a, n, s, Some(&a[3]))
    });
    r.add("Enum", "chunk", 2, |p, a| {
        let a = discard(a, &a[1], &a[1], &Term::NIL);
        let (n, s) = (int_arg(&a[1], "chunk_every", &a)?, int_arg(&a[2], "chunk_every", &a)?);
        chunk_every(p, &a, n, s, Some(&a[3]))
    });
    r.add("Enum", "chunk", 3, |p, a| {
        let a = discard(a, &a[1], &a[2], &Term::NIL);
        let (n, s) = (int_arg(&a[1], "chunk_every", &a)?, int_arg(&a[2], "chunk_every", &a)?);
        chunk_every(p, &a, n, s, Some(&a[3]))
    });
    r.add("Enum", "chunk", 4, |p, a| {
        let a = discard(a, &a[1], &a[2], &a[3]);
        let (n, s) = (int_arg(&a[1], "chunk_every", &a)?, int_arg(&a[2], "chunk_every", &a)?);
        chunk_every(p, &a, n, s, Some(&a[3]))
    });
    r.add("Enum", "filter_map", 3, |p, a| {
        let mut out = Vec::new();
        fold(p, &a[0], &mut |p, x| {
            if test1(p, &a[1], &x)? {
                out.push(call1(p, &a[2], x)?);
            }
            Ok(true)
        })?;
        Ok(Term::list(out))
    });
    r.add("Enum", "chunk_by", 2, |p, a| {
        super::stream::chunk_list(p, &a[0], "chunk_by", &a[1..])
    });
    for arity in 1..=3 {
        r.add("Enum", "max", arity, |p, a| {
            let r = extreme_with(p, a, None, Ordering::Greater);
            empty_frame(r, &format!("-max/{}-fun-0-", a.len()), 0, 1855)
        });
        r.add("Enum", "min", arity, |p, a| {
            let r = extreme_with(p, a, None, Ordering::Less);
            empty_frame(r, &format!("-min/{}-fun-0-", a.len()), 0, 2035)
        });
        r.add("Enum", "max_by", arity + 1, |p, a| {
            let r = extreme_with(p, a, Some(&a[1].clone()), Ordering::Greater);
            empty_frame(r, &format!("-max_by/{}-fun-0-", a.len()), 0, 1925)
        });
        r.add("Enum", "min_by", arity + 1, |p, a| {
            let r = extreme_with(p, a, Some(&a[1].clone()), Ordering::Less);
            empty_frame(r, &format!("-min_by/{}-fun-0-", a.len()), 0, 2105)
        });
    }
    for arity in 1..=2 {
        r.add("Enum", "min_max", arity, |p, a| {
            if let Some(f) = a.get(1)
                && is_empty(p, &a[0])?
            {
                return p.apply(f, vec![]);
            }
            let lo = extreme(p, &a[0], None, &mut keeper(None, Ordering::Less), None);
            let lo = empty_frame(lo, &format!("-min_max/{}-fun-0-", a.len()), 0, 2131)?;
            let hi = extreme(p, &a[0], None, &mut keeper(None, Ordering::Greater), None)?;
            Ok(Term::tuple(vec![lo, hi]))
        });
    }
    for arity in 2..=4 {
        r.add("Enum", "min_max_by", arity, |p, a| {
            let is_fallback = |t: &Term| matches!(t, Term::Fun(f) if f.arity() == 0);
            let (how, fallback) = match &a[2..] {
                [f] if is_fallback(f) => (None, Some(f.clone())),
                [how] => (Some(how.clone()), None),
                [how, f] => (Some(how.clone()), Some(f.clone())),
                _ => (None, None),
            };
            if let Some(f) = &fallback
                && is_empty(p, &a[0])?
            {
                return p.apply(f, vec![]);
            }
            // A sorter here says "strictly before"; a module compares.
            let strict = |want: Ordering| -> Before {
                match &how {
                    Some(f @ Term::Fun(_)) => {
                        let f = f.clone();
                        if want == Ordering::Less {
                            // The minimum stays unless the newer one sorts before it.
                            Box::new(move |p, a, b| Ok(!p.apply(&f, vec![b.clone(), a.clone()])?.is_truthy()))
                        } else {
                            Box::new(move |p, a, b| Ok(!p.apply(&f, vec![a.clone(), b.clone()])?.is_truthy()))
                        }
                    }
                    other => keeper(other.as_ref(), want),
                }
            };
            let lo = extreme(p, &a[0], Some(&a[1]), &mut strict(Ordering::Less), None);
            let lo = empty_frame(lo, &format!("-min_max_by/{}-fun-0-", a.len()), 0, 2223)?;
            let hi = extreme(p, &a[0], Some(&a[1]), &mut strict(Ordering::Greater), None)?;
            Ok(Term::tuple(vec![lo, hi]))
        });
    }
    r.add("Enum", "uniq", 1, |p, a| uniq_by(p, &a[0], None));
    r.add("Enum", "uniq_by", 2, |p, a| uniq_by(p, &a[0], Some(&a[1])));
    r.add("Enum", "uniq", 2, |p, a| uniq_by(p, &a[0], Some(&a[1])));
    r.add("Enum", "dedup", 1, |p, a| dedup_by(p, &a[0], None));
    r.add("Enum", "dedup_by", 2, |p, a| dedup_by(p, &a[0], Some(&a[1])));
    r.add("Enum", "frequencies", 1, |p, a| frequencies(p, &a[0], None));
    r.add("Enum", "frequencies_by", 2, |p, a| frequencies(p, &a[0], Some(&a[1])));
    r.add("Enum", "group_by", 2, |p, a| group_by(p, &a[0], &a[1], None));
    r.add("Enum", "group_by", 3, |p, a| group_by(p, &a[0], &a[1], Some(&a[2])));
    r.add("Enum", "join", 1, |p, a| join(p, &a[0], &Term::str(""), None));
    r.add("Enum", "join", 2, |p, a| join(p, &a[0], &a[1], None));
    r.add("Enum", "map_join", 2, |p, a| {
        join(p, &a[0], &Term::str(""), Some(&a[1]))
    });
    r.add("Enum", "map_join", 3, |p, a| join(p, &a[0], &a[1], Some(&a[2])));
    r.add("Enum", "flat_map", 2, |p, a| {
        let mut out = Vec::new();
        fold(p, &a[0], &mut |p, x| {
            let ys = call1(p, &a[1], x)?;
            append(p, &ys, &mut out, false)
        })?;
        Ok(Term::list(out))
    });
    r.add("Enum", "concat", 1, |p, a| {
        let mut out = Vec::new();
        fold(p, &a[0], &mut |p, part| append(p, &part, &mut out, true))?;
        Ok(Term::list(out))
    });
    r.add("Enum", "concat", 2, |p, a| {
        let mut v = fold_vec(p, &a[0])?;
        v.extend(fold_vec(p, &a[1])?);
        Ok(Term::list(v))
    });
    r.add("Enum", "intersperse", 2, |p, a| {
        let mut out = Vec::new();
        fold(p, &a[0], &mut |_, x| {
            if !out.is_empty() {
                out.push(a[1].clone());
            }
            out.push(x);
            Ok(true)
        })?;
        Ok(Term::list(out))
    });
    r.add("Enum", "with_index", 1, |p, a| {
        let v = fold_vec(p, &a[0])?;
        Ok(Term::list(
            v.into_iter()
                .enumerate()
                .map(|(i, x)| Term::tuple(vec![x, Term::Int(i as i64)]))
                .collect::<Vec<_>>(),
        ))
    });
    r.add("Enum", "with_index", 2, |p, a| {
        let v = fold_vec(p, &a[0])?;
        let mut out = Vec::with_capacity(v.len());
        match &a[1] {
            Term::Int(off) => {
                for (i, x) in v.into_iter().enumerate() {
                    out.push(Term::tuple(vec![x, Term::Int(off + i as i64)]));
                }
            }
            Term::Fun(_) => {
                for (i, x) in v.into_iter().enumerate() {
                    out.push(p.callback(&a[1], [x, Term::Int(i as i64)])?);
                }
            }
            _ => return no_clause("with_index", a),
        }
        Ok(Term::list(out))
    });
    r.add("Enum", "zip", 2, |p, a| {
        zip_rows(p, a.to_vec(), &mut |_, row| Ok(Term::tuple(row)))
    });
    r.add("Enum", "zip", 1, |p, a| match &a[0] {
        Term::EmptyList => Ok(Term::EmptyList),
        _ => {
            let sources = to_vec(p, &a[0])?;
            zip_rows(p, sources, &mut |_, row| Ok(Term::tuple(row)))
        }
    });
    r.add("Enum", "zip_with", 3, |p, a| {
        if !is_fun(&a[2], 2) {
            return no_clause("zip_with", a);
        }
        let f = a[2].clone();
        zip_rows(p, a[..2].to_vec(), &mut |p, row| {
            let [x, y] = <[Term; 2]>::try_from(row).unwrap_or([Term::NIL, Term::NIL]);
            call2(p, &f, x, y)
        })
    });
    r.add("Enum", "zip_with", 2, |p, a| match &a[0] {
        Term::EmptyList => Ok(Term::EmptyList),
        _ => {
            let sources = to_vec(p, &a[0])?;
            let f = a[1].clone();
            zip_rows(p, sources, &mut |p, row| call1(p, &f, Term::list(row)))
        }
    });
    r.add("Enum", "zip_reduce", 4, |p, a| {
        if !is_fun(&a[3], 3) {
            return no_clause("zip_reduce", a);
        }
        let f = a[3].clone();
        zip_reduce(p, a[..2].to_vec(), a[2].clone(), &mut |p, row, acc| {
            let [x, y] = <[Term; 2]>::try_from(row).unwrap_or([Term::NIL, Term::NIL]);
            p.callback(&f, [x, y, acc])
        })
    });
    r.add("Enum", "zip_reduce", 3, |p, a| {
        if !is_fun(&a[2], 2) {
            return no_clause("zip_reduce", a);
        }
        if matches!(a[0], Term::EmptyList) {
            return Ok(a[1].clone());
        }
        let sources = to_vec(p, &a[0])?;
        let f = a[2].clone();
        zip_reduce(p, sources, a[1].clone(), &mut |p, row, acc| {
            call2(p, &f, Term::list(row), acc)
        })
    });
    r.add("Enum", "map_every", 3, |p, a| {
        let mut out = Vec::new();
        for (hit, x) in every_nth(p, a, "map_every")? {
            out.push(if hit { call1(p, &a[2], x)? } else { x });
        }
        Ok(Term::list(out))
    });
    r.add("Enum", "drop_every", 2, |p, a| {
        let kept = every_nth(p, a, "drop_every")?.into_iter().filter(|(hit, _)| !hit);
        Ok(Term::list(kept.map(|(_, x)| x).collect::<Vec<_>>()))
    });
    r.add("Enum", "map_intersperse", 3, |p, a| {
        let v = fold_vec(p, &a[0])?;
        let mut out = Vec::with_capacity(2 * v.len());
        for (i, x) in v.into_iter().enumerate() {
            if i > 0 {
                out.push(a[1].clone());
            }
            out.push(call1(p, &a[2], x)?);
        }
        Ok(Term::list(out))
    });
    r.add("Enum", "flat_map_reduce", 3, |p, a| map_reduce(p, a, true));
    r.add("Enum", "chunk_while", 4, |p, a| {
        super::stream::chunk_list(p, &a[0], "chunk_while", &a[1..])
    });
    r.add("Enum", "count_until", 3, |p, a| count_until(p, a, &a[2], Some(&a[1])));
    r.add("Enum", "reverse_slice", 3, |p, a| {
        let (Term::Int(start), Term::Int(count)) = (&a[1], &a[2]) else {
            return no_clause("reverse_slice", a);
        };
        if *start < 0 || *count < 0 {
            return no_clause("reverse_slice", a);
        }
        let mut v = fold_vec(p, &a[0])?;
        let start = (*start as usize).min(v.len());
        let end = (start + *count as usize).min(v.len());
        v[start..end].reverse();
        Ok(Term::list(v))
    });
    r.add("Enum", "unzip", 1, |p, a| {
        let (mut xs, mut ys) = (Vec::new(), Vec::new());
        for t in fold_vec(p, &a[0])? {
            match t.as_tuple() {
                Some([x, y]) => {
                    xs.push(x.clone());
                    ys.push(y.clone());
                }
                _ => return no_clause("unzip", a),
            }
        }
        Ok(pair(xs, ys))
    });
    r.add("Enum", "random", 1, |p, a| {
        let v = to_vec(p, &a[0])?;
        if v.is_empty() {
            let r = empty_error();
            return if a[0].is_list() {
                empty_frame(r, "random", 1, 2349)
            } else {
                r
            };
        }
        Ok(v[random_index(v.len())].clone())
    });
    r.add("Enum", "slide", 3, |p, a| {
        let (first, last, step) = match (&a[1], range_parts(&a[1])) {
            (Term::Int(i), _) => (*i, *i, 1),
            (_, Some(r)) => r,
            _ => return no_clause("slide", a),
        };
        if step != 1 {
            let r = ex::argument_error(format!(
                "Enum.slide/3 does not accept ranges with custom steps, got: {}",
                crate::term::inspect::inspect_default(&a[1])
            ));
            return ex::in_elixir(r, "Enum", "slide", 3, "lib/enum.ex", 2663);
        }
        let at = int_arg(&a[2], "slide", a)?;
        let v = if a[0].is_list() {
            to_vec(p, &a[0])?
        } else {
            fold_vec(p, &a[0])?
        };
        Ok(Term::list(slide(v, first, last, at)?))
    });
    r.add("Enum", "take_random", 2, |p, a| match a[1] {
        Term::Int(0) => Ok(Term::EmptyList),
        _ if matches!(a[0], Term::EmptyList) => Ok(Term::EmptyList),
        Term::Int(n) if n > 0 => {
            // A partial Fisher-Yates shuffle of what `Enum.reduce/3` walks.
            let mut v = fold_vec(p, &a[0])?;
            let k = (n as usize).min(v.len());
            for i in 0..k {
                let j = i + random_index(v.len() - i);
                v.swap(i, j);
            }
            v.truncate(k);
            Ok(Term::list(v))
        }
        _ => no_clause("take_random", a),
    });
    r.add("Enum", "shuffle", 1, |p, a| {
        let mut v = fold_vec(p, &a[0])?;
        for i in (1..v.len()).rev() {
            v.swap(i, random_index(i + 1));
        }
        Ok(Term::list(v))
    });
}
