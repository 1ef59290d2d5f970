//! `Kernel` (and the operators the compiler lowers to it): arithmetic,
//! comparison, type checks, tuples, `send`, `spawn`, `raise`…

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

use super::Registry;
use crate::eval::exception::{self as ex, Exc, R};
use crate::eval::exec::Proc;
use crate::eval::ir::Op2;
use crate::term::inspect::{inspect_default, to_string_term};
use crate::term::order::{compare, equal};
use crate::term::{Atom, Term};

fn big(t: &Term) -> Option<BigInt> {
    match t {
        Term::Int(i) => Some(BigInt::from(*i)),
        Term::BigInt(b) => Some((**b).clone()),
        _ => None,
    }
}

fn float(t: &Term) -> Option<f64> {
    match t {
        Term::Int(i) => Some(*i as f64),
        Term::BigInt(b) => b.to_f64(),
        Term::Float(f) => Some(*f),
        _ => None,
    }
}

fn is_number(t: &Term) -> bool {
    matches!(t, Term::Int(_) | Term::BigInt(_) | Term::Float(_))
}

fn float_result(x: f64) -> R<Term> {
    if x.is_finite() {
        Ok(Term::Float(x))
    } else {
        ex::badarith()
    }
}

/// An arithmetic operator on two numbers.
fn arith(op: Op2, a: &Term, b: &Term) -> R<Term> {
    if let (Term::Int(x), Term::Int(y)) = (a, b) {
        let r = match op {
            Op2::Add => x.checked_add(*y),
            Op2::Sub => x.checked_sub(*y),
            Op2::Mul => x.checked_mul(*y),
            _ => None,
        };
        if let Some(r) = r {
            return Ok(Term::Int(r));
        }
    }
    if !is_number(a) || !is_number(b) {
        return ex::badarith();
    }
    if op == Op2::Div {
        let (x, y) = (float(a).unwrap_or(0.0), float(b).unwrap_or(0.0));
        if y == 0.0 {
            return ex::badarith();
        }
        return float_result(x / y);
    }
    if matches!(a, Term::Float(_)) || matches!(b, Term::Float(_)) {
        let (x, y) = (float(a).unwrap_or(0.0), float(b).unwrap_or(0.0));
        return float_result(match op {
            Op2::Add => x + y,
            Op2::Sub => x - y,
            _ => x * y,
        });
    }
    let (x, y) = (big(a).unwrap_or_default(), big(b).unwrap_or_default());
    Ok(Term::from_bigint(match op {
        Op2::Add => x + y,
        Op2::Sub => x - y,
        _ => x * y,
    }))
}

/// The binary operators with a fast path.
pub fn op2(op: Op2, a: &Term, b: &Term) -> R<Term> {
    use std::cmp::Ordering::*;
    match op {
        // The BEAM records the operator's own frame, with its arguments.
        Op2::AddInline => arith(Op2::Add, a, b),
        Op2::SubInline => arith(Op2::Sub, a, b),
        Op2::MulInline => arith(Op2::Mul, a, b),
        Op2::DivInline => arith(Op2::Div, a, b),
        Op2::Add | Op2::Sub | Op2::Mul | Op2::Div => {
            let name = match op {
                Op2::Add => "+",
                Op2::Sub => "-",
                Op2::Mul => "*",
                _ => "/",
            };
            ex::in_bif(arith(op, a, b), name, || vec![a.clone(), b.clone()])
        }
        Op2::IntDiv => ex::in_bif(int_div(a, b, false), "div", || vec![a.clone(), b.clone()]),
        Op2::Rem => ex::in_bif(int_div(a, b, true), "rem", || vec![a.clone(), b.clone()]),
        Op2::Eq => Ok(Term::bool(equal(a, b))),
        Op2::Ne => Ok(Term::bool(!equal(a, b))),
        Op2::StrictEq => Ok(Term::bool(a == b)),
        Op2::StrictNe => Ok(Term::bool(a != b)),
        Op2::Lt => Ok(Term::bool(compare(a, b) == Less)),
        Op2::Gt => Ok(Term::bool(compare(a, b) == Greater)),
        Op2::Le => Ok(Term::bool(compare(a, b) != Greater)),
        Op2::Ge => Ok(Term::bool(compare(a, b) != Less)),
        Op2::Concat => match (a, b) {
            (Term::Bin(x), Term::Bin(y)) => {
                let mut v = Vec::with_capacity(x.len() + y.len());
                v.extend_from_slice(x);
                v.extend_from_slice(y);
                Ok(Term::Bin(v.into()))
            }
            // `a <> b` is `<<a::binary, b::binary>>`.
            _ => match a {
                Term::Bin(_) => crate::eval::not_a_binary(2, b),
                _ => crate::eval::not_a_binary(1, a),
            },
        },
        Op2::ListConcat => match a.list_to_vec() {
            Some(items) => Ok(Term::list_with_tail(items, b.clone())),
            None => ex::in_bif(ex::badarg(), "++", || vec![a.clone(), b.clone()]),
        },
        Op2::ListSub => {
            let (Some(mut left), Some(right)) = (a.list_to_vec(), b.list_to_vec()) else {
                return ex::in_bif(ex::badarg(), "--", || vec![a.clone(), b.clone()]);
            };
            for r in right {
                if let Some(i) = left.iter().position(|x| *x == r) {
                    left.remove(i);
                }
            }
            Ok(Term::list(left))
        }
    }
}

/// Appends the `String.Chars` text of `v` (interpolation, `to_string`).
pub fn to_chars(v: &Term, out: &mut Vec<u8>) -> R<()> {
    match v {
        Term::Bin(b) => out.extend_from_slice(b),
        Term::EmptyList | Term::Cons(_) => chardata(v, out)?,
        Term::Map(_) if crate::eval::protocol::any_struct_impls() && v.struct_name().is_some() => {
            match crate::eval::protocol::user_to_string(v) {
                Some(r) => match r? {
                    Term::Bin(b) => out.extend_from_slice(&b),
                    _ => return ex::badarg(),
                },
                None => return to_chars_builtin(v, out),
            }
        }
        _ => return to_chars_builtin(v, out),
    }
    Ok(())
}

