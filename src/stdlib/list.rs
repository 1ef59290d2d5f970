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

fn keyfind(list: &Term, key: &Term, pos: usize) -> Option<Term> {
    list.iter_list()
        .find(|x| matches!(x, Term::Tuple(t) if t.get(pos) == Some(key)))
        .cloned()
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

pub fn register(r: &mut Registry) {
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
    r.add("List", "to_charlist", 1, |_, a| Ok(a[0].clone()));
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
        if let Some(i) = v
            .iter()
            .position(|x| matches!(x, Term::Tuple(t) if t.get(pos) == Some(&a[1])))
        {
            v.remove(i);
        }
        Ok(Term::list(v))
    });
    r.add("List", "keyreplace", 4, |_, a| {
        let pos = key_pos(&a[2])?;
        let mut v = items(&a[0], "keyreplace", a)?;
        if let Some(i) = v
            .iter()
            .position(|x| matches!(x, Term::Tuple(t) if t.get(pos) == Some(&a[1])))
        {
            v[i] = a[3].clone();
        }
        Ok(Term::list(v))
    });
    r.add("List", "keystore", 4, |_, a| {
        let pos = key_pos(&a[2])?;
        let mut v = items(&a[0], "keystore", a)?;
        match v
            .iter()
            .position(|x| matches!(x, Term::Tuple(t) if t.get(pos) == Some(&a[1])))
        {
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
