//! The `List` and `Tuple` modules, and the `:lists` functions learners call.

use super::Registry;
use super::kernel::to_chars;
use crate::eval::exception::{self as ex, R};
use crate::eval::exec::Proc;
use crate::term::{Atom, Term};

fn no_clause<T>(module: &str, name: &str, args: &[Term]) -> R<T> {
    ex::function_clause(Atom::new(module), Atom::new(name), args.to_vec())
}

/// The elements of a proper list, or `FunctionClauseError` of `List.name`.
fn items(t: &Term, name: &str, args: &[Term]) -> R<Vec<Term>> {
    match t.list_to_vec() {
        Some(v) => Ok(v),
        None => no_clause("Elixir.List", name, args),
    }
}

fn index_arg(t: &Term, name: &str, args: &[Term]) -> R<i64> {
    match t {
        Term::Int(i) => Ok(*i),
        _ => no_clause("Elixir.List", name, args),
    }
}

const INT_TEXT: &str = "not a textual representation of an integer";

/// The text of a charlist (a proper list of code points), as the
/// `list_to_*` builtins take it.
fn chars_text(t: &Term, not_chars: &str) -> R<String> {
    let Some(items) = t.list_to_vec() else {
        return ex::badarg_at(1, "not a list");
    };
    items
        .iter()
        .map(|c| match c {
            Term::Int(n) => u32::try_from(*n).ok().and_then(char::from_u32),
            _ => None,
        })
        .collect::<Option<String>>()
        .map_or_else(|| ex::badarg_at(1, not_chars), Ok)
}

/// An Elixir (0-based) index as the 1-based one Erlang's builtins are given.
fn one_based(i: &Term) -> Term {
    super::kernel::op2(crate::eval::ir::Op2::Add, i, &Term::Int(1)).unwrap_or_else(|_| i.clone())
}

/// A position counted from the end when negative; `None` when outside `0..len`.
fn resolve(i: i64, len: usize) -> Option<usize> {
    let i = if i < 0 { i + len as i64 } else { i };
    (0..len as i64).contains(&i).then_some(i as usize)
}

fn flatten(t: &Term, out: &mut Vec<Term>) -> bool {
    let mut it = t.iter_list();
    for x in it.by_ref() {
        if x.is_list() {
            if !flatten(x, out) {
                return false;
            }
        } else {
            out.push(x.clone());
        }
    }
    matches!(it.tail(), Term::EmptyList)
}

fn tuple_items(t: &Term, why_pos: usize) -> R<Vec<Term>> {
    match t {
        Term::Tuple(items) => Ok(items.to_vec()),
        _ => ex::badarg_at(why_pos, "not a tuple"),
    }
}

fn key_pos(t: &Term) -> R<usize> {
    match t {
        Term::Int(i) if *i >= 0 => Ok(*i as usize),
        _ => ex::badarg_at(2, "out of range"),
    }
}

/// Whether `x` is a tuple whose element at `pos` compares equal (`==`, so
/// `1` and `1.0` are one key) to `key`, as `:lists.keyfind/3` compares.
fn has_key(x: &Term, key: &Term, pos: usize) -> bool {
    matches!(x, Term::Tuple(t) if t.get(pos).is_some_and(|k| crate::term::order::compare(k, key).is_eq()))
}

fn keyfind(list: &Term, key: &Term, pos: usize) -> Option<Term> {
    list.iter_list().find(|x| has_key(x, key, pos)).cloned()
}

fn fold(p: &mut Proc, v: impl Iterator<Item = Term>, acc: Term, f: &Term) -> R<Term> {
    let mut acc = acc;
    for x in v {
        acc = p.apply(f, vec![x, acc])?;
    }
    Ok(acc)
}

/// `List.to_string/1`, with its explanation when the list is not chardata.
fn list_to_string(t: &Term) -> R<Term> {
    let mut out = Vec::new();
    match to_chars(t, &mut out) {
        Ok(()) => Ok(Term::bytes(&out)),
        Err(_) if t.is_list() => ex::argument_error(format!(
            "cannot convert the given list to a string.\n\n\
             To be converted to a string, a list must either be empty or only\n\
             contain the following elements:\n\n  \
             * strings\n  * integers representing Unicode code points\n  \
             * a list containing one of these three elements\n\n\
             Please check the given list or call inspect/1 to get the list representation, got:\n\n{}\n",
            crate::term::inspect::inspect_default(t)
        )),
        Err(e) => Err(e),
    }
}