/// `to_chars` for everything but binaries, lists and user implementations.
fn to_chars_builtin(v: &Term, out: &mut Vec<u8>) -> R<()> {
    match v {
        Term::Map(_) if v.struct_name() == Some(Atom::alias("URI")) => {
            out.extend_from_slice(super::uri::to_string(v)?.as_bytes())
        }
        Term::Map(_) if super::date::parts(v).is_some() => {
            let (y, m, d) = super::date::parts(v).unwrap_or_default();
            out.extend_from_slice(super::date::iso(y, m, d).as_bytes());
        }
        Term::Bits(_) => {
            let r = protocol_undefined_why("String.Chars", v, "cannot convert a bitstring to a string");
            return ex::beneath(r, "String.Chars.BitString", "to_string", 1, "lib/string/chars.ex", 41);
        }
        _ => match to_string_term(v) {
            Some(s) => out.extend_from_slice(s.as_bytes()),
            None => return chars_undefined(protocol_undefined("String.Chars", v)),
        },
    }
    Ok(())
}

/// String.Chars has no implementation: Elixir raises in its `impl_for!/1`,
/// called by `to_string/1`.
fn chars_undefined<T>(r: R<T>) -> R<T> {
    let r = ex::beneath(r, "String.Chars", "impl_for!", 1, "lib/string/chars.ex", 3);
    ex::beneath(r, "String.Chars", "to_string", 1, "lib/string/chars.ex", 22)
}

/// Appends a charlist / iodata list as UTF-8.
fn chardata(v: &Term, out: &mut Vec<u8>) -> R<()> {
    let mut it = v.iter_list();
    for x in &mut it {
        match x {
            Term::Int(c) => match char::from_u32(*c as u32) {
                Some(ch) => out.extend_from_slice(ch.encode_utf8(&mut [0; 4]).as_bytes()),
                None => return ex::badarg(),
            },
            Term::Bin(b) => out.extend_from_slice(b),
            Term::EmptyList | Term::Cons(_) => chardata(x, out)?,
            _ => return ex::badarg(),
        }
    }
    match it.tail() {
        Term::EmptyList => Ok(()),
        Term::Bin(b) => {
            out.extend_from_slice(b);
            Ok(())
        }
        _ => ex::badarg(),
    }
}

/// The type name Elixir uses in Protocol.UndefinedError.
pub fn type_name(v: &Term) -> &'static str {
    match v {
        Term::Int(_) | Term::BigInt(_) => "Integer",
        Term::Float(_) => "Float",
        Term::Atom(_) => "Atom",
        Term::Bin(_) | Term::Bits(_) => "BitString",
        Term::EmptyList | Term::Cons(_) => "List",
        Term::Tuple(_) => "Tuple",
        Term::Map(_) => "Map",
        Term::Pid(_) => "PID",
        Term::Ref(_) => "Reference",
        Term::Fun(_) => "Function",
    }
}

pub fn protocol_undefined<T>(protocol: &str, v: &Term) -> R<T> {
    protocol_undefined_why(protocol, v, "")
}

/// `Protocol.UndefinedError` with the implementation's explanation.
pub fn protocol_undefined_why<T>(protocol: &str, v: &Term, description: &str) -> R<T> {
    ex::raise(
        "Protocol.UndefinedError",
        vec![
            ("protocol", Term::Atom(Atom::alias(protocol))),
            ("value", v.clone()),
            ("description", Term::str(description)),
        ],
    )
}

