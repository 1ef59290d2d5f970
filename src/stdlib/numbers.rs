//! `Integer`, `Float` and `:math`, plus `ceil/1` and `floor/1`.
//!
//! `Float.round/2`, `ceil/2` and `floor/2` round the float's exact binary
//! value, as Elixir does (`Float.round(2.675, 2)` is `2.67`), using integer
//! arithmetic, never `f64` multiplication.

use num_bigint::BigInt;
use num_integer::Integer as _;
use num_traits::{Signed, ToPrimitive, Zero};

use super::Registry;
use crate::eval::exception::{self as ex, R};
use crate::term::float::format_float;
use crate::term::{Atom, Term};

/// `Float.ratio/1`: the float as an exact fraction in lowest terms.
fn ratio(f: f64) -> Term {
    if f == 0.0 {
        return Term::tuple(vec![Term::Int(0), Term::Int(1)]);
    }
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1 << 52) - 1);
    // The value is mantissa * 2^e.
    let (mut mantissa, mut e) = if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1 << 52), exp - 1075)
    };
    while mantissa % 2 == 0 && e < 0 {
        mantissa /= 2;
        e += 1;
    }
    let mut num = BigInt::from(mantissa);
    let mut den = BigInt::from(1);
    if e >= 0 {
        num <<= e as usize;
    } else {
        den <<= (-e) as usize;
    }
    if f < 0.0 {
        num = -num;
    }
    Term::tuple(vec![Term::from_bigint(num), Term::from_bigint(den)])
}

/// `:erlang.float_to_binary/2` with Elixir's `compact: true` option as `:compact`.
fn float_to_text(p: &mut crate::eval::exec::Proc, a: &[Term]) -> R<Term> {
    let opts: Vec<Term> = a[1]
        .iter_list()
        .filter_map(|o| match o.as_tuple() {
            Some([k, v]) if k.as_atom().is_some_and(|k| &*k.name() == "compact") => {
                v.is_truthy().then(|| Term::atom("compact"))
            }
            _ => Some(o.clone()),
        })
        .collect();
    let f = super::lookup(Atom::new("erlang"), Atom::new("float_to_binary"), 2);
    match f {
        Some(f) => f(p, &mut vec![a[0].clone(), Term::list(opts)]),
        None => ex::badarg(),
    }
}

fn no_clause<T>(module: &str, name: &str, args: &[Term]) -> R<T> {
    ex::function_clause(Atom::new(module), Atom::new(name), args.to_vec())
}

fn big(t: &Term) -> Option<BigInt> {
    match t {
        Term::Int(i) => Some(BigInt::from(*i)),
        Term::BigInt(b) => Some((**b).clone()),
        _ => None,
    }
}

fn is_int(t: &Term) -> bool {
    matches!(t, Term::Int(_) | Term::BigInt(_))
}

#[derive(Clone, Copy)]
enum Mode {
    HalfUp,
    Ceil,
    Floor,
}

/// `f` rounded to `digits` decimal places by its exact value.
fn round_float(f: f64, digits: u32, mode: Mode) -> f64 {
    if !f.is_finite() {
        return f;
    }
    // Precision 0 is `:math.ceil/1`, `:math.floor/1`, or `:erlang.round/1`
    // made a float again (a zero comes back positive).
    if digits == 0 {
        return match mode {
            Mode::Ceil => f.ceil(),
            Mode::Floor => f.floor(),
            Mode::HalfUp => f.round() + 0.0,
        };
    }
    if f == 0.0 {
        return f;
    }
    let bits = f.to_bits();
    let negative = bits >> 63 == 1;
    let exp_bits = ((bits >> 52) & 0x7FF) as i64;
    let frac = bits & ((1 << 52) - 1);
    let (mant, exp) = if exp_bits == 0 {
        (frac, -1074)
    } else {
        (frac | (1 << 52), exp_bits - 1075)
    };
    // Elixir's `Float.round/3` counts the binary digits after the point: past
    // 104 the float is taken as zero; a result of zero is a positive zero.
    let count = 1075 - exp_bits - mant.trailing_zeros().min(52) as i64;
    if count >= 104 {
        return match mode {
            Mode::Ceil if !negative => 1.0 / 10f64.powi(digits as i32),
            Mode::Floor if negative => -1.0 / 10f64.powi(digits as i32),
            _ => 0.0,
        };
    }
    if count <= digits as i64 {
        return f;
    }
    let scale = num_traits::pow(BigInt::from(10), digits as usize);
    let num = BigInt::from(mant) * &scale;
    let (q, r, den) = if exp >= 0 {
        (num << exp as usize, BigInt::zero(), BigInt::from(1))
    } else {
        let den = BigInt::from(1) << (-exp) as usize;
        let (q, r) = num.div_rem(&den);
        (q, r, den)
    };
    let up = match mode {
        Mode::HalfUp => &r * 2 >= den,
        Mode::Ceil => !negative && !r.is_zero(),
        Mode::Floor => negative && !r.is_zero(),
    };
    let q = if up { q + 1 } else { q };
    if q.is_zero() {
        return 0.0;
    }
    let text = format!("{}{}e-{}", if negative { "-" } else { "" }, q, digits);
    text.parse::<f64>().unwrap_or(f)
}