/// `List.to_charlist/1`: the code points of chardata, with Elixir's
/// explanation when the list is not chardata.
fn list_to_charlist(a: &[Term]) -> R<Term> {
    if !a[0].is_list() {
        return ex::function_clause(Atom::alias("List"), Atom::new("to_charlist"), a.to_vec());
    }
    let mut out = Vec::new();
    if to_chars(&a[0], &mut out).is_err() {
        return ex::argument_error(format!(
            "cannot convert the given list to a charlist.\n\n\
             To be converted to a charlist, a list must contain only:\n\n  \
             * strings\n  * integers representing Unicode code points\n  \
             * or a list containing one of these three elements\n\n\
             Please check the given list or call inspect/1 to get the list representation, got:\n\n{}\n",
            crate::term::inspect::inspect_default(&a[0])
        ));
    }
    let (text, rest) = match std::str::from_utf8(&out) {
        Ok(s) => (s, None),
        Err(e) => (
            std::str::from_utf8(&out[..e.valid_up_to()]).unwrap_or_default(),
            Some(&out[e.valid_up_to()..]),
        ),
    };
    let chars = Term::list(text.chars().map(|c| Term::Int(c as i64)).collect::<Vec<_>>());
    match rest {
        None => Ok(chars),
        Some(rest) => ex::raise(
            "UnicodeConversionError",
            vec![
                ("encoded", chars),
                (
                    "message",
                    Term::str(&format!(
                        "invalid encoding starting at {}",
                        crate::term::inspect::inspect_default(&Term::bytes(rest))
                    )),
                ),
            ],
        ),
    }
}

/// One step of an edit script: kept, deleted, inserted, or a nested
/// script from the `diff_script` fun.
#[derive(Clone, Copy, PartialEq)]
enum EditKind {
    Eq,
    Del,
    Ins,
    Diff,
}

/// The edits of a path so far, latest first, shared between paths.
type Edits = Option<std::rc::Rc<Edit>>;

/// One edit and those before it.
struct Edit(EditKind, Term, Edits);

/// A path of the search: `y` (how far down `a` it has gone), where it is
/// in both lists, and its edits.
#[derive(Clone)]
struct Path {
    y: usize,
    i: usize,
    j: usize,
    edits: Edits,
}