pub fn register(r: &mut Registry) {
    r.add(":erlang", "error", 1, |_, a| {
        Err(Box::new(Exc::Error(ex::normalize_error(&a[0]), Box::default())))
    });
    r.add(":erlang", "error", 2, |_, a| {
        Err(Box::new(Exc::Error(ex::normalize_error(&a[0]), Box::default())))
    });
    macro_rules! guard {
        ($name:expr, $pred:expr) => {
            r.add("Kernel", $name, 1, |_, a| Ok(Term::bool(($pred)(&a[0]))));
        };
    }
    guard!("is_integer", |t: &Term| matches!(t, Term::Int(_) | Term::BigInt(_)));
    guard!("is_float", |t: &Term| matches!(t, Term::Float(_)));
    guard!("is_number", is_number);
    guard!("is_atom", |t: &Term| matches!(t, Term::Atom(_)));
    guard!("is_boolean", |t: &Term| matches!(
        t,
        Term::Atom(Atom::TRUE | Atom::FALSE)
    ));
    guard!("is_nil", |t: &Term| matches!(t, Term::Atom(Atom::NIL)));
    guard!("is_binary", |t: &Term| matches!(t, Term::Bin(_)));
    guard!("is_bitstring", |t: &Term| matches!(t, Term::Bin(_) | Term::Bits(_)));
    guard!("is_list", |t: &Term| t.is_list());
    guard!("is_tuple", |t: &Term| matches!(t, Term::Tuple(_)));
    guard!("is_map", |t: &Term| matches!(t, Term::Map(_)));
    guard!("is_pid", |t: &Term| matches!(t, Term::Pid(_)));
    guard!("is_reference", |t: &Term| matches!(t, Term::Ref(_)));
    guard!("is_function", |t: &Term| matches!(t, Term::Fun(_)));
    guard!("is_struct", |t: &Term| t.struct_name().is_some());
    r.add("Kernel", "is_function", 2, |_, a| {
        Ok(Term::bool(
            matches!((&a[0], &a[1]), (Term::Fun(f), Term::Int(n)) if f.arity() as i64 == *n),
        ))
    });
    r.add("Kernel", "is_map_key", 2, |_, a| is_map_key(&a[0], &a[1]));
    // `is_struct/2` and `is_exception/2` are macros in Elixir: outside a
    // guard a name that is not an atom is `raise ArgumentError`.
    r.add("Kernel", "is_struct", 2, |_, a| match &a[1] {
        Term::Atom(name) => Ok(Term::bool(a[0].struct_name() == Some(*name))),
        _ => ex::argument_error("argument error"),
    });
    r.add("Kernel", "is_exception", 2, |_, a| match &a[1] {
        Term::Atom(name) => Ok(Term::bool(
            a[0].struct_name() == Some(*name) && a[0].map_get(Atom::EXCEPTION) == Some(&Term::TRUE),
        )),
        _ => ex::argument_error("argument error"),
    });
    // The operators as functions (`&+/2`, `Kernel.+(1, 2)`).
    r.add("Kernel", "+", 2, |_, a| op2(Op2::Add, &a[0], &a[1]));
    r.add("Kernel", "-", 2, |_, a| op2(Op2::Sub, &a[0], &a[1]));
    r.add("Kernel", "*", 2, |_, a| op2(Op2::Mul, &a[0], &a[1]));
    r.add("Kernel", "/", 2, |_, a| op2(Op2::Div, &a[0], &a[1]));
    r.add("Kernel", "==", 2, |_, a| op2(Op2::Eq, &a[0], &a[1]));
    r.add("Kernel", "!=", 2, |_, a| op2(Op2::Ne, &a[0], &a[1]));
    r.add("Kernel", "===", 2, |_, a| op2(Op2::StrictEq, &a[0], &a[1]));
    r.add("Kernel", "!==", 2, |_, a| op2(Op2::StrictNe, &a[0], &a[1]));
    r.add("Kernel", "<", 2, |_, a| op2(Op2::Lt, &a[0], &a[1]));
    r.add("Kernel", ">", 2, |_, a| op2(Op2::Gt, &a[0], &a[1]));
    r.add("Kernel", "<=", 2, |_, a| op2(Op2::Le, &a[0], &a[1]));
    r.add("Kernel", ">=", 2, |_, a| op2(Op2::Ge, &a[0], &a[1]));
    r.add("Kernel", "<>", 2, |_, a| op2(Op2::Concat, &a[0], &a[1]));
    r.add("Kernel", "++", 2, |_, a| op2(Op2::ListConcat, &a[0], &a[1]));
    r.add("Kernel", "--", 2, |_, a| op2(Op2::ListSub, &a[0], &a[1]));
    for op in [
        "+", "-", "*", "/", "==", "!=", "===", "!==", "<", ">", "<=", ">=", "++", "--",
    ] {
        if let (Some(f), Some(erl)) = (r.get("Kernel", op, 2), erlang_operator(op)) {
            r.add(":erlang", erl, 2, f);
        }
    }
    r.add("Kernel", "=~", 2, |_, a| match (&a[0], &a[1]) {
        (Term::Bin(s), Term::Bin(sub)) => Ok(Term::bool(
            sub.is_empty() || s.windows(sub.len()).any(|w| w == &sub[..]),
        )),
        (Term::Bin(s), re) => match (super::regex::of(re), std::str::from_utf8(s)) {
            (Some(re), Ok(s)) => Ok(Term::bool(re.is_match(s))),
            _ => ex::function_clause(Atom::new("Elixir.Kernel"), Atom::new("=~"), std::mem::take(a)),
        },
        _ => ex::function_clause(Atom::new("Elixir.Kernel"), Atom::new("=~"), std::mem::take(a)),
    });
    r.add("Kernel", "-", 1, |_, a| {
        let r = match &a[0] {
            Term::Int(i) => match i.checked_neg() {
                Some(n) => Ok(Term::Int(n)),
                None => Ok(Term::from_bigint(-BigInt::from(*i))),
            },
            Term::BigInt(b) => Ok(Term::from_bigint(-(**b).clone())),
            Term::Float(f) => Ok(Term::Float(-f)),
            _ => ex::badarith(),
        };
        ex::in_bif(r, "-", || a.to_vec())
    });
    r.add("Kernel", "+", 1, |_, a| {
        if is_number(&a[0]) {
            Ok(a[0].clone())
        } else {
            ex::in_bif(ex::badarith(), "+", || a.to_vec())
        }
    });
    r.add("Kernel", "not", 1, |_, a| match &a[0] {
        Term::Atom(Atom::TRUE) => Ok(Term::FALSE),
        Term::Atom(Atom::FALSE) => Ok(Term::TRUE),
        _ => ex::badarg(),
    });
    r.add("Kernel", "!", 1, |_, a| Ok(Term::bool(!a[0].is_truthy())));
    r.add("Kernel", "div", 2, |_, a| {
        ex::in_bif(int_div(&a[0], &a[1], false), "div", || a.to_vec())
    });
    r.add("Kernel", "rem", 2, |_, a| {
        ex::in_bif(int_div(&a[0], &a[1], true), "rem", || a.to_vec())
    });
    r.add("Kernel", "abs", 1, |_, a| match &a[0] {
        Term::Int(i) => Ok(i
            .checked_abs()
            .map(Term::Int)
            .unwrap_or_else(|| Term::from_bigint(BigInt::from(*i).abs()))),
        Term::BigInt(b) => Ok(Term::from_bigint(b.abs())),
        Term::Float(f) => Ok(Term::Float(f.abs())),
        _ => ex::in_bif(ex::badarg_at(1, "not a number"), "abs", || a.to_vec()),
    });
    r.add("Kernel", "self", 0, |p, _| Ok(Term::Pid(p.pid())));
    r.add("Kernel", "send", 2, |p, a| send(p, a));
    r.add("Kernel", "inspect", 1, |_, a| Ok(Term::str(&inspect_default(&a[0]))));
    r.add("Kernel", "inspect", 2, |_, a| {
        let (o, _) = super::io::inspect_opts(&a[1], crate::term::inspect::Opts::inspect());
        Ok(Term::str(&crate::term::inspect::inspect(&a[0], &o)))
    });
    r.add("Kernel", "to_string", 1, |_, a| {
        let mut out = Vec::new();
        to_chars(&a[0], &mut out)?;
        Ok(Term::Bin(out.into()))
    });
    r.add("Kernel", "raise", 1, |p, a| raise(p, a[0].clone(), None));
    r.add("Kernel", "raise", 2, |p, a| raise(p, a[0].clone(), Some(a[1].clone())));
    r.add("Kernel", "reraise", 2, |p, a| {
        reraise(raise(p, a[0].clone(), None), &a[1])
    });
    r.add("Kernel", "reraise", 3, |p, a| {
        reraise(raise(p, a[0].clone(), Some(a[1].clone())), &a[2])
    });
    r.add("Kernel", "function_exported?", 3, |_, a| match (&a[0], &a[1], &a[2]) {
        (Term::Atom(m), Term::Atom(f), Term::Int(n)) => Ok(Term::bool(
            crate::eval::code::lookup(*m, *f, *n as usize).is_some_and(|d| d.public)
                || super::lookup(*m, *f, *n as usize).is_some(),
        )),
        _ => ex::badarg(),
    });
    r.add("Kernel", "throw", 1, |_, a| {
        Err(Box::new(Exc::Throw(a[0].clone(), Box::default())))
    });
    r.add("Kernel", "exit", 1, |_, a| {
        Err(Box::new(Exc::Exit(a[0].clone(), Box::default())))
    });
    // `elem(t, i)` is `:erlang.element(i + 1, t)`.
    r.add("Kernel", "elem", 2, |_, a| {
        let index = match op2(Op2::Add, &a[1], &Term::Int(1))? {
            Term::Int(i) => i,
            big => return ex::in_bif(ex::badarg_at(1, "out of range"), "element", || vec![big, a[0].clone()]),
        };
        let r = match &a[0] {
            Term::Tuple(t) if index >= 1 && (index as usize) <= t.len() => Ok(t[index as usize - 1].clone()),
            Term::Tuple(_) => ex::badarg_at(1, "out of range"),
            _ => ex::badarg_at(2, "not a tuple"),
        };
        ex::in_bif(r, "element", || vec![Term::Int(index), a[0].clone()])
    });
    r.add("Kernel", "tuple_size", 1, |_, a| match &a[0] {
        Term::Tuple(t) => Ok(Term::Int(t.len() as i64)),
        _ => ex::in_bif(ex::badarg_at(1, "not a tuple"), "tuple_size", || a.to_vec()),
    });
    r.add("Kernel", "length", 1, |_, a| match a[0].list_to_vec() {
        Some(v) => Ok(Term::Int(v.len() as i64)),
        None => ex::in_bif(ex::badarg_at(1, "not a list"), "length", || a.to_vec()),
    });
    r.add("Kernel", "hd", 1, |_, a| match &a[0] {
        Term::Cons(c) => Ok(c.head.clone()),
        _ => ex::in_bif(ex::badarg_at(1, "not a nonempty list"), "hd", || a.to_vec()),
    });
    r.add("Kernel", "tl", 1, |_, a| match &a[0] {
        Term::Cons(c) => Ok(c.tail.clone()),
        _ => ex::in_bif(ex::badarg_at(1, "not a nonempty list"), "tl", || a.to_vec()),
    });
    r.add("Kernel", "make_ref", 0, |p, _| {
        Ok(Term::Ref(crate::runtime::make_ref_in(&p.me)))
    });
    r.add("Kernel", "apply", 2, |p, a| match a[1].list_to_vec() {
        Some(args) => p.apply(&a[0], args),
        None => ex::badarg(),
    });
    r.add("Kernel", "apply", 3, |p, a| match (&a[0], &a[1], a[2].list_to_vec()) {
        (Term::Atom(m), Term::Atom(f), Some(args)) => p.call_mfa(*m, *f, args),
        _ => ex::badarg(),
    });
    r.add("Kernel", "max", 2, |_, a| {
        Ok(if compare(&a[1], &a[0]).is_gt() {
            a[1].clone()
        } else {
            a[0].clone()
        })
    });
    r.add("Kernel", "min", 2, |_, a| {
        Ok(if compare(&a[1], &a[0]).is_lt() {
            a[1].clone()
        } else {
            a[0].clone()
        })
    });
    r.add("Kernel", "map_size", 1, |_, a| match &a[0] {
        Term::Map(m) => Ok(Term::Int(m.len() as i64)),
        other => ex::in_bif(ex::badmap(other.clone()), "map_size", || vec![other.clone()]),
    });
    r.add("Kernel", "**", 2, |_, a| match (&a[0], &a[1]) {
        (Term::Int(_) | Term::BigInt(_), Term::Int(e)) if *e >= 0 => Ok(Term::from_bigint(num_traits::pow(
            big(&a[0]).unwrap_or_default(),
            *e as usize,
        ))),
        (x, y) if is_number(x) && is_number(y) => float_result(float(x).unwrap_or(0.0).powf(float(y).unwrap_or(0.0))),
        _ => ex::badarith(),
    });
    r.add("Kernel", "round", 1, |_, a| match &a[0] {
        Term::Float(f) => Ok(float_to_int(f.round())),
        Term::Int(_) | Term::BigInt(_) => Ok(a[0].clone()),
        _ => ex::in_bif(ex::badarg_at(1, "not a number"), "round", || a.to_vec()),
    });
    r.add("Kernel", "trunc", 1, |_, a| match &a[0] {
        Term::Float(f) => Ok(float_to_int(f.trunc())),
        Term::Int(_) | Term::BigInt(_) => Ok(a[0].clone()),
        _ => ex::in_bif(ex::badarg_at(1, "not a number"), "trunc", || a.to_vec()),
    });
    r.add(":rand", "uniform", 1, |_, a| match &a[0] {
        Term::Int(n) if *n >= 1 => Ok(Term::Int(1 + (random_u64() % *n as u64) as i64)),
        _ => ex::raise(
            "FunctionClauseError",
            vec![
                ("module", Term::atom("rand")),
                ("function", Term::atom("uniform")),
                ("arity", Term::Int(1)),
                ("kind", Term::NIL),
                ("args", Term::NIL),
                ("clauses", Term::NIL),
            ],
        ),
    });
    r.add(":rand", "uniform", 0, |_, _| {
        Ok(Term::Float((random_u64() >> 11) as f64 / (1u64 << 53) as f64))
    });
    // `Name.exception(arg)` and `Name.message(e)` of the builtin exceptions; the
    // compiler passes the module first (see `exception_call`).
    r.add("Kernel", "__exception__", 2, |_, a| match a[0] {
        Term::Atom(m) => build_exception(m, &a[1]),
        _ => ex::badarg(),
    });
    r.add("Kernel", "is_exception", 1, |_, a| {
        Ok(Term::bool(a[0].map_get(Atom::EXCEPTION) == Some(&Term::TRUE)))
    });
    r.add("Exception", "message", 1, |_, a| Ok(Term::str(&ex::message(&a[0]))));
    r.add(":erlang", "fun_info", 2, |_, a| match (&a[0], &a[1]) {
        (Term::Fun(f), Term::Atom(k)) if &*k.name() == "arity" => {
            Ok(Term::tuple(vec![a[1].clone(), Term::Int(f.arity() as i64)]))
        }
        (Term::Fun(f), Term::Atom(k)) if &*k.name() == "type" => Ok(Term::tuple(vec![
            a[1].clone(),
            Term::atom(if matches!(**f, crate::term::Fun::External { .. }) {
                "external"
            } else {
                "local"
            }),
        ])),
        _ => ex::badarg(),
    });
    r.add("Exception", "format", 2, |_, a| {
        Ok(Term::str(&exception_format(&a[0], &a[1], &Term::EmptyList)))
    });
    r.add("Exception", "format", 3, |_, a| {
        Ok(Term::str(&exception_format(&a[0], &a[1], &a[2])))
    });
    r.add("Exception", "format_banner", 2, |_, a| {
        Ok(Term::str(&exception_format(&a[0], &a[1], &Term::EmptyList)))
    });
    r.add("Exception", "format_stacktrace", 1, |_, a| {
        Ok(Term::str(&format_stacktrace(&a[0])))
    });
    r.add("Range", "new", 2, |_, a| {
        ex::in_elixir(range(&a[0], &a[1], None), "Range", "new", 2, "lib/range.ex", 193)
    });
    r.add("Range", "new", 3, |_, a| {
        ex::in_elixir(range(&a[0], &a[1], Some(&a[2])), "Range", "new", 3, "lib/range.ex", 215)
    });
    // `Bitwise` is inlined to the `:erlang` operators.
    r.add("Bitwise", "band", 2, |_, a| bitwise("band", a));
    r.add("Bitwise", "bor", 2, |_, a| bitwise("bor", a));
    r.add("Bitwise", "bxor", 2, |_, a| bitwise("bxor", a));
    r.add("Bitwise", "bsl", 2, |_, a| bitwise("bsl", a));
    r.add("Bitwise", "bsr", 2, |_, a| bitwise("bsr", a));
    r.add("Bitwise", "bnot", 1, |_, a| bitwise("bnot", a));
    for (name, op, arity) in [
        ("band", "&&&", 2),
        ("bor", "|||", 2),
        ("bxor", "^^^", 2),
        ("bsl", "<<<", 2),
        ("bsr", ">>>", 2),
        ("bnot", "~~~", 1),
    ] {
        if let Some(f) = r.get("Bitwise", name, arity) {
            r.add(":erlang", name, arity, f);
            r.add("Bitwise", op, arity, f);
        }
    }
}

