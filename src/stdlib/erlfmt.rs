//! Erlang-side text: `:io_lib.format/2` (the common directives), terms in
//! Erlang syntax (`~p`, `~w`: `[1,2]`, `{ok,<<"x">>}`, `#{a => 1}`), and
//! `:erlang.float_to_binary/2`. `~p` is written on one line (Erlang breaks
//! terms longer than 80 columns; this does not).

use super::Registry;
use super::kernel::to_chars;
use crate::eval::exception::{self as ex, R};
use crate::term::float::format_float;
use crate::term::{Atom, Term};

/// An atom in Erlang syntax: bare when it can be, else in single quotes.
fn erl_atom(a: Atom) -> String {
    let name = a.name();
    let mut chars = name.chars();
    let bare = chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '@');
    if bare {
        name.to_string()
    } else {
        format!("'{}'", name.replace('\\', "\\\\").replace('\'', "\\'"))
    }
}

fn printable_list(items: &[Term]) -> Option<String> {
    let mut s = String::new();
    for i in items {
        match i {
            Term::Int(c) if (32..127).contains(c) || matches!(c, 9 | 10 | 13) => s.push(*c as u8 as char),
            _ => return None,
        }
    }
    Some(s)
}

fn escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
        .replace('\t', "\\t")
        .replace('\r', "\\r")
}

/// A term in Erlang syntax; `pretty` (`~p`) shows printable lists and binaries as strings.
pub fn erl_term(t: &Term, pretty: bool) -> String {
    match t {
        Term::Int(i) => i.to_string(),
        Term::BigInt(b) => b.to_string(),
        Term::Float(f) => format_float(*f),
        Term::Atom(a) => erl_atom(*a),
        Term::Bin(b) => match std::str::from_utf8(b) {
            Ok(s) if s.chars().all(|c| c >= ' ' || c == '\n' || c == '\t') => format!("<<\"{}\">>", escape(s)),
            _ => format!("<<{}>>", b.iter().map(u8::to_string).collect::<Vec<_>>().join(",")),
        },
        Term::Bits(b) => {
            let (whole, rest) = (b.len() / 8, b.len() % 8);
            let mut parts: Vec<String> = b.data()[..whole].iter().map(u8::to_string).collect();
            parts.push(format!("{}:{rest}", b.data()[whole] >> (8 - rest)));
            format!("<<{}>>", parts.join(","))
        }
        Term::EmptyList => "[]".into(),
        Term::Cons(_) => {
            let mut items = Vec::new();
            let mut it = t.iter_list();
            for x in it.by_ref() {
                items.push(x.clone());
            }
            let tail = it.tail().clone();
            if pretty
                && tail == Term::EmptyList
                && let Some(s) = printable_list(&items)
            {
                return format!("\"{}\"", escape(&s));
            }
            let body = items.iter().map(|x| erl_term(x, pretty)).collect::<Vec<_>>().join(",");
            match tail {
                Term::EmptyList => format!("[{body}]"),
                tail => format!("[{body}|{}]", erl_term(&tail, pretty)),
            }
        }
        Term::Tuple(items) => format!(
            "{{{}}}",
            items.iter().map(|x| erl_term(x, pretty)).collect::<Vec<_>>().join(",")
        ),
        Term::Map(m) => format!(
            "#{{{}}}",
            // `io_lib` walks a map with its iterator.
            crate::term::hamt::fold_entries(m)
                .map(|(k, v)| format!("{} => {}", erl_term(k, pretty), erl_term(v, pretty)))
                .collect::<Vec<_>>()
                .join(",")
        ),
        Term::Pid(p) => format!("<0.{}.0>", p.0),
        Term::Ref(_) | Term::Fun(_) => crate::term::inspect::inspect_default(t),
    }
}

fn chars_of(t: &Term) -> R<String> {
    let mut out = Vec::new();
    to_chars(t, &mut out)?;
    Ok(String::from_utf8_lossy(&out).into_owned())
}

/// `:io_lib.format(format, args)` as a string; `ArgumentError` when they do not fit.
pub fn format(fmt: &str, args: &[Term]) -> R<String> {
    let mut out = String::new();
    let mut args = args.iter();
    let mut chars = fmt.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '~' {
            out.push(c);
            continue;
        }
        // ~[width][.precision]control
        let mut width = String::new();
        while let Some(d) = chars.peek().filter(|d| d.is_ascii_digit()) {
            width.push(*d);
            chars.next();
        }
        let mut precision = String::new();
        if chars.peek() == Some(&'.') {
            chars.next();
            while let Some(d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                precision.push(*d);
                chars.next();
            }
        }
        let Some(control) = chars.next() else {
            return ex::badarg();
        };
        let mut next = || args.next().cloned().map_or_else(ex::badarg, Ok);
        let piece = match control {
            '~' => "~".to_string(),
            'n' => "\n".to_string(),
            'p' => erl_term(&next()?, true),
            'w' => erl_term(&next()?, false),
            's' => match next()? {
                Term::Atom(a) => a.name().to_string(),
                t => chars_of(&t)?,
            },
            'c' => match next()? {
                Term::Int(c) => char::from_u32(c as u32).map(String::from).map_or_else(ex::badarg, Ok)?,
                _ => return ex::badarg(),
            },
            'b' | 'B' | 'd' => match next()? {
                t @ (Term::Int(_) | Term::BigInt(_)) => erl_term(&t, false),
                _ => return ex::badarg(),
            },
            'f' => match next()? {
                Term::Float(f) => format!("{:.*}", precision.parse().unwrap_or(6), f),
                _ => return ex::badarg(),
            },
            'e' => match next()? {
                // Erlang writes the exponent with no padding: `2.67e+0`.
                Term::Float(f) => exp(f, precision.parse::<usize>().unwrap_or(6).saturating_sub(1), 1),
                _ => return ex::badarg(),
            },
            _ => return ex::badarg(),
        };
        match width.parse::<usize>() {
            Ok(w) if piece.chars().count() < w => {
                out.push_str(&" ".repeat(w - piece.chars().count()));
                out.push_str(&piece);
            }
            _ => out.push_str(&piece),
        }
    }
    if args.next().is_some() {
        return ex::badarg();
    }
    Ok(out)
}

