//! Kernel functions on tuples, binaries and structs: `put_elem`,
//! `byte_size`, `struct/2`, `then`/`tap`; `container[key]` (the rest of
//! `Access` and `get_in`/`put_in`/… are written in Elixir, `otp/access.ex`);
//! `:erlang`'s tuple builtins and `phash2` (the hash itself is `term::phash`).

use super::Registry;
use super::kernel::to_chars;
use crate::eval::exception::{self as ex, R};
use crate::eval::exec::Proc;
use crate::term::{Atom, MapT, Term, phash};

/// `container[key]`: maps, keyword lists and `nil` here, anything else
/// (structs, bad keys) by `Access.get/3`, which is written in Elixir.
pub fn access_get(p: &mut Proc, container: &Term, key: &Term) -> R<Term> {
    match container {
        Term::Map(m) if container.struct_name().is_none() => return Ok(m.get(key).cloned().unwrap_or(Term::NIL)),
        Term::Atom(Atom::NIL) => return Ok(Term::NIL),
        l if l.is_list() && key.as_atom().is_some() => {
            for kv in l.iter_list() {
                if let Some([k, v]) = kv.as_tuple()
                    && k == key
                {
                    return Ok(v.clone());
                }
            }
            return Ok(Term::NIL);
        }
        _ => {}
    }
    let get = Term::Fun(std::sync::Arc::new(crate::term::Fun::External {
        module: Atom::new("Elixir.Access"),
        name: Atom::new("get"),
        arity: 3,
    }));
    p.apply(&get, vec![container.clone(), key.clone(), Term::NIL])
}

fn int_at(t: &Term) -> Option<usize> {
    match t {
        Term::Int(i) if *i >= 0 => Some(*i as usize),
        _ => None,
    }
}

fn struct_from(p: &mut Proc, a: &[Term], strict: bool) -> R<Term> {
    let module = match &a[0] {
        Term::Atom(m) => *m,
        s => s.struct_name().map_or_else(ex::badarg, Ok)?,
    };
    let mut s: MapT = match &a[0] {
        Term::Map(m) => (**m).clone(),
        _ => super::struct_default(module)?,
    };
    // Elixir reduces over the fields with `Enum.reduce/3`.
    let fields = if a.len() > 1 {
        super::enumerable::fold_vec(p, &a[1])?
    } else {
        Vec::new()
    };
    for kv in fields {
        let Some([k, v]) = kv.as_tuple() else {
            return ex::badarg();
        };
        if k == &Term::Atom(Atom::STRUCT) {
            continue;
        }
        if s.contains_key(k) {
            s.insert(k.clone(), v.clone());
        } else if strict {
            return ex::badkey(k.clone(), Term::map(s));
        }
    }
    Ok(Term::map(s))
}