/// `is_map_key(map, key)` (`Map.has_key?/2` too), with the frame of
/// `:erlang.is_map_key(key, map)`.
pub fn is_map_key(m: &Term, key: &Term) -> R<Term> {
    let r = match m {
        Term::Map(m) => Ok(Term::bool(m.contains_key(key))),
        other => ex::badmap(other.clone()),
    };
    ex::in_bif(r, "is_map_key", || vec![key.clone(), m.clone()])
}

/// The bitwise operator `name` (`band`… `bnot`) on integers; its `:erlang` frame on failure.
fn bitwise(name: &str, a: &[Term]) -> R<Term> {
    let r = match (name, a) {
        ("band" | "bor" | "bxor", [Term::Int(x), Term::Int(y)]) => Ok(Term::Int(match name {
            "band" => x & y,
            "bor" => x | y,
            _ => x ^ y,
        })),
        ("bnot", [Term::Int(x)]) => Ok(Term::Int(!x)),
        ("bnot", [x]) => big(x).map(|x| Term::from_bigint(!x)).ok_or(()),
        (_, [x, y]) => match (big(x), big(y)) {
            (Some(x), Some(y)) => shift_or_logic(name, x, y),
            _ => Err(()),
        },
        _ => Err(()),
    };
    let r = r.or_else(|()| ex::badarith());
    ex::in_bif(r, name, || a.to_vec())
}