/// `List.myers_difference/2,3`: Myers' shortest edit script walked as
/// Elixir's does (its diagonals in the same order, so equal-cost scripts
/// come out the same), compacted into `[eq: […], del: […], ins: […]]`
/// runs (and `diff:` entries from `diff_script`).
pub fn myers_difference(
    p: &mut Proc,
    a: &[Term],
    b: &[Term],
    diff_script: Option<&Term>,
) -> R<Vec<(&'static str, Term)>> {
    let push = |path: &Path, kind, x: Term| Some(std::rc::Rc::new(Edit(kind, x, path.edits.clone())));
    let mut diff = |p: &mut Proc, path: &Path| -> R<Option<Term>> {
        match diff_script {
            Some(f) if path.i < a.len() && path.j < b.len() => {
                let d = p.apply(f, vec![a[path.i].clone(), b[path.j].clone()])?;
                Ok(d.is_truthy().then_some(d))
            }
            _ => Ok(None),
        }
    };
    let mut paths = vec![Path {
        y: 0,
        i: 0,
        j: 0,
        edits: None,
    }];
    let mut envelope: i64 = 0;
    loop {
        p.check_interrupt()?;
        let mut next = Vec::new();
        let mut rest: std::collections::VecDeque<Path> = paths.into();
        let mut diag = -envelope;
        while diag <= envelope {
            // A step down (deleting from `a`) or right (inserting from `b`),
            // unless the elements there make a diff of their own.
            let step = |p: &mut Proc,
                        path: &Path,
                        down: bool,
                        diff: &mut dyn FnMut(&mut Proc, &Path) -> R<Option<Term>>|
             -> R<Path> {
                let mut q = path.clone();
                if let Some(d) = diff(p, path)? {
                    (q.y, q.i, q.j) = (q.y + 1, q.i + 1, q.j + 1);
                    q.edits = push(path, EditKind::Diff, d);
                } else if down && path.i < a.len() {
                    (q.y, q.i) = (q.y + 1, q.i + 1);
                    q.edits = push(path, EditKind::Del, a[path.i].clone());
                } else if down {
                    q.y += 1;
                } else if path.j < b.len() {
                    q.j += 1;
                    q.edits = push(path, EditKind::Ins, b[path.j].clone());
                }
                Ok(q)
            };
            let path = if diag == 0 && envelope == 0 && rest.len() == 1 {
                rest.pop_front().expect("one path")
            } else if diag == -envelope && !rest.is_empty() {
                step(p, &rest[0], true, &mut diff)?
            } else if diag == envelope && rest.len() == 1 {
                let only = rest.pop_front().expect("one path");
                step(p, &only, false, &mut diff)?
            } else if rest.len() >= 2 {
                let first = rest.pop_front().expect("two paths");
                if first.y > rest[0].y {
                    step(p, &first, false, &mut diff)?
                } else {
                    step(p, &rest[0], true, &mut diff)?
                }
            } else {
                return ex::case_clause(Term::NIL);
            };
            let mut path = path;
            while path.i < a.len() && path.j < b.len() && a[path.i] == b[path.j] {
                path.edits = push(&path, EditKind::Eq, a[path.i].clone());
                (path.y, path.i, path.j) = (path.y + 1, path.i + 1, path.j + 1);
            }
            if path.i == a.len() && path.j == b.len() {
                return Ok(compact(path.edits));
            }
            next.push(path);
            diag += 2;
        }
        paths = next;
        envelope += 1;
    }
}

/// The edits, oldest first, with runs of one kind joined, and an insertion
/// between two equal runs that repeats the first moved before it (as Elixir
/// compacts them).
fn compact(mut edits: Edits) -> Vec<(&'static str, Term)> {
    let mut acc: Vec<(EditKind, Vec<Term>, Term)> = Vec::new();
    let name = |k| match k {
        EditKind::Eq => "eq",
        EditKind::Del => "del",
        EditKind::Ins => "ins",
        EditKind::Diff => "diff",
    };
    // `acc` is built back to front: its last entry is the earliest.
    while let Some(e) = edits {
        let (kind, x, rest) = (e.0, e.1.clone(), e.2.clone());
        edits = rest;
        loop {
            if kind == EditKind::Diff {
                acc.push((kind, Vec::new(), x));
                break;
            }
            match acc.last_mut() {
                Some((k, items, _)) if *k == kind => {
                    items.insert(0, x);
                    break;
                }
                _ => {}
            }
            let n = acc.len();
            if n >= 3
                && acc[n - 1].0 == EditKind::Eq
                && acc[n - 2].0 == EditKind::Ins
                && acc[n - 3].0 == EditKind::Eq
                && acc[n - 1].1 == acc[n - 2].1
            {
                let (_, elem, _) = acc.pop().expect("three entries");
                acc.pop();
                let (_, other, _) = acc.pop().expect("one entry");
                let mut joined = elem.clone();
                joined.extend(other);
                acc.push((EditKind::Eq, joined, Term::NIL));
                acc.push((EditKind::Ins, elem, Term::NIL));
                continue;
            }
            acc.push((kind, vec![x], Term::NIL));
            break;
        }
    }
    acc.into_iter()
        .rev()
        .map(|(k, items, d)| (name(k), if k == EditKind::Diff { d } else { Term::list(items) }))
        .collect()
}