pub fn register(r: &mut Registry) {
    r.add("Kernel", "put_elem", 3, |_, a| match (&a[0], int_at(&a[1])) {
        (Term::Tuple(t), Some(i)) if i < t.len() => {
            let mut v = t.to_vec();
            v[i] = a[2].clone();
            Ok(Term::tuple(v))
        }
        (Term::Tuple(_), _) => ex::badarg_at(1, "out of range"),
        _ => ex::badarg_at(2, "not a tuple"),
    });
    for m in ["Kernel", ":erlang"] {
        r.add(m, "byte_size", 1, |_, a| match a[0].as_bitstring() {
            Some(b) => Ok(Term::Int(b.len.div_ceil(8) as i64)),
            None => ex::in_bif(ex::badarg_at(1, "not a bitstring"), "byte_size", || a.to_vec()),
        });
        r.add(m, "bit_size", 1, |_, a| match a[0].as_bitstring() {
            Some(b) => Ok(Term::Int(b.len as i64)),
            None => ex::in_bif(ex::badarg_at(1, "not a bitstring"), "bit_size", || a.to_vec()),
        });
    }
    r.add("Kernel", "binary_part", 3, |_, a| match (&a[0], &a[1], &a[2]) {
        (Term::Bin(b), Term::Int(start), Term::Int(len)) => {
            let (s, e) = if *len >= 0 {
                (*start, start + len)
            } else {
                (start + len, *start)
            };
            if s < 0 || e > b.len() as i64 {
                return ex::badarg();
            }
            Ok(Term::bytes(&b[s as usize..e as usize]))
        }
        _ => ex::badarg(),
    });
    r.add("Kernel", "then", 2, |p, a| p.apply(&a[1], vec![a[0].clone()]));
    r.add("Kernel", "tap", 2, |p, a| {
        p.apply(&a[1], vec![a[0].clone()])?;
        Ok(a[0].clone())
    });
    r.add("Kernel", "to_charlist", 1, |_, a| {
        if a[0].is_list() {
            return Ok(a[0].clone());
        }
        let mut out = Vec::new();
        to_chars(&a[0], &mut out)?;
        Ok(Term::charlist(&String::from_utf8_lossy(&out)))
    });
    // The deprecated macro, which expands to `to_charlist/1`.
    r.same_as("Kernel", "to_char_list", 1, "to_charlist");
    r.add("Kernel", "struct", 1, |p, a| struct_from(p, a, false));
    r.add("Kernel", "struct", 2, |p, a| struct_from(p, a, false));
    r.add("Kernel", "struct!", 1, |p, a| struct_from(p, a, true));
    r.add("Kernel", "struct!", 2, |p, a| struct_from(p, a, true));
    r.add("Kernel", "binary_slice", 3, |_, a| match (&a[0], &a[1], &a[2]) {
        (Term::Bin(b), Term::Int(start), Term::Int(size)) if *size >= 0 => {
            let total = b.len() as i64;
            let start = if *start < 0 { (total + start).max(0) } else { *start };
            Ok(match start < total {
                true => Term::bytes(&b[start as usize..(start + (*size).min(total - start)) as usize]),
                false => Term::str(""),
            })
        }
        _ => ex::function_clause(Atom::new("Elixir.Kernel"), Atom::new("binary_slice"), a.to_vec()),
    });
    r.add("Kernel", "binary_slice", 2, |_, a| {
        let (Term::Bin(b), Some((first, last, step))) = (&a[0], super::enumerable::range_parts(&a[1])) else {
            return ex::function_clause(Atom::new("Elixir.Kernel"), Atom::new("binary_slice"), a.to_vec());
        };
        if step <= 0 {
            return ex::argument_error(format!(
                "binary_slice/2 does not accept ranges with negative steps, got: {}",
                crate::term::inspect::inspect_default(&a[1])
            ));
        }
        let total = b.len() as i64;
        let first = if first < 0 { (first + total).max(0) } else { first };
        let last = if last < 0 { last + total } else { last };
        let amount = last - first + 1;
        if first >= total || amount <= 0 {
            return Ok(Term::str(""));
        }
        let part = &b[first as usize..(first + amount.min(total - first)) as usize];
        Ok(Term::bytes(
            &part.iter().step_by(step as usize).copied().collect::<Vec<u8>>(),
        ))
    });
    r.add("Kernel", "is_port", 1, |_, _| Ok(Term::FALSE));
    r.add("Kernel", "node", 0, |_, _| Ok(Term::atom("nonode@nohost")));
    r.add("Kernel", "node", 1, |_, a| match &a[0] {
        Term::Pid(_) | Term::Ref(_) => Ok(Term::atom("nonode@nohost")),
        _ => ex::in_bif(ex::badarg_at(1, "not a pid"), "node", || a.to_vec()),
    });
    r.add("Access", "get", 2, |p, a| access_get(p, &a[0], &a[1]));
    r.add(":erlang", "element", 2, |_, a| match (&a[1], int_at(&a[0])) {
        (Term::Tuple(t), Some(i)) if i >= 1 && i <= t.len() => Ok(t[i - 1].clone()),
        (Term::Tuple(_), _) => ex::badarg_at(1, "out of range"),
        _ => ex::badarg_at(2, "not a tuple"),
    });
    r.add(":erlang", "setelement", 3, |_, a| match (&a[1], int_at(&a[0])) {
        (Term::Tuple(t), Some(i)) if i >= 1 && i <= t.len() => {
            let mut v = t.to_vec();
            v[i - 1] = a[2].clone();
            Ok(Term::tuple(v))
        }
        (Term::Tuple(_), _) => ex::badarg_at(1, "out of range"),
        _ => ex::badarg_at(2, "not a tuple"),
    });
    r.add(":erlang", "phash2", 1, |_, a| {
        Ok(Term::Int(i64::from(phash::hash(&a[0]) & ((1 << 27) - 1))))
    });
    r.add(":erlang", "phash2", 2, |_, a| {
        let range = match &a[1] {
            Term::Int(n) if (1..=1 << 32).contains(n) => *n,
            // erts_errors explains a bad range as if it were the first argument.
            Term::Int(n) if *n <= 0 => return ex::in_bif(ex::badarg_at(1, "out of range"), "phash2", || a.to_vec()),
            Term::BigInt(b) if b.sign() == num_bigint::Sign::Minus => {
                return ex::in_bif(ex::badarg_at(1, "out of range"), "phash2", || a.to_vec());
            }
            Term::Int(_) | Term::BigInt(_) => return ex::in_bif(ex::badarg(), "phash2", || a.to_vec()),
            _ => return ex::in_bif(ex::badarg_at(1, "not an integer"), "phash2", || a.to_vec()),
        };
        Ok(Term::Int(i64::from(phash::hash(&a[0])) % range))
    });
    r.add(":erlang", "tuple_to_list", 1, |_, a| match &a[0] {
        Term::Tuple(t) => Ok(Term::list(t.to_vec())),
        _ => ex::badarg_at(1, "not a tuple"),
    });
    r.add(":erlang", "list_to_tuple", 1, |_, a| match a[0].list_to_vec() {
        Some(v) => Ok(Term::tuple(v)),
        None => ex::badarg_at(1, "not a list"),
    });
}