fn shift_or_logic(name: &str, x: BigInt, y: BigInt) -> Result<Term, ()> {
    let shift = |x: BigInt, n: &BigInt, left: bool| -> Result<Term, ()> {
        let n = if left { n.clone() } else { -n.clone() };
        match n.to_i64() {
            Some(n) if n >= 0 => {
                // A result past the BEAM's largest integer cannot be built.
                if !x.is_zero() && x.bits() + n as u64 > (1 << 26) {
                    return Err(());
                }
                Ok(Term::from_bigint(x << n as usize))
            }
            Some(n) if n > -(1 << 32) => Ok(Term::from_bigint(x >> (-n) as usize)),
            _ if n.is_negative() => Ok(Term::from_bigint(if x.is_negative() {
                BigInt::from(-1)
            } else {
                BigInt::zero()
            })),
            _ if x.is_zero() => Ok(Term::Int(0)),
            _ => Err(()),
        }
    };
    match name {
        "band" => Ok(Term::from_bigint(x & y)),
        "bor" => Ok(Term::from_bigint(x | y)),
        "bxor" => Ok(Term::from_bigint(x ^ y)),
        "bsl" => shift(x, &y, true),
        _ => shift(x, &y, false),
    }
}

/// `Exception.format/3`: the banner, then the stack trace's lines.
fn exception_format(kind: &Term, payload: &Term, stack: &Term) -> String {
    let e = match kind.as_atom() {
        Some(Atom::ERROR) => Exc::Error(payload.clone(), Default::default()),
        Some(Atom::THROW) => Exc::Throw(payload.clone(), Box::default()),
        _ => Exc::Exit(payload.clone(), Box::default()),
    };
    let banner = ex::banner(&e);
    match stack {
        Term::EmptyList => banner,
        _ => format!("{banner}\n{}", format_stacktrace(stack)),
    }
}