fn precision(t: &Term) -> Option<u32> {
    match t {
        Term::Int(p) if (0..=15).contains(p) => Some(*p as u32),
        _ => None,
    }
}

fn float_rounding(a: &[Term], name: &str, mode: Mode) -> R<Term> {
    // A precision outside 0..15 is Float's own ArgumentError, raised where
    // each function checks it.
    if let (Term::Float(_), Some(Term::Int(d))) = (&a[0], a.get(1))
        && !(0..=15).contains(d)
    {
        let line = match name {
            "round" => 347,
            "ceil" => 287,
            _ => 240,
        };
        let r = ex::argument_error(format!("precision {d} is out of valid range of 0..15"));
        return ex::in_elixir(r, "Float", name, 2, "lib/float.ex", line);
    }
    let digits = if a.len() > 1 { precision(&a[1]) } else { Some(0) };
    match (&a[0], digits) {
        (Term::Float(f), Some(d)) => Ok(Term::Float(round_float(*f, d, mode))),
        _ => no_clause(
            "Elixir.Float",
            name,
            &[a[0].clone(), a.get(1).cloned().unwrap_or(Term::Int(0))],
        ),
    }
}

/// `Integer.undigits/2`: the digits, most significant first, in `base`.
fn undigits(digits: &Term, base: &Term) -> R<Term> {
    let args = || [digits.clone(), base.clone()];
    let b = match base {
        Term::Int(b) if *b >= 2 && digits.is_list() => *b,
        _ => return no_clause("Elixir.Integer", "undigits", &args()),
    };
    let mut n = BigInt::zero();
    for d in digits.iter_list() {
        match big(d) {
            Some(d) if d >= BigInt::from(b) => {
                let r = ex::argument_error(format!("invalid digit {d} in base {b}"));
                return ex::in_elixir(r, "Integer", "do_undigits", 3, "lib/integer.ex", 226);
            }
            Some(d) => n = n * b + d,
            None => return no_clause("Elixir.Integer", "undigits", &args()),
        }
    }
    Ok(Term::from_bigint(n))
}

/// `Integer.extended_gcd/2`, step for step as Elixir computes it (so the
/// coefficients are Elixir's): `{gcd, s, t}` with `s * x + t * y == gcd`.
fn extended_gcd(x: BigInt, y: BigInt) -> (BigInt, BigInt, BigInt) {
    let (zero, one) = (BigInt::zero(), BigInt::from(1));
    if x.is_zero() {
        return if y.is_zero() {
            (zero.clone(), zero.clone(), zero)
        } else {
            (y, zero, one)
        };
    }
    if y.is_zero() {
        return (x, one, zero);
    }
    let (mut r1, mut r0, mut s1, mut s0, mut t1, mut t0) = (y, x, zero.clone(), one.clone(), one, zero);
    loop {
        // Elixir's div/2 truncates, as BigInt's division does.
        let q = &r0 / &r1;
        let r2 = &r0 - &q * &r1;
        if r2.is_zero() {
            return if r1.is_positive() {
                (r1, s1, t1)
            } else {
                (-r1, -s1, -t1)
            };
        }
        let s2 = &s0 - &q * &s1;
        let t2 = &t0 - &q * &t1;
        (r0, r1, s0, s1, t0, t1) = (r1, r2, s1, s2, t1, t2);
    }
}