/// `f` in exponent notation with `d` decimals, the exponent signed and of
/// at least `width` digits (C's `%.*e` has 2, Erlang's `~e` 1).
fn exp(f: f64, d: usize, width: usize) -> String {
    let s = format!("{f:.d$e}");
    let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
    let (sign, digits) = e.strip_prefix('-').map_or(("+", e), |d| ("-", d));
    format!("{m}e{sign}{digits:0>width$}")
}

/// `float_to_binary(f, decimals: d)` as the BEAM computes it: below 2^53
/// and 19 decimals the fraction is scaled and rounded half away from zero
/// as a double (so `0.045` gives `"0.05"` though it is below 0.045),
/// else exactly, as C's `%.*f`.
fn fixed(f: f64, d: usize) -> String {
    let af = f.abs();
    if af > (1u64 << 53) as f64 || d >= 19 {
        return format!("{f:.d$}");
    }
    let sign = if f < 0.0 { "-" } else { "" };
    if d == 0 {
        return format!("{sign}{}", af.round() as u64);
    }
    let scale = 10f64.powi(d as i32);
    let mut int = af.floor();
    let mut frac = ((af - int) * scale).round();
    if frac >= scale {
        int += 1.0;
        frac = 0.0;
    }
    format!("{sign}{}.{:0>d$}", int as u64, frac as u64)
}

pub fn register(r: &mut Registry) {
    r.add(":io_lib", "format", 2, |_, a| {
        let fmt = chars_of(&a[0])?;
        let Some(args) = a[1].list_to_vec() else {
            return ex::badarg();
        };
        let s = format(&fmt, &args)?;
        Ok(Term::list(s.bytes().map(|b| Term::Int(b as i64)).collect::<Vec<_>>()))
    });
    r.add(":erlang", "float_to_binary", 1, |_, a| match a[0] {
        Term::Float(f) => Ok(Term::str(&exp(f, 20, 2))),
        _ => ex::badarg_at(1, "not a float"),
    });
    r.add(":erlang", "float_to_binary", 2, |_, a| {
        let Term::Float(f) = a[0] else {
            return ex::badarg_at(1, "not a float");
        };
        let valid = |o: &Term| match o {
            Term::Atom(a) => matches!(&*a.name(), "compact" | "short"),
            _ => match o.as_tuple() {
                Some([Term::Atom(k), Term::Int(n)]) => match &*k.name() {
                    "decimals" => (0..=253).contains(n),
                    "scientific" => (0..=249).contains(n),
                    _ => false,
                },
                _ => false,
            },
        };
        fn bad_option<T>(a: &[Term]) -> R<T> {
            ex::in_bif(ex::badarg_at(2, "invalid option in list"), "float_to_binary", || {
                a.to_vec()
            })
        }
        if !a[1].is_list() || !a[1].iter_list().all(valid) {
            return bad_option(a);
        }
        let decimals = a[1].iter_list().find_map(|kv| match kv.as_tuple() {
            Some([Term::Atom(k), Term::Int(n)]) if &*k.name() == "decimals" => Some(*n as usize),
            _ => None,
        });
        let compact = a[1]
            .iter_list()
            .any(|o| o.as_atom().is_some_and(|a| &*a.name() == "compact"));
        let scientific = a[1].iter_list().find_map(|kv| match kv.as_tuple() {
            Some([Term::Atom(k), Term::Int(n)]) if &*k.name() == "scientific" => Some(*n as usize),
            _ => None,
        });
        // The BEAM writes into 256 bytes: what does not fit is a bad option.
        let fits = |s: String| if s.len() < 256 { Ok(s) } else { bad_option(a) };
        if let Some(d) = scientific {
            return Ok(Term::str(&fits(exp(f, d, 2))?));
        }
        match decimals {
            Some(d) => {
                let mut s = fits(fixed(f, d))?;
                if compact && s.contains('.') {
                    while s.ends_with('0') && !s.ends_with(".0") {
                        s.pop();
                    }
                }
                Ok(Term::str(&s))
            }
            None if a[1]
                .iter_list()
                .any(|o| o.as_atom().is_some_and(|a| &*a.name() == "short")) =>
            {
                Ok(Term::str(&format_float(f)))
            }
            None => Ok(Term::str(&exp(f, 20, 2))),
        }
    });
}