/// `Exception.format_stacktrace/1`: each frame on an indented line.
fn format_stacktrace(stack: &Term) -> String {
    let lines = ex::format_stacktrace(stack);
    if lines.is_empty() {
        return "\n".into();
    }
    lines.iter().map(|l| format!("    {l}\n")).collect()
}

fn float_to_int(f: f64) -> Term {
    if f.abs() < 9.0e18 {
        Term::Int(f as i64)
    } else {
        Term::from_bigint(num_traits::FromPrimitive::from_f64(f).unwrap_or_default())
    }
}

fn int_div(a: &Term, b: &Term, rem: bool) -> R<Term> {
    match (a, b) {
        (_, Term::Int(0)) => ex::badarith(),
        (Term::Int(x), Term::Int(y)) => match if rem { x.checked_rem(*y) } else { x.checked_div(*y) } {
            Some(r) => Ok(Term::Int(r)),
            None => Ok(Term::from_bigint(if rem { BigInt::zero() } else { -BigInt::from(*x) })),
        },
        (Term::Int(_) | Term::BigInt(_), Term::Int(_) | Term::BigInt(_)) => {
            let (x, y) = (big(a).unwrap_or_default(), big(b).unwrap_or_default());
            // Truncating division, as Erlang's div/rem.
            let (q, r) = (&x / &y, &x % &y);
            Ok(Term::from_bigint(if rem { r } else { q }))
        }
        _ => ex::badarith(),
    }
}

/// `first..last` / `first..last//step` as a `Range` struct.
pub fn range(first: &Term, last: &Term, step: Option<&Term>) -> R<Term> {
    let (Term::Int(f), Term::Int(l), Some(Term::Int(..=-1 | 1..)) | None) = (first, last, step) else {
        if let Some(step) = step {
            return ex::argument_error(format!(
                "ranges (first..last//step) expect both sides to be integers and the step to be a non-zero integer, got: {}..{}//{}",
                inspect_default(first),
                inspect_default(last),
                inspect_default(step)
            ));
        }
        return ex::argument_error(format!(
            "ranges (first..last) expect both sides to be integers, got: {}..{}",
            inspect_default(first),
            inspect_default(last)
        ));
    };
    let s = match step {
        Some(Term::Int(s)) => *s,
        Some(_) => return ex::badarg(),
        None => {
            if l >= f {
                1
            } else {
                -1
            }
        }
    };
    let mut m = crate::term::MapT::new();
    m.insert(Term::Atom(Atom::STRUCT), Term::Atom(Atom::ELIXIR_RANGE));
    m.insert(Term::Atom(Atom::FIRST), Term::Int(*f));
    m.insert(Term::Atom(Atom::LAST), Term::Int(*l));
    m.insert(Term::Atom(Atom::STEP), Term::Int(s));
    Ok(Term::map(m))
}

/// A fast, thread-local pseudo-random generator (xorshift, seeded from the clock).
fn random_u64() -> u64 {
    use std::cell::Cell;
    thread_local! {
        static STATE: Cell<u64> = Cell::new({
            let t = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
            (t.as_nanos() as u64) ^ 0x9E37_79B9_7F4A_7C15 ^ (std::thread::current().id().as_u64_hash())
        });
    }
    STATE.with(|s| {
        let mut x = s.get();
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        s.set(x);
        x
    })
}

trait ThreadIdHash {
    fn as_u64_hash(&self) -> u64;
}

impl ThreadIdHash for std::thread::ThreadId {
    fn as_u64_hash(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.hash(&mut h);
        h.finish()
    }
}

/// `send(dest, msg)`: to a pid or a registered name; returns the message.
fn send(p: &mut Proc, a: &[Term]) -> R<Term> {
    let msg = a[1].clone();
    let pid = match &a[0] {
        Term::Pid(pid) => *pid,
        Term::Atom(name) => match crate::runtime::whereis(*name) {
            Some(pid) => pid,
            None => return ex::in_bif(ex::badarg_at(1, "invalid destination"), "send", || a.to_vec()),
        },
        _ => return ex::in_bif(ex::badarg_at(1, "invalid destination"), "send", || a.to_vec()),
    };
    if pid == p.pid() {
        p.me.mailbox.push_self(msg.clone());
    } else {
        crate::runtime::send(pid, msg.clone());
    }
    Ok(msg)
}

/// `raise msg`, `raise Module`, `raise Module, msg_or_fields`, `raise exception_struct`.
fn raise(p: &mut Proc, what: Term, arg: Option<Term>) -> R<Term> {
    let arg_is_none = arg.is_none();
    let e = match (&what, arg) {
        (Term::Bin(_), None) => ex::exception("RuntimeError", vec![("message", what.clone())]),
        (Term::Map(_), None) if what.struct_name().is_some() => what.clone(),
        (Term::Atom(m), arg) => {
            let fields = match arg {
                None => Term::EmptyList,
                Some(Term::Bin(b)) => Term::list(vec![Term::tuple(vec![Term::Atom(Atom::MESSAGE), Term::Bin(b)])]),
                Some(other) => other,
            };
            exception_new(p, *m, fields)?
        }
        _ => {
            return ex::argument_error(format!(
                "raise/1 and reraise/2 expect a module name, string or exception as the first argument, got: {}",
                inspect_default(&what)
            ));
        }
    };
    // `raise/1` calls `:erlang.error/3` naming Exception as the module that
    // explains the error; its frame says so.
    let stack = ex::Stack {
        error_info: arg_is_none,
        ..Default::default()
    };
    Err(Box::new(Exc::Error(e, Box::new(stack))))
}

/// The exception `raise` made, raised again with the stack trace `st`.
fn reraise(r: R<Term>, st: &Term) -> R<Term> {
    r.map_err(|mut e| {
        if let Exc::Error(_, stack) = &mut *e {
            **stack = ex::given_stack(st);
        }
        e
    })
}