pub fn register(r: &mut Registry) {
    r.add("List", "keyfind!", 3, |_, a| {
        if !matches!(a[2], Term::Int(_)) {
            return no_clause("Elixir.List", "keyfind!", a);
        }
        let pos = key_pos(&a[2])?;
        match keyfind(&a[0], &a[1], pos) {
            Some(t) => Ok(t),
            None => {
                let show = crate::term::inspect::inspect_default;
                let message = format!(
                    "key {} at position {} not found in: {}",
                    show(&a[1]),
                    show(&a[2]),
                    show(&a[0])
                );
                ex::raise(
                    "KeyError",
                    vec![
                        ("key", a[1].clone()),
                        ("term", a[0].clone()),
                        ("message", Term::str(&message)),
                    ],
                )
            }
        }
    });
    r.add("List", "keytake", 3, |_, a| {
        if !matches!(a[2], Term::Int(_)) {
            return no_clause("Elixir.List", "keytake", a);
        }
        let pos = key_pos(&a[2])?;
        let mut v = items(&a[0], "keytake", a)?;
        match v.iter().position(|x| has_key(x, &a[1], pos)) {
            Some(i) => {
                let found = v.remove(i);
                Ok(Term::tuple(vec![found, Term::list(v)]))
            }
            None => Ok(Term::NIL),
        }
    });
    r.add("List", "keysort", 3, |p, a| {
        let (true, Term::Int(pos)) = (a[0].is_list(), &a[1]) else {
            return no_clause("Elixir.List", "keysort", a);
        };
        if a[2] == Term::atom("asc") {
            let f = super::lookup(Atom::new("Elixir.List"), Atom::new("keysort"), 2);
            return match f {
                Some(f) => f(p, &mut vec![a[0].clone(), a[1].clone()]),
                None => ex::badarg(),
            };
        }
        let at = pos + 1;
        let element = |t: &Term| -> R<Term> {
            match t.as_tuple() {
                Some(items) if at >= 1 && (at as usize) <= items.len() => Ok(items[at as usize - 1].clone()),
                _ => ex::in_bif(ex::badarg(), "element", || vec![Term::Int(at), t.clone()]),
            }
        };
        let sorter = a[2].clone();
        let (module, keep) = match (&sorter, sorter.as_tuple()) {
            (Term::Fun(f), _) if f.arity() == 2 => (None, ""),
            (Term::Atom(x), _) if &*x.name() == "desc" => (None, "desc"),
            (Term::Atom(m), _) => (Some(*m), "gt"),
            (_, Some([Term::Atom(d), Term::Atom(m)])) if &*d.name() == "asc" => (Some(*m), "gt"),
            (_, Some([Term::Atom(d), Term::Atom(m)])) if &*d.name() == "desc" => (Some(*m), "lt"),
            _ => {
                let args = vec![sorter.clone(), Term::Int(at)];
                return ex::function_clause(Atom::new("Elixir.List"), Atom::new("keysort_fun"), args);
            }
        };
        let v = a[0].list_to_vec().unwrap_or_default();
        let v = super::enum_fns::sort_by_fn(p, v, &mut |p, x, y| {
            let (kx, ky) = (element(x)?, element(y)?);
            match (module, keep) {
                (None, "desc") => Ok(crate::term::order::compare(&kx, &ky) != std::cmp::Ordering::Less),
                (None, _) => Ok(p.callback(&sorter, [kx, ky])?.is_truthy()),
                (Some(m), _) => {
                    let r = p.apply(
                        &Term::Fun(std::sync::Arc::new(crate::term::Fun::External {
                            module: m,
                            name: Atom::new("compare"),
                            arity: 2,
                        })),
                        vec![kx, ky],
                    )?;
                    Ok(r != Term::atom(keep))
                }
            }
        })?;
        Ok(Term::list(v))
    });
    for arity in 2..=3 {
        r.add("List", "myers_difference", arity, |p, a| {
            let (Some(x), Some(y)) = (a[0].list_to_vec(), a[1].list_to_vec()) else {
                return no_clause("Elixir.List", "myers_difference", a);
            };
            if a.len() == 3 && !matches!(a[2], Term::Fun(_)) {
                return no_clause("Elixir.List", "myers_difference", a);
            }
            let script = myers_difference(p, &x, &y, a.get(2))?;
            Ok(Term::list(
                script
                    .into_iter()
                    .map(|(k, v)| Term::tuple(vec![Term::atom(k), v]))
                    .collect::<Vec<_>>(),
            ))
        });
    }
    for arity in 1..=2 {
        r.add("List", "ascii_printable?", arity, |_, a| {
            let limit = match a.get(1) {
                None => usize::MAX,
                Some(Term::Int(n)) if *n >= 0 => *n as usize,
                Some(t) if *t == Term::Atom(Atom::INFINITY) => usize::MAX,
                _ => return no_clause("Elixir.List", "ascii_printable?", a),
            };
            if !a[0].is_list() {
                return no_clause("Elixir.List", "ascii_printable?", a);
            }
            let printable =
                |c: &Term| matches!(c, Term::Int(c) if (7..=13).contains(c) || *c == 27 || (32..=126).contains(c));
            let mut it = a[0].iter_list();
            let mut seen = 0;
            let mut ok = true;
            for c in it.by_ref() {
                if seen == limit {
                    return Ok(Term::TRUE);
                }
                if !printable(c) {
                    ok = false;
                    break;
                }
                seen += 1;
            }
            // An improper tail is not printable (unless the limit came first).
            Ok(Term::bool(
                ok && (seen == limit || matches!(it.tail(), Term::EmptyList)),
            ))
        });
    }
    r.add("List", "first", 1, |_, a| match &a[0] {
        Term::EmptyList => Ok(Term::NIL),
        Term::Cons(c) => Ok(c.head.clone()),
        _ => no_clause("Elixir.List", "first", &[a[0].clone(), Term::NIL]),
    });
    r.add("List", "first", 2, |_, a| match &a[0] {
        Term::EmptyList => Ok(a[1].clone()),
        Term::Cons(c) => Ok(c.head.clone()),
        _ => no_clause("Elixir.List", "first", a),
    });
    r.add("List", "last", 1, |_, a| {
        let v = items(&a[0], "last", &[a[0].clone(), Term::NIL])?;
        Ok(v.last().cloned().unwrap_or(Term::NIL))
    });
    r.add("List", "last", 2, |_, a| {
        let v = items(&a[0], "last", a)?;
        Ok(v.last().cloned().unwrap_or_else(|| a[1].clone()))
    });
    r.add("List", "flatten", 1, |_, a| {
        let mut out = Vec::new();
        if !a[0].is_list() || !flatten(&a[0], &mut out) {
            return no_clause("lists", "flatten", a);
        }
        Ok(Term::list(out))
    });
    r.add("List", "flatten", 2, |_, a| {
        let mut out = Vec::new();
        if !a[0].is_list() || !flatten(&a[0], &mut out) {
            return no_clause("lists", "flatten", a);
        }
        Ok(Term::list_with_tail(out, a[1].clone()))
    });
    r.add("List", "wrap", 1, |_, a| match &a[0] {
        Term::Atom(Atom::NIL) => Ok(Term::EmptyList),
        t if t.is_list() => Ok(t.clone()),
        t => Ok(Term::list(vec![t.clone()])),
    });
    r.add("List", "delete", 2, |_, a| {
        let mut v = items(&a[0], "delete", a)?;
        if let Some(i) = v.iter().position(|x| *x == a[1]) {
            v.remove(i);
        }
        Ok(Term::list(v))
    });
    r.add("List", "delete_at", 2, |_, a| {
        let mut v = items(&a[0], "delete_at", a)?;
        let i = index_arg(&a[1], "delete_at", a)?;
        if let Some(i) = resolve(i, v.len()) {
            v.remove(i);
        }
        Ok(Term::list(v))
    });
    r.add("List", "insert_at", 3, |_, a| {
        let mut v = items(&a[0], "insert_at", a)?;
        let i = index_arg(&a[1], "insert_at", a)?;
        let len = v.len() as i64;
        let at = if i < 0 { (len + i + 1).max(0) } else { i.min(len) };
        v.insert(at as usize, a[2].clone());
        Ok(Term::list(v))
    });
    r.add("List", "replace_at", 3, |_, a| {
        let mut v = items(&a[0], "replace_at", a)?;
        let i = index_arg(&a[1], "replace_at", a)?;
        if let Some(i) = resolve(i, v.len()) {
            v[i] = a[2].clone();
        }
        Ok(Term::list(v))
    });
    r.add("List", "update_at", 3, |p, a| {
        let mut v = items(&a[0], "update_at", a)?;
        let i = index_arg(&a[1], "update_at", a)?;
        if let Some(i) = resolve(i, v.len()) {
            v[i] = p.apply(&a[2], vec![v[i].clone()])?;
        }
        Ok(Term::list(v))
    });
    r.add("List", "pop_at", 3, |_, a| {
        let mut v = items(&a[0], "pop_at", a)?;
        let i = index_arg(&a[1], "pop_at", a)?;
        let x = match resolve(i, v.len()) {
            Some(i) => v.remove(i),
            None => a[2].clone(),
        };
        Ok(Term::tuple(vec![x, Term::list(v)]))
    });
    r.add("List", "improper?", 1, |_, a| match &a[0] {
        Term::EmptyList | Term::Cons(_) => Ok(Term::from(a[0].list_to_vec().is_none())),
        _ => no_clause("Elixir.List", "improper?", a),
    });
    r.add("List", "pop_at", 2, |_, a| {
        let mut v = items(&a[0], "pop_at", a)?;
        let i = index_arg(&a[1], "pop_at", a)?;
        let x = match resolve(i, v.len()) {
            Some(i) => v.remove(i),
            None => Term::NIL,
        };
        Ok(Term::tuple(vec![x, Term::list(v)]))
    });
    r.add("List", "duplicate", 2, |_, a| match a[1] {
        Term::Int(n) if n >= 0 => Ok(Term::list(vec![a[0].clone(); n as usize])),
        _ => no_clause("Elixir.List", "duplicate", a),
    });
    r.add("List", "to_tuple", 1, |_, a| {
        let r = a[0]
            .list_to_vec()
            .map_or_else(|| ex::badarg_at(1, "not a list"), |v| Ok(Term::tuple(v)));
        ex::in_bif(r, "list_to_tuple", || a.to_vec())
    });
    r.add("List", "to_string", 1, |_, a| list_to_string(&a[0]));
    r.add("IO", "chardata_to_string", 1, |_, a| match &a[0] {
        Term::Bin(_) => Ok(a[0].clone()),
        l => list_to_string(l),
    });
    r.add("List", "to_charlist", 1, |_, a| list_to_charlist(a));
    // Inlined to the `:erlang` builtins, whose frames their errors carry.
    r.add("List", "to_atom", 1, |_, a| {
        let r = chars_text(&a[0], "not a list of characters").and_then(|s| super::atom::text_to_atom(&s));
        ex::in_bif(r, "list_to_atom", || a.to_vec())
    });
    r.add("List", "to_existing_atom", 1, |_, a| {
        let r = chars_text(&a[0], "not a list of characters").and_then(|s| match crate::term::Atom::existing(&s) {
            Some(x) => Ok(Term::Atom(x)),
            None => ex::badarg_at(1, "not an already existing atom"),
        });
        ex::in_bif(r, "list_to_existing_atom", || a.to_vec())
    });
    r.add("List", "to_integer", 1, |_, a| {
        let r =
            chars_text(&a[0], INT_TEXT).and_then(|s| super::string::to_integer(s.strip_prefix('+').unwrap_or(&s), 10));
        ex::in_bif(r, "list_to_integer", || a.to_vec())
    });
    r.add("List", "to_integer", 2, |_, a| {
        let r = match &a[1] {
            Term::Int(b) if (2..=36).contains(b) => chars_text(&a[0], INT_TEXT)
                .and_then(|s| super::string::to_integer(s.strip_prefix('+').unwrap_or(&s), *b as u32)),
            _ => ex::badarg_at(2, "not an integer in the range 2 through 36"),
        };
        ex::in_bif(r, "list_to_integer", || a.to_vec())
    });
    r.add("List", "to_float", 1, |_, a| {
        let r = chars_text(&a[0], "not a textual representation of a float").and_then(|s| super::string::to_float(&s));
        ex::in_bif(r, "list_to_float", || a.to_vec())
    });
    r.add("List", "foldl", 3, |p, a| {
        let v = items(&a[0], "foldl", a)?;
        fold(p, v.into_iter(), a[1].clone(), &a[2])
    });
    r.add("List", "foldr", 3, |p, a| {
        let v = items(&a[0], "foldr", a)?;
        fold(p, v.into_iter().rev(), a[1].clone(), &a[2])
    });
    r.add("List", "starts_with?", 2, |_, a| {
        let (v, pre) = (items(&a[0], "starts_with?", a)?, items(&a[1], "starts_with?", a)?);
        Ok(Term::bool(v.starts_with(&pre)))
    });
    r.add("List", "zip", 1, |_, a| {
        let lists: Vec<Vec<Term>> = items(&a[0], "zip", a)?
            .iter()
            .map(|l| l.list_to_vec().unwrap_or_default())
            .collect();
        let n = lists.iter().map(Vec::len).min().unwrap_or(0);
        Ok(Term::list(
            (0..n)
                .map(|i| Term::tuple(lists.iter().map(|l| l[i].clone()).collect()))
                .collect::<Vec<_>>(),
        ))
    });
    r.add("List", "keyfind", 3, |_, a| {
        let pos = key_pos(&a[2])?;
        if !a[0].is_list() {
            return ex::badarg_at(3, "not a list");
        }
        Ok(keyfind(&a[0], &a[1], pos).unwrap_or(Term::NIL))
    });
    r.add("List", "keyfind", 4, |_, a| {
        let pos = key_pos(&a[2])?;
        Ok(keyfind(&a[0], &a[1], pos).unwrap_or_else(|| a[3].clone()))
    });
    r.add("List", "keymember?", 3, |_, a| {
        let pos = key_pos(&a[2])?;
        Ok(Term::bool(keyfind(&a[0], &a[1], pos).is_some()))
    });
    r.add("List", "keydelete", 3, |_, a| {
        let pos = key_pos(&a[2])?;
        let mut v = items(&a[0], "keydelete", a)?;
        if let Some(i) = v.iter().position(|x| has_key(x, &a[1], pos)) {
            v.remove(i);
        }
        Ok(Term::list(v))
    });
    r.add("List", "keyreplace", 4, |_, a| {
        let pos = key_pos(&a[2])?;
        let mut v = items(&a[0], "keyreplace", a)?;
        if let Some(i) = v.iter().position(|x| has_key(x, &a[1], pos)) {
            v[i] = a[3].clone();
        }
        Ok(Term::list(v))
    });
    r.add("List", "keystore", 4, |_, a| {
        let pos = key_pos(&a[2])?;
        let mut v = items(&a[0], "keystore", a)?;
        match v.iter().position(|x| has_key(x, &a[1], pos)) {
            Some(i) => v[i] = a[3].clone(),
            None => v.push(a[3].clone()),
        }
        Ok(Term::list(v))
    });
    r.add("List", "keysort", 2, |_, a| {
        let pos = key_pos(&a[1])?;
        let mut v = items(&a[0], "keysort", a)?;
        let key = |t: &Term| t.as_tuple().and_then(|t| t.get(pos).cloned()).unwrap_or(Term::NIL);
        v.sort_by(|x, y| crate::term::order::compare(&key(x), &key(y)));
        Ok(Term::list(v))
    });
    r.add(":lists", "reverse", 1, |_, a| match a[0].list_to_vec() {
        Some(mut v) => {
            v.reverse();
            Ok(Term::list(v))
        }
        None => ex::badarg(),
    });
    r.add(":lists", "reverse", 2, |_, a| match a[0].list_to_vec() {
        Some(mut v) => {
            v.reverse();
            Ok(Term::list_with_tail(v, a[1].clone()))
        }
        None => ex::badarg(),
    });
    r.add(":lists", "sort", 1, |_, a| match a[0].list_to_vec() {
        Some(mut v) => {
            v.sort_by(crate::term::order::compare);
            Ok(Term::list(v))
        }
        None => no_clause("lists", "sort", a),
    });
    r.add(":lists", "seq", 2, |_, a| match (&a[0], &a[1]) {
        (Term::Int(f), Term::Int(l)) if *l >= f - 1 => Ok(Term::list((*f..=*l).map(Term::Int).collect::<Vec<_>>())),
        _ => no_clause("lists", "seq", a),
    });
    r.add(":lists", "sum", 1, |p, a| {
        let f = super::lookup(Atom::new("Elixir.Enum"), Atom::new("sum"), 1);
        f.map_or_else(ex::badarg, |f| f(p, a))
    });
    r.add(":lists", "member", 2, |_, a| {
        Ok(Term::bool(a[1].iter_list().any(|x| *x == a[0])))
    });
    r.add(":lists", "keyfind", 3, |_, a| {
        let pos = match a[1] {
            Term::Int(i) if i >= 1 => (i - 1) as usize,
            _ => return ex::badarg_at(2, "out of range"),
        };
        Ok(keyfind(&a[2], &a[0], pos).unwrap_or(Term::FALSE))
    });
    r.add(":lists", "flatten", 1, |_, a| {
        let mut out = Vec::new();
        if !a[0].is_list() || !flatten(&a[0], &mut out) {
            return no_clause("lists", "flatten", a);
        }
        Ok(Term::list(out))
    });
    r.add(":lists", "nth", 2, |_, a| match (&a[0], a[1].list_to_vec()) {
        (Term::Int(n), Some(v)) if *n >= 1 && (*n as usize) <= v.len() => Ok(v[*n as usize - 1].clone()),
        _ => no_clause("lists", "nth", a),
    });
    r.add(":lists", "last", 1, |_, a| match a[0].list_to_vec() {
        Some(v) if !v.is_empty() => Ok(v[v.len() - 1].clone()),
        _ => no_clause("lists", "last", a),
    });
    r.add(":lists", "duplicate", 2, |_, a| match a[0] {
        Term::Int(n) if n >= 0 => Ok(Term::list(vec![a[1].clone(); n as usize])),
        _ => no_clause("lists", "duplicate", a),
    });

    // Inlined to the `:erlang` builtins, whose frames (with their
    // arguments: a 1-based index first) their errors carry.
    r.add("Tuple", "to_list", 1, |_, a| {
        let r = tuple_items(&a[0], 1).map(Term::list);
        ex::in_bif(r, "tuple_to_list", || a.to_vec())
    });
    r.add("Tuple", "append", 2, |_, a| {
        let r = tuple_items(&a[0], 1).map(|mut v| {
            v.push(a[1].clone());
            Term::tuple(v)
        });
        ex::in_bif(r, "append_element", || a.to_vec())
    });
    r.add("Tuple", "insert_at", 3, |_, a| {
        let r = tuple_items(&a[0], 2).and_then(|mut v| match a[1] {
            Term::Int(i) if i >= 0 && (i as usize) <= v.len() => {
                v.insert(i as usize, a[2].clone());
                Ok(Term::tuple(v))
            }
            _ => ex::badarg_at(1, "out of range"),
        });
        ex::in_bif(r, "insert_element", || {
            vec![one_based(&a[1]), a[0].clone(), a[2].clone()]
        })
    });
    r.add("Tuple", "delete_at", 2, |_, a| {
        let r = tuple_items(&a[0], 2).and_then(|mut v| match a[1] {
            Term::Int(i) if i >= 0 && (i as usize) < v.len() => {
                v.remove(i as usize);
                Ok(Term::tuple(v))
            }
            _ => ex::badarg_at(1, "out of range"),
        });
        ex::in_bif(r, "delete_element", || vec![one_based(&a[1]), a[0].clone()])
    });
    r.add("Tuple", "duplicate", 2, |_, a| {
        let r = match a[1] {
            Term::Int(n) if n >= 0 => Ok(Term::tuple(vec![a[0].clone(); n as usize])),
            _ => ex::badarg_at(1, "out of range"),
        };
        ex::in_bif(r, "make_tuple", || vec![a[1].clone(), a[0].clone()])
    });
    r.add("Tuple", "sum", 1, |p, a| {
        let v = tuple_items(&a[0], 1)?;
        let f = super::lookup(Atom::new("Elixir.Enum"), Atom::new("sum"), 1);
        f.map_or_else(ex::badarg, |f| f(p, &mut vec![Term::list(v)]))
    });
    r.add("Tuple", "product", 1, |p, a| {
        let v = tuple_items(&a[0], 1)?;
        let f = super::lookup(Atom::new("Elixir.Enum"), Atom::new("product"), 1);
        f.map_or_else(ex::badarg, |f| f(p, &mut vec![Term::list(v)]))
    });
}