fn float_to_int(f: f64) -> Term {
    if f.abs() < 9.0e18 {
        Term::Int(f as i64)
    } else {
        use num_traits::FromPrimitive;
        Term::from_bigint(BigInt::from_f64(f).unwrap_or_default())
    }
}

fn to_base(n: &BigInt, base: u32) -> String {
    n.to_str_radix(base).to_uppercase()
}

/// `Integer.parse/2`: the longest valid prefix, or `:error`.
fn parse_int(s: &str, base: u32) -> Term {
    let bytes = s.as_bytes();
    let mut i = 0;
    if matches!(bytes.first(), Some(b'+' | b'-')) {
        i = 1;
    }
    let start = i;
    while i < bytes.len() && (bytes[i] as char).is_digit(base) {
        i += 1;
    }
    if i == start {
        return Term::Atom(Atom::ERROR);
    }
    match BigInt::parse_bytes(&bytes[..i], base) {
        Some(n) => Term::tuple(vec![Term::from_bigint(n), Term::str(&s[i..])]),
        None => Term::Atom(Atom::ERROR),
    }
}

/// `Float.parse/1`: the longest valid prefix, or `:error`.
pub fn parse_float(s: &str) -> Option<(f64, usize)> {
    let b = s.as_bytes();
    let mut i = 0;
    if matches!(b.first(), Some(b'+' | b'-')) {
        i = 1;
    }
    let digits = |mut j: usize| {
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        j
    };
    let int_end = digits(i);
    if int_end == i {
        return None;
    }
    let mut end = int_end;
    if end + 1 < b.len() && b[end] == b'.' && b[end + 1].is_ascii_digit() {
        end = digits(end + 1);
    }
    if end < b.len() && matches!(b[end], b'e' | b'E') {
        let mut j = end + 1;
        if j < b.len() && matches!(b[j], b'+' | b'-') {
            j += 1;
        }
        let k = digits(j);
        if k > j {
            end = k;
        }
    }
    s[..end].parse::<f64>().ok().map(|f| (f, end))
}

fn base_arg(t: &Term) -> Option<u32> {
    match t {
        Term::Int(b) if (2..=36).contains(b) => Some(*b as u32),
        _ => None,
    }
}

fn math1(a: &[Term], f: fn(f64) -> f64) -> R<Term> {
    let x = match &a[0] {
        Term::Float(x) => *x,
        t => match big(t).and_then(|b| b.to_f64()) {
            Some(x) => x,
            None => return ex::badarith(),
        },
    };
    let y = f(x);
    if y.is_finite() {
        Ok(Term::Float(y))
    } else {
        ex::badarith()
    }
}

fn as_f64(t: &Term) -> Option<f64> {
    match t {
        Term::Float(x) => Some(*x),
        t => big(t).and_then(|b| b.to_f64()),
    }
}

/// The digits of `integer_to_binary(n)` / `integer_to_binary(n, base)`.
fn integer_text(a: &[Term]) -> R<String> {
    let base = match a.get(1) {
        None => Some(10),
        Some(b) => base_arg(b),
    };
    match (big(&a[0]), base) {
        (Some(n), Some(b)) => Ok(to_base(&n, b)),
        (None, _) => ex::badarg_at(1, "not an integer"),
        _ => ex::badarg_at(2, "not an integer in the range 2 through 36"),
    }
}