/// The functions Elixir's compiler calls as the Erlang function they
/// stand for (its `elixir_rewrite` inlines, less the operators):
/// `(module, name, arity, Erlang module, Erlang name)`. A call, a capture
/// (`&length/1` is `&:erlang.length/1`) and an error's frame name the
/// Erlang function.
const INLINE: &[(&str, &str, usize, &str, &str)] = &[
    ("Atom", "to_charlist", 1, "erlang", "atom_to_list"),
    ("Atom", "to_string", 1, "erlang", "atom_to_binary"),
    ("Function", "capture", 3, "erlang", "make_fun"),
    ("Function", "info", 1, "erlang", "fun_info"),
    ("Function", "info", 2, "erlang", "fun_info"),
    ("Integer", "to_charlist", 1, "erlang", "integer_to_list"),
    ("Integer", "to_charlist", 2, "erlang", "integer_to_list"),
    ("Integer", "to_string", 1, "erlang", "integer_to_binary"),
    ("Integer", "to_string", 2, "erlang", "integer_to_binary"),
    ("IO", "iodata_length", 1, "erlang", "iolist_size"),
    ("IO", "iodata_to_binary", 1, "erlang", "iolist_to_binary"),
    ("Kernel", "abs", 1, "erlang", "abs"),
    ("Kernel", "apply", 2, "erlang", "apply"),
    ("Kernel", "apply", 3, "erlang", "apply"),
    ("Kernel", "binary_part", 3, "erlang", "binary_part"),
    ("Kernel", "bit_size", 1, "erlang", "bit_size"),
    ("Kernel", "byte_size", 1, "erlang", "byte_size"),
    ("Kernel", "ceil", 1, "erlang", "ceil"),
    ("Kernel", "div", 2, "erlang", "div"),
    ("Kernel", "exit", 1, "erlang", "exit"),
    ("Kernel", "floor", 1, "erlang", "floor"),
    ("Kernel", "function_exported?", 3, "erlang", "function_exported"),
    ("Kernel", "hd", 1, "erlang", "hd"),
    ("Kernel", "is_atom", 1, "erlang", "is_atom"),
    ("Kernel", "is_binary", 1, "erlang", "is_binary"),
    ("Kernel", "is_bitstring", 1, "erlang", "is_bitstring"),
    ("Kernel", "is_boolean", 1, "erlang", "is_boolean"),
    ("Kernel", "is_float", 1, "erlang", "is_float"),
    ("Kernel", "is_function", 1, "erlang", "is_function"),
    ("Kernel", "is_function", 2, "erlang", "is_function"),
    ("Kernel", "is_integer", 1, "erlang", "is_integer"),
    ("Kernel", "is_list", 1, "erlang", "is_list"),
    ("Kernel", "is_map", 1, "erlang", "is_map"),
    ("Kernel", "is_number", 1, "erlang", "is_number"),
    ("Kernel", "is_pid", 1, "erlang", "is_pid"),
    ("Kernel", "is_port", 1, "erlang", "is_port"),
    ("Kernel", "is_reference", 1, "erlang", "is_reference"),
    ("Kernel", "is_tuple", 1, "erlang", "is_tuple"),
    ("Kernel", "length", 1, "erlang", "length"),
    ("Kernel", "make_ref", 0, "erlang", "make_ref"),
    ("Kernel", "map_size", 1, "erlang", "map_size"),
    ("Kernel", "max", 2, "erlang", "max"),
    ("Kernel", "min", 2, "erlang", "min"),
    ("Kernel", "node", 0, "erlang", "node"),
    ("Kernel", "node", 1, "erlang", "node"),
    ("Kernel", "not", 1, "erlang", "not"),
    ("Kernel", "rem", 2, "erlang", "rem"),
    ("Kernel", "round", 1, "erlang", "round"),
    ("Kernel", "self", 0, "erlang", "self"),
    ("Kernel", "send", 2, "erlang", "send"),
    ("Kernel", "spawn", 1, "erlang", "spawn"),
    ("Kernel", "spawn", 3, "erlang", "spawn"),
    ("Kernel", "spawn_link", 1, "erlang", "spawn_link"),
    ("Kernel", "spawn_link", 3, "erlang", "spawn_link"),
    ("Kernel", "spawn_monitor", 1, "erlang", "spawn_monitor"),
    ("Kernel", "spawn_monitor", 3, "erlang", "spawn_monitor"),
    ("Kernel", "throw", 1, "erlang", "throw"),
    ("Kernel", "tl", 1, "erlang", "tl"),
    ("Kernel", "trunc", 1, "erlang", "trunc"),
    ("Kernel", "tuple_size", 1, "erlang", "tuple_size"),
    ("List", "to_atom", 1, "erlang", "list_to_atom"),
    ("List", "to_existing_atom", 1, "erlang", "list_to_existing_atom"),
    ("List", "to_float", 1, "erlang", "list_to_float"),
    ("List", "to_integer", 1, "erlang", "list_to_integer"),
    ("List", "to_integer", 2, "erlang", "list_to_integer"),
    ("List", "to_tuple", 1, "erlang", "list_to_tuple"),
    ("Map", "keys", 1, "maps", "keys"),
    ("Map", "merge", 2, "maps", "merge"),
    ("Map", "to_list", 1, "maps", "to_list"),
    ("Map", "values", 1, "maps", "values"),
    ("Node", "list", 0, "erlang", "nodes"),
    ("Node", "list", 1, "erlang", "nodes"),
    ("Process", "alive?", 1, "erlang", "is_process_alive"),
    ("Process", "cancel_timer", 1, "erlang", "cancel_timer"),
    ("Process", "cancel_timer", 2, "erlang", "cancel_timer"),
    ("Process", "demonitor", 1, "erlang", "demonitor"),
    ("Process", "demonitor", 2, "erlang", "demonitor"),
    ("Process", "exit", 2, "erlang", "exit"),
    ("Process", "flag", 2, "erlang", "process_flag"),
    ("Process", "flag", 3, "erlang", "process_flag"),
    ("Process", "get", 0, "erlang", "get"),
    ("Process", "get_keys", 0, "erlang", "get_keys"),
    ("Process", "get_keys", 1, "erlang", "get_keys"),
    ("Process", "group_leader", 0, "erlang", "group_leader"),
    ("Process", "hibernate", 3, "erlang", "hibernate"),
    ("Process", "link", 1, "erlang", "link"),
    ("Process", "list", 0, "erlang", "processes"),
    ("Process", "read_timer", 1, "erlang", "read_timer"),
    ("Process", "registered", 0, "erlang", "registered"),
    ("Process", "send", 3, "erlang", "send"),
    ("Process", "unlink", 1, "erlang", "unlink"),
    ("Process", "unregister", 1, "erlang", "unregister"),
    ("String", "duplicate", 2, "binary", "copy"),
    ("String", "to_float", 1, "erlang", "binary_to_float"),
    ("String", "to_integer", 1, "erlang", "binary_to_integer"),
    ("String", "to_integer", 2, "erlang", "binary_to_integer"),
    ("System", "monotonic_time", 0, "erlang", "monotonic_time"),
    ("System", "os_time", 0, "os", "system_time"),
];