pub fn register(r: &mut Registry) {
    // Inlined to `:erlang.integer_to_binary` and `integer_to_list`, whose frames their errors carry.
    for (m, f) in [("Integer", "to_string"), (":erlang", "integer_to_binary")] {
        for arity in 1..=2 {
            r.add(m, f, arity, |_, a| {
                let r = integer_text(a).map(|s| Term::str(&s));
                ex::in_bif(r, "integer_to_binary", || a.to_vec())
            });
        }
    }
    for (m, f) in [("Integer", "to_charlist"), (":erlang", "integer_to_list")] {
        for arity in 1..=2 {
            r.add(m, f, arity, |_, a| {
                let r = integer_text(a).map(|s| Term::charlist(&s));
                ex::in_bif(r, "integer_to_list", || a.to_vec())
            });
        }
    }
    r.same_as("Integer", "to_char_list", 1, "to_charlist");
    r.same_as("Integer", "to_char_list", 2, "to_charlist");
    r.add("Integer", "parse", 1, |_, a| match a[0].as_str() {
        Some(s) => Ok(parse_int(s, 10)),
        None => no_clause("Elixir.Integer", "parse", &[a[0].clone(), Term::Int(10)]),
    });
    r.add("Integer", "parse", 2, |_, a| match (a[0].as_str(), base_arg(&a[1])) {
        (Some(s), Some(b)) => Ok(parse_int(s, b)),
        _ => no_clause("Elixir.Integer", "parse", a),
    });
    r.add("Integer", "pow", 2, |_, a| match (big(&a[0]), &a[1]) {
        (Some(b), Term::Int(e)) if *e >= 0 => Ok(Term::from_bigint(num_traits::pow(b, *e as usize))),
        (Some(_), Term::Int(_)) => ex::badarith(),
        _ => no_clause("Elixir.Integer", "pow", a),
    });
    r.add("Integer", "digits", 1, |_, a| match big(&a[0]) {
        Some(n) => Ok(Term::list(
            n.abs()
                .to_string()
                .bytes()
                .map(|d| Term::Int(((d - b'0') as i64) * if n.is_negative() { -1 } else { 1 }))
                .collect::<Vec<_>>(),
        )),
        None => no_clause("Elixir.Integer", "digits", &[a[0].clone(), Term::Int(10)]),
    });
    r.add("Integer", "digits", 2, |_, a| match (big(&a[0]), base_arg(&a[1])) {
        (Some(n), Some(b)) => {
            let sign = if n.is_negative() { -1 } else { 1 };
            Ok(Term::list(
                n.abs()
                    .to_radix_be(b)
                    .1
                    .into_iter()
                    .map(|d| Term::Int(d as i64 * sign))
                    .collect::<Vec<_>>(),
            ))
        }
        _ => no_clause("Elixir.Integer", "digits", a),
    });
    r.add("Integer", "undigits", 1, |_, a| undigits(&a[0], &Term::Int(10)));
    r.add("Integer", "undigits", 2, |_, a| undigits(&a[0], &a[1]));
    r.add("Integer", "extended_gcd", 2, |_, a| match (big(&a[0]), big(&a[1])) {
        (Some(x), Some(y)) => {
            let (g, s, t) = extended_gcd(x, y);
            Ok(Term::tuple(vec![
                Term::from_bigint(g),
                Term::from_bigint(s),
                Term::from_bigint(t),
            ]))
        }
        _ => no_clause("Elixir.Integer", "extended_gcd", a),
    });
    r.add("Integer", "mod", 2, |_, a| match (big(&a[0]), big(&a[1])) {
        (Some(_), Some(d)) if d.is_zero() => ex::badarith(),
        (Some(x), Some(d)) => Ok(Term::from_bigint(x.mod_floor(&d))),
        _ => ex::badarith(),
    });
    r.add("Integer", "floor_div", 2, |_, a| match (big(&a[0]), big(&a[1])) {
        (Some(_), Some(d)) if d.is_zero() => ex::badarith(),
        (Some(x), Some(d)) => Ok(Term::from_bigint(x.div_floor(&d))),
        _ => ex::badarith(),
    });
    r.add("Integer", "gcd", 2, |_, a| match (big(&a[0]), big(&a[1])) {
        (Some(x), Some(y)) => Ok(Term::from_bigint(x.gcd(&y))),
        _ => no_clause("Elixir.Integer", "gcd", a),
    });
    r.add("Integer", "is_even", 1, |_, a| {
        Ok(Term::bool(big(&a[0]).is_some_and(|n| n.is_even())))
    });
    r.add("Integer", "is_odd", 1, |_, a| {
        Ok(Term::bool(big(&a[0]).is_some_and(|n| n.is_odd())))
    });

    r.add("Float", "round", 1, |_, a| float_rounding(a, "round", Mode::HalfUp));
    r.add("Float", "round", 2, |_, a| float_rounding(a, "round", Mode::HalfUp));
    r.add("Float", "ceil", 1, |_, a| float_rounding(a, "ceil", Mode::Ceil));
    r.add("Float", "ceil", 2, |_, a| float_rounding(a, "ceil", Mode::Ceil));
    r.add("Float", "floor", 1, |_, a| float_rounding(a, "floor", Mode::Floor));
    r.add("Float", "floor", 2, |_, a| float_rounding(a, "floor", Mode::Floor));
    r.add("Float", "to_string", 1, |_, a| match &a[0] {
        Term::Float(f) => Ok(Term::str(&format_float(*f))),
        _ => no_clause("Elixir.Float", "to_string", a),
    });
    r.add("Float", "to_charlist", 1, |_, a| match &a[0] {
        Term::Float(f) => Ok(Term::charlist(&format_float(*f))),
        _ => no_clause("Elixir.Float", "to_charlist", a),
    });
    r.same_as("Float", "to_char_list", 1, "to_charlist");
    // The deprecated `to_string/2` and `to_char_list/2` are `:erlang.float_to_binary/2`
    // (`float_to_list/2`) with `compact: true` as `:compact`.
    r.add("Float", "to_string", 2, |p, a| float_to_text(p, a));
    r.add("Float", "to_char_list", 2, |p, a| {
        let text = float_to_text(p, a)?;
        Ok(Term::charlist(text.as_str().unwrap_or_default()))
    });
    r.add("Float", "max_finite", 0, |_, _| Ok(Term::Float(f64::MAX)));
    r.add("Float", "min_finite", 0, |_, _| Ok(Term::Float(f64::MIN)));
    r.add("Float", "ratio", 1, |_, a| match a[0] {
        Term::Float(f) => Ok(ratio(f)),
        _ => no_clause("Elixir.Float", "ratio", a),
    });
    r.add("Float", "parse", 1, |_, a| match a[0].as_str() {
        Some(s) => Ok(match parse_float(s) {
            Some((f, end)) => Term::tuple(vec![Term::Float(f), Term::str(&s[end..])]),
            None => Term::Atom(Atom::ERROR),
        }),
        None => no_clause("Elixir.Float", "parse", a),
    });
    r.add("Float", "pow", 2, |_, a| match (&a[0], as_f64(&a[1])) {
        (Term::Float(x), Some(y)) => {
            let z = x.powf(y);
            if z.is_finite() {
                Ok(Term::Float(z))
            } else {
                ex::badarith()
            }
        }
        _ => no_clause("Elixir.Float", "pow", a),
    });
    r.add("Kernel", "ceil", 1, |_, a| match &a[0] {
        Term::Float(f) => Ok(float_to_int(f.ceil())),
        t if is_int(t) => Ok(t.clone()),
        _ => ex::badarg_at(1, "not a number"),
    });
    r.add("Kernel", "floor", 1, |_, a| match &a[0] {
        Term::Float(f) => Ok(float_to_int(f.floor())),
        t if is_int(t) => Ok(t.clone()),
        _ => ex::badarg_at(1, "not a number"),
    });
    r.add(":math", "sqrt", 1, |_, a| math1(a, f64::sqrt));
    r.add(":math", "log", 1, |_, a| math1(a, f64::ln));
    r.add(":math", "log2", 1, |_, a| math1(a, f64::log2));
    r.add(":math", "log10", 1, |_, a| math1(a, f64::log10));
    r.add(":math", "exp", 1, |_, a| math1(a, f64::exp));
    r.add(":math", "sin", 1, |_, a| math1(a, f64::sin));
    r.add(":math", "cos", 1, |_, a| math1(a, f64::cos));
    r.add(":math", "tan", 1, |_, a| math1(a, f64::tan));
    r.add(":math", "floor", 1, |_, a| math1(a, f64::floor));
    r.add(":math", "ceil", 1, |_, a| math1(a, f64::ceil));
    r.add(":math", "pi", 0, |_, _| Ok(Term::Float(std::f64::consts::PI)));
    r.add(":math", "pow", 2, |_, a| match (as_f64(&a[0]), as_f64(&a[1])) {
        (Some(x), Some(y)) if x.powf(y).is_finite() => Ok(Term::Float(x.powf(y))),
        _ => ex::badarith(),
    });
}