/// Registers each inlined function and the Erlang function it stands for
/// as the same native, whichever of the two was written; called once every
/// module's natives are in.
pub fn register_inlined(r: &mut Registry) {
    for (m, f, arity, erl_m, erl_f) in INLINE {
        let erl_m = format!(":{erl_m}");
        match (r.get(m, f, *arity), r.get(&erl_m, erl_f, *arity)) {
            (Some(native), None) => r.add(&erl_m, erl_f, *arity, native),
            (None, Some(native)) => r.add(m, f, *arity, native),
            _ => {}
        }
    }
}

/// The Erlang function an Elixir function is compiled to, if it is one of
/// the inlined (`Kernel.+/2`, `Kernel.length/1`, `Atom.to_string/1`).
pub fn inlined(module: Atom, name: &str, arity: usize) -> Option<(Atom, &'static str)> {
    if arity == 2
        && module == Atom::ELIXIR_KERNEL
        && let Some(op) = erlang_operator(name)
    {
        return Some((Atom::new("erlang"), op));
    }
    let alias = module.alias_name()?;
    INLINE
        .iter()
        .find(|(m, f, a, _, _)| *m == alias && *f == name && *a == arity)
        .map(|(_, _, _, erl_m, erl_f)| (Atom::new(erl_m), *erl_f))
}

/// The Erlang name of an Elixir operator that is an Erlang BIF (`&!=/2` is `&:erlang."/="/2`).
pub fn erlang_operator(op: &str) -> Option<&'static str> {
    Some(match op {
        "+" => "+",
        "-" => "-",
        "*" => "*",
        "/" => "/",
        "==" => "==",
        "!=" => "/=",
        "===" => "=:=",
        "!==" => "=/=",
        "<" => "<",
        ">" => ">",
        "<=" => "=<",
        ">=" => ">=",
        "++" => "++",
        "--" => "--",
        _ => return None,
    })
}

/// The exception modules Elixir itself defines.
pub const BUILTIN_EXCEPTIONS: &[&str] = &[
    "URI.Error",
    "ArgumentError",
    "ArithmeticError",
    "BadArityError",
    "BadBooleanError",
    "BadFunctionError",
    "BadMapError",
    "BadStructError",
    "CaseClauseError",
    "CompileError",
    "CondClauseError",
    "Enum.EmptyError",
    "Enum.OutOfBoundsError",
    "ErlangError",
    "File.Error",
    "FunctionClauseError",
    "KeyError",
    "MatchError",
    "Protocol.UndefinedError",
    "RuntimeError",
    "SystemLimitError",
    "TryClauseError",
    "UndefinedFunctionError",
    "WithClauseError",
];

/// Whether `m` is one of Elixir's own exception modules.
pub fn is_builtin_exception(m: Atom) -> bool {
    m.alias_name().is_some_and(|n| BUILTIN_EXCEPTIONS.contains(&n.as_str()))
}

/// `Module.exception(fields)`: the user's `exception/1` if defined, else the struct with fields.
fn exception_new(p: &mut Proc, m: Atom, fields: Term) -> R<Term> {
    if let Some(d) = crate::eval::code::lookup(m, Atom::new("exception"), 1) {
        return p.run(crate::eval::exec::Callee::Def(d), vec![fields]);
    }
    build_exception(m, &fields)
}

/// The message an Elixir exception has when none is given.
pub fn default_message(m: Atom) -> Option<&'static str> {
    match m.alias_name().as_deref() {
        Some("RuntimeError") => Some("runtime error"),
        Some("ArgumentError") => Some("argument error"),
        Some("ArithmeticError") => Some("bad argument in arithmetic expression"),
        Some("SystemLimitError") => Some("a system limit has been reached"),
        Some("Enum.EmptyError") => Some("empty error"),
        Some("Enum.OutOfBoundsError") => Some("out of bounds error"),
        _ => None,
    }
}

/// The struct of exception `m` with `fields` (a keyword list, or a message),
/// with the default message of Elixir's own exceptions.
pub fn build_exception(m: Atom, fields: &Term) -> R<Term> {
    let mut s = match super::struct_default(m) {
        Ok(s) => s,
        Err(_) if is_builtin_exception(m) => {
            let mut mm = crate::term::MapT::new();
            mm.insert(Term::Atom(Atom::STRUCT), Term::Atom(m));
            mm.insert(Term::Atom(Atom::EXCEPTION), Term::TRUE);
            mm.insert(Term::Atom(Atom::MESSAGE), Term::NIL);
            mm
        }
        Err(e) => return Err(e),
    };
    match fields {
        Term::Bin(_) => {
            s.insert(Term::Atom(Atom::MESSAGE), fields.clone());
        }
        _ => {
            for kv in fields.iter_list() {
                if let Some([k, v]) = kv.as_tuple() {
                    s.insert(k.clone(), v.clone());
                }
            }
        }
    }
    if let Some(d) = default_message(m)
        && !s.get(&Term::Atom(Atom::MESSAGE)).is_some_and(|m| m.is_truthy())
    {
        s.insert(Term::Atom(Atom::MESSAGE), Term::str(d));
    }
    Ok(Term::map(s))
}
