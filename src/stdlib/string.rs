//! The `String` module. Strings are UTF-8 binaries; lengths, indexes and
//! reversal count graphemes (extended grapheme clusters), as Elixir's do.

use unicode_segmentation::UnicodeSegmentation;

use super::Registry;
use crate::eval::exception::{self as ex, R};
use crate::term::{Atom, Term};

fn no_clause<T>(name: &str, args: &[Term]) -> R<T> {
    ex::function_clause(Atom::new("Elixir.String"), Atom::new(name), args.to_vec())
}

/// The text of a string argument, or `FunctionClauseError` of `String.name/arity`
/// (with `args` as Elixir's implementation receives them).
fn text<'a>(t: &'a Term, name: &str, args: &[Term]) -> R<&'a str> {
    match t {
        Term::Bin(b) => std::str::from_utf8(b).or_else(|_| no_clause(name, args)),
        _ => no_clause(name, args),
    }
}

fn graphemes(s: &str) -> Vec<&str> {
    s.graphemes(true).collect()
}

fn opt(opts: &Term, key: &str) -> Option<Term> {
    opts.iter_list().find_map(|kv| match kv.as_tuple() {
        Some([Term::Atom(k), v]) if &*k.name() == key => Some(v.clone()),
        _ => None,
    })
}

/// The patterns of `split`/`replace`/`contains?`: a string or a list of strings.
fn patterns(t: &Term) -> Option<Vec<String>> {
    match t {
        Term::Bin(_) => Some(vec![t.as_str()?.to_string()]),
        l if l.is_list() => l.iter_list().map(|p| p.as_str().map(str::to_string)).collect(),
        _ => None,
    }
}

/// The earliest (then longest) match of any pattern at or after `from`.
fn find_any(s: &str, pats: &[String], from: usize) -> Option<(usize, usize)> {
    pats.iter()
        .filter(|p| !p.is_empty())
        .filter_map(|p| s[from..].find(p.as_str()).map(|i| (from + i, p.len())))
        .min_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)))
}

fn split(s: &str, pats: &[String], parts: Option<usize>, trim: bool) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let limit = parts.unwrap_or(usize::MAX);
    if !pats.is_empty() && pats.iter().all(String::is_empty) {
        // Splitting on "" separates the graphemes, with empty strings at both ends.
        let mut pieces = vec![String::new()];
        pieces.extend(graphemes(s).into_iter().map(str::to_string));
        pieces.push(String::new());
        if limit < pieces.len() {
            let rest: String = pieces[limit - 1..].concat();
            pieces.truncate(limit - 1);
            pieces.push(rest);
        }
        out = pieces;
    } else {
        let mut from = 0;
        let mut start = 0;
        while out.len() + 1 < limit {
            let Some((i, len)) = find_any(s, pats, from) else { break };
            let piece = &s[start..i];
            if !(trim && piece.is_empty()) {
                out.push(piece.to_string());
            }
            start = i + len;
            from = start;
        }
        out.push(s[start..].to_string());
    }
    if trim {
        out.retain(|p| !p.is_empty());
    }
    out
}

fn strings(v: Vec<String>) -> Term {
    Term::list(v.iter().map(|s| Term::str(s)).collect::<Vec<_>>())
}

/// Graphemes `start..start+len` (indexes already resolved).
fn slice_graphemes(s: &str, start: i64, len: i64) -> String {
    let g = graphemes(s);
    let n = g.len() as i64;
    let start = if start < 0 { (start + n).max(0) } else { start };
    if start >= n || len <= 0 {
        return String::new();
    }
    g[start as usize..(start + len).min(n) as usize].concat()
}

fn pad(s: &str, count: &Term, padding: &str, leading: bool, args: &[Term]) -> R<Term> {
    let name = if leading { "pad_leading" } else { "pad_trailing" };
    let Term::Int(count) = count else {
        return no_clause(name, args);
    };
    if *count < 0 {
        // The padding reaches the clause that checks the count as its graphemes.
        let pads: Vec<Term> = graphemes(padding).into_iter().map(Term::str).collect();
        return no_clause(name, &[args[0].clone(), Term::Int(*count), Term::list(pads)]);
    }
    let len = graphemes(s).len() as i64;
    let pad_g = graphemes(padding);
    if *count <= len || pad_g.is_empty() {
        if pad_g.is_empty() && *count > len {
            return ex::argument_error("expected a string padding element, got: \"\"");
        }
        return Ok(Term::str(s));
    }
    let need = (*count - len) as usize;
    let fill: String = pad_g.iter().cycle().take(need).copied().collect();
    Ok(Term::str(&if leading { fill + s } else { s.to_string() + &fill }))
}

fn trim_chars<'a>(s: &'a str, chars: Option<&str>, lead: bool, trail: bool) -> &'a str {
    match chars {
        None => {
            let s = if lead { s.trim_start() } else { s };
            if trail { s.trim_end() } else { s }
        }
        Some("") => s,
        Some(c) => {
            let mut s = s;
            if lead {
                while let Some(r) = s.strip_prefix(c) {
                    s = r;
                }
            }
            if trail {
                while let Some(r) = s.strip_suffix(c) {
                    s = r;
                }
            }
            s
        }
    }
}

/// `String.replace_leading/3` (`leading`) and `replace_trailing/3`: every
/// repetition of the match at that end becomes the replacement.
fn replace_repeated(a: &[Term], leading: bool) -> R<Term> {
    let name = if leading { "replace_leading" } else { "replace_trailing" };
    let s = text(&a[0], name, a)?;
    let (Some(m), Some(w)) = (a[1].as_str(), a[2].as_str()) else {
        return no_clause(name, a);
    };
    if m.is_empty() {
        return ex::argument_error("cannot use an empty string as the match to replace");
    }
    let mut rest = s;
    let mut n = 0;
    while let Some(r) = if leading {
        rest.strip_prefix(m)
    } else {
        rest.strip_suffix(m)
    } {
        rest = r;
        n += 1;
    }
    let reps = w.repeat(n);
    Ok(Term::str(&if leading { reps + rest } else { rest.to_string() + &reps }))
}

/// The case modes of `String.upcase/2`, `downcase/2` and `capitalize/2`.
#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Default,
    Ascii,
    Greek,
    Turkic,
}

/// The mode argument (`:default` when absent), or the caller's FunctionClauseError.
fn case_args<'a>(name: &str, a: &'a [Term]) -> R<(&'a str, Mode)> {
    let mode = match a.get(1).map(|m| m.as_atom().map(|m| m.name())) {
        None => Mode::Default,
        Some(Some(m)) => match &*m {
            "default" => Mode::Default,
            "ascii" => Mode::Ascii,
            "greek" => Mode::Greek,
            "turkic" => Mode::Turkic,
            _ => return no_clause(name, a),
        },
        Some(None) => return no_clause(name, a),
    };
    let full = [a[0].clone(), a.get(1).cloned().unwrap_or_else(|| Term::atom("default"))];
    match &a[0] {
        Term::Bin(b) => std::str::from_utf8(b)
            .map(|s| (s, mode))
            .or_else(|_| no_clause(name, &full)),
        _ => no_clause(name, &full),
    }
}

/// Upper case, codepoint by codepoint, as Elixir maps it.
fn upcase(s: &str, mode: Mode) -> String {
    s.chars()
        .flat_map(|c| match (mode, c) {
            (Mode::Ascii, _) => vec![c.to_ascii_uppercase()],
            (Mode::Turkic, 'i') => vec!['İ'],
            (Mode::Turkic, 'ı') => vec!['I'],
            _ => c.to_uppercase().collect(),
        })
        .collect()
}

/// Lower case, codepoint by codepoint: only `:greek` applies the final sigma rule.
fn downcase(s: &str, mode: Mode) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        match (mode, c) {
            (Mode::Ascii, _) => out.push(c.to_ascii_lowercase()),
            (Mode::Turkic, 'I') => out.push('ı'),
            (Mode::Turkic, 'İ') => out.push('i'),
            (Mode::Greek, 'Σ')
                if i > 0 && chars[i - 1].is_alphabetic() && !chars.get(i + 1).is_some_and(|n| n.is_alphabetic()) =>
            {
                out.push('ς')
            }
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// The first codepoint in title case, the rest in lower case.
fn capitalize(s: &str, mode: Mode) -> String {
    let mut chars = s.chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    let title = match (mode, first) {
        (Mode::Ascii, c) => c.to_ascii_uppercase().to_string(),
        (_, '\u{1C4}'..='\u{1C6}') => '\u{1C5}'.to_string(),
        (_, '\u{1C7}'..='\u{1C9}') => '\u{1C8}'.to_string(),
        (_, '\u{1CA}'..='\u{1CC}') => '\u{1CB}'.to_string(),
        (_, '\u{1F1}'..='\u{1F3}') => '\u{1F2}'.to_string(),
        (_, c) => {
            // A letter that is several in upper case (ß, ﬁ) starts with one capital.
            let up = upcase(&c.to_string(), mode);
            let mut u = up.chars();
            u.next().map(String::from).unwrap_or_default() + &u.as_str().to_lowercase()
        }
    };
    title + &downcase(chars.as_str(), mode)
}

const INT_TEXT: &str = "not a textual representation of an integer";

/// The text of a binary given to a `binary_to_*` builtin; `bad` when it is not UTF-8.
fn bif_text<'a>(t: &'a Term, bad: &str) -> R<&'a str> {
    match t {
        Term::Bin(b) => std::str::from_utf8(b).or_else(|_| ex::badarg_at(1, bad)),
        _ => ex::badarg_at(1, "not a binary"),
    }
}

pub(super) fn to_integer(s: &str, base: u32) -> R<Term> {
    match num_bigint::BigInt::parse_bytes(s.as_bytes(), base) {
        Some(n) if !s.is_empty() && !s.starts_with('_') && !s.contains('_') => Ok(Term::from_bigint(n)),
        _ => ex::badarg_at(1, "not a textual representation of an integer"),
    }
}

pub(super) fn to_float(s: &str) -> R<Term> {
    match super::numbers::parse_float(s) {
        Some((f, end)) if end == s.len() && s.contains('.') => Ok(Term::Float(f)),
        _ => ex::badarg_at(1, "not a textual representation of a float"),
    }
}

/// `String.replace/4` with string patterns: `with` gives the replacement
/// for a match (a fun is called on the matched text, and on "" for each
/// place an empty pattern matches, in Elixir's order).
fn replace(s: &str, pats: &[String], with: &mut dyn FnMut(&str) -> R<Vec<u8>>, global: bool) -> R<Vec<u8>> {
    if pats.is_empty() {
        return Ok(s.as_bytes().to_vec());
    }
    if pats.iter().all(String::is_empty) {
        let mut out = with("")?;
        if !global {
            out.extend_from_slice(s.as_bytes());
            return Ok(out);
        }
        for g in graphemes(s) {
            out.extend_from_slice(g.as_bytes());
            out.extend(with("")?);
        }
        return Ok(out);
    }
    let mut out = Vec::new();
    let mut from = 0;
    while let Some((i, len)) = find_any(s, pats, from) {
        out.extend_from_slice(&s.as_bytes()[from..i]);
        out.extend(with(&s[i..i + len])?);
        from = i + len;
        if !global {
            break;
        }
    }
    out.extend_from_slice(&s.as_bytes()[from..]);
    Ok(out)
}

/// Jaro similarity of two strings' graphemes (the shorter one scanned against the longer).
pub fn jaro(a: &str, b: &str) -> f64 {
    if a == b {
        return 1.0;
    }
    let (x, y) = (graphemes(a), graphemes(b));
    if x.is_empty() || y.is_empty() {
        return 0.0;
    }
    let (short, long) = if x.len() <= y.len() { (&x, &y) } else { (&y, &x) };
    let window = (long.len() / 2).saturating_sub(1);
    let mut used = vec![false; long.len()];
    let mut matched_short = Vec::new();
    for (i, g) in short.iter().enumerate() {
        let lo = i.saturating_sub(window);
        let hi = (i + window + 1).min(long.len());
        if let Some(j) = (lo..hi).find(|&j| !used[j] && long[j] == *g) {
            used[j] = true;
            matched_short.push(*g);
        }
    }
    let m = matched_short.len();
    if m == 0 {
        return 0.0;
    }
    let matched_long: Vec<&str> = long.iter().zip(&used).filter(|(_, u)| **u).map(|(g, _)| *g).collect();
    let half_transpositions = matched_short.iter().zip(&matched_long).filter(|(a, b)| a != b).count() / 2;
    let m = m as f64;
    (m / x.len() as f64 + m / y.len() as f64 + (m - half_transpositions as f64) / m) / 3.0
}

/// `String.myers_difference/2`: `List.myers_difference/2` of the graphemes,
/// each run joined into a string.
fn myers(p: &mut crate::eval::exec::Proc, a: &str, b: &str) -> R<Term> {
    let (x, y): (Vec<Term>, Vec<Term>) = (
        graphemes(a).into_iter().map(Term::str).collect(),
        graphemes(b).into_iter().map(Term::str).collect(),
    );
    let script = super::list::myers_difference(p, &x, &y, None)?;
    Ok(Term::list(
        script
            .into_iter()
            .map(|(k, run)| {
                let text: String = run.iter_list().filter_map(Term::as_str).collect();
                Term::tuple(vec![Term::atom(k), Term::str(&text)])
            })
            .collect::<Vec<_>>(),
    ))
}

pub fn register(r: &mut Registry) {
    r.add("String", "length", 1, |_, a| {
        Ok(Term::Int(graphemes(text(&a[0], "length", a)?).len() as i64))
    });
    for arity in 1..=2 {
        r.add("String", "upcase", arity, |_, a| {
            let (s, mode) = case_args("upcase", a)?;
            Ok(Term::str(&upcase(s, mode)))
        });
        r.add("String", "downcase", arity, |_, a| {
            let (s, mode) = case_args("downcase", a)?;
            Ok(Term::str(&downcase(s, mode)))
        });
        r.add("String", "capitalize", arity, |_, a| {
            let (s, mode) = case_args("capitalize", a)?;
            Ok(Term::str(&capitalize(s, mode)))
        });
    }
    r.add("String", "match?", 2, |_, a| {
        super::regex::is_match(&[a[1].clone(), a[0].clone()])
    });
    r.add("String", "reverse", 1, |_, a| {
        let g = graphemes(text(&a[0], "reverse", a)?);
        Ok(Term::str(&g.into_iter().rev().collect::<String>()))
    });
    r.add("String", "graphemes", 1, |_, a| {
        let g = graphemes(text(&a[0], "graphemes", a)?);
        Ok(Term::list(g.into_iter().map(Term::str).collect::<Vec<_>>()))
    });
    r.add("String", "codepoints", 1, |_, a| {
        let s = text(&a[0], "codepoints", a)?;
        Ok(Term::list(
            s.chars()
                .map(|c| Term::str(c.encode_utf8(&mut [0; 4])))
                .collect::<Vec<_>>(),
        ))
    });
    r.add("String", "first", 1, |_, a| {
        Ok(graphemes(text(&a[0], "first", a)?)
            .first()
            .map_or(Term::NIL, |g| Term::str(g)))
    });
    r.add("String", "last", 1, |_, a| {
        Ok(graphemes(text(&a[0], "last", a)?)
            .last()
            .map_or(Term::NIL, |g| Term::str(g)))
    });
    r.add("String", "at", 2, |_, a| {
        let g = graphemes(text(&a[0], "at", a)?);
        let Term::Int(i) = a[1] else { return no_clause("at", a) };
        let i = if i < 0 { i + g.len() as i64 } else { i };
        Ok(if (0..g.len() as i64).contains(&i) {
            Term::str(g[i as usize])
        } else {
            Term::NIL
        })
    });
    r.add("String", "slice", 3, |_, a| {
        let s = text(&a[0], "slice", a)?;
        match (&a[1], &a[2]) {
            (Term::Int(start), Term::Int(len)) if *len >= 0 => Ok(Term::str(&slice_graphemes(s, *start, *len))),
            _ => no_clause("slice", a),
        }
    });
    r.add("String", "slice", 2, |_, a| {
        let s = text(&a[0], "slice", a)?;
        let Some((first, last, step)) = super::enumerable::range_parts(&a[1]) else {
            return no_clause("slice", a);
        };
        let step = if step == -1 && first > last { 1 } else { step };
        let g = graphemes(s);
        let n = g.len() as i64;
        let f = if first < 0 { (first + n).max(0) } else { first };
        let l = if last < 0 { last + n } else { last };
        if f >= n || l < f || step <= 0 {
            return Ok(Term::str(""));
        }
        let l = l.min(n - 1);
        Ok(Term::str(
            &(f..=l)
                .step_by(step as usize)
                .map(|i| g[i as usize])
                .collect::<String>(),
        ))
    });
    r.add("String", "split_at", 2, |_, a| {
        let s = text(&a[0], "split_at", a)?;
        let Term::Int(i) = a[1] else {
            return no_clause("split_at", a);
        };
        let g = graphemes(s);
        let n = g.len() as i64;
        let at = if i < 0 { (n + i).max(0) } else { i.min(n) } as usize;
        Ok(Term::tuple(vec![
            Term::str(&g[..at].concat()),
            Term::str(&g[at..].concat()),
        ]))
    });
    r.add("String", "split", 1, |_, a| {
        let s = text(&a[0], "split", a)?;
        Ok(strings(s.split_whitespace().map(str::to_string).collect()))
    });
    fn split_with(a: &[Term], opts: &Term) -> R<Term> {
        let s = text(&a[0], "split", a)?;
        if let Some(re) = super::regex::of(&a[1]) {
            return super::regex::split(&re, s, opts);
        }
        let Some(pats) = patterns(&a[1]) else {
            return no_clause("split", a);
        };
        let parts = match opt(opts, "parts") {
            Some(Term::Int(n)) if n > 0 => Some(n as usize),
            _ => None,
        };
        let trim = opt(opts, "trim").is_some_and(|t| t.is_truthy());
        Ok(strings(split(s, &pats, parts, trim)))
    }
    r.add("String", "split", 2, |_, a| split_with(a, &Term::EmptyList));
    r.add("String", "split", 3, |_, a| split_with(&a[..2], &a[2]));
    fn replace_with(p: &mut crate::eval::exec::Proc, a: &[Term], opts: &Term) -> R<Term> {
        let s = text(&a[0], "replace", a)?;
        if let Some(re) = super::regex::of(&a[1]) {
            let global = opt(opts, "global").is_none_or(|g| g.is_truthy());
            return super::regex::replace(p, &re, s, &a[2], global);
        }
        let fun = matches!(&a[2], Term::Fun(f) if f.arity() == 1);
        let (Some(pats), true) = (patterns(&a[1]), a[2].as_str().is_some() || fun) else {
            return no_clause("replace", a);
        };
        let global = opt(opts, "global").is_none_or(|g| g.is_truthy());
        let out = replace(
            s,
            &pats,
            &mut |m| match &a[2] {
                Term::Bin(b) => Ok(b.to_vec()),
                f => {
                    let v = p.apply(f, vec![Term::str(m)])?;
                    let mut w = crate::term::bits::BitWriter::default();
                    match super::io::iodata(&v, &mut w, false) {
                        true => Ok(w.into_term().as_bin().map(<[u8]>::to_vec).unwrap_or_default()),
                        false => ex::in_bif(ex::badarg_at(1, "not an iodata term"), "iolist_to_binary", || {
                            vec![v.clone()]
                        }),
                    }
                }
            },
            global,
        )?;
        Ok(Term::bytes(&out))
    }
    r.add("String", "replace", 3, |p, a| replace_with(p, a, &Term::EmptyList));
    r.add("String", "replace", 4, |p, a| replace_with(p, &a[..3], &a[3]));
    r.add("String", "replace_prefix", 3, |_, a| {
        let s = text(&a[0], "replace_prefix", a)?;
        let (Some(m), Some(w)) = (a[1].as_str(), a[2].as_str()) else {
            return no_clause("replace_prefix", a);
        };
        Ok(Term::str(&match s.strip_prefix(m) {
            Some(rest) => w.to_string() + rest,
            None => s.to_string(),
        }))
    });
    r.add("String", "replace_suffix", 3, |_, a| {
        let s = text(&a[0], "replace_suffix", a)?;
        let (Some(m), Some(w)) = (a[1].as_str(), a[2].as_str()) else {
            return no_clause("replace_suffix", a);
        };
        Ok(Term::str(&match s.strip_suffix(m) {
            Some(rest) => rest.to_string() + w,
            None => s.to_string(),
        }))
    });
    r.add("String", "contains?", 2, |_, a| {
        let s = text(&a[0], "contains?", a)?;
        let Some(pats) = patterns(&a[1]) else {
            return no_clause("contains?", a);
        };
        Ok(Term::bool(pats.iter().any(|p| s.contains(p.as_str()))))
    });
    r.add("String", "starts_with?", 2, |_, a| {
        let s = text(&a[0], "starts_with?", a)?;
        let Some(pats) = patterns(&a[1]) else {
            return no_clause("starts_with?", a);
        };
        Ok(Term::bool(pats.iter().any(|p| s.starts_with(p.as_str()))))
    });
    r.add("String", "ends_with?", 2, |_, a| {
        let s = text(&a[0], "ends_with?", a)?;
        let Some(pats) = patterns(&a[1]) else {
            return no_clause("ends_with?", a);
        };
        Ok(Term::bool(pats.iter().any(|p| s.ends_with(p.as_str()))))
    });
    r.add("String", "duplicate", 2, |_, a| {
        let s = text(&a[0], "duplicate", a)?;
        match a[1] {
            Term::Int(n) if n >= 0 => Ok(Term::str(&s.repeat(n as usize))),
            _ => ex::badarg(),
        }
    });
    r.add("String", "pad_leading", 2, |_, a| {
        pad(text(&a[0], "pad_leading", a)?, &a[1], " ", true, a)
    });
    r.add("String", "pad_leading", 3, |_, a| {
        let p = text(&a[2], "pad_leading", a)?;
        pad(text(&a[0], "pad_leading", a)?, &a[1], p, true, a)
    });
    r.add("String", "pad_trailing", 2, |_, a| {
        pad(text(&a[0], "pad_trailing", a)?, &a[1], " ", false, a)
    });
    r.add("String", "pad_trailing", 3, |_, a| {
        let p = text(&a[2], "pad_trailing", a)?;
        pad(text(&a[0], "pad_trailing", a)?, &a[1], p, false, a)
    });
    for name in ["trim", "trim_leading", "trim_trailing"] {
        let one: crate::stdlib::Native = match name {
            "trim" => |_, a| Ok(Term::str(trim_chars(text(&a[0], "trim", a)?, None, true, true))),
            "trim_leading" => |_, a| {
                Ok(Term::str(trim_chars(
                    text(&a[0], "trim_leading", a)?,
                    None,
                    true,
                    false,
                )))
            },
            _ => |_, a| {
                Ok(Term::str(trim_chars(
                    text(&a[0], "trim_trailing", a)?,
                    None,
                    false,
                    true,
                )))
            },
        };
        r.add("String", name, 1, one);
    }
    r.add("String", "trim", 2, |_, a| {
        let c = text(&a[1], "trim", a)?;
        Ok(Term::str(trim_chars(text(&a[0], "trim", a)?, Some(c), true, true)))
    });
    r.add("String", "trim_leading", 2, |_, a| {
        let c = text(&a[1], "trim_leading", a)?;
        Ok(Term::str(trim_chars(
            text(&a[0], "trim_leading", a)?,
            Some(c),
            true,
            false,
        )))
    });
    r.add("String", "trim_trailing", 2, |_, a| {
        let c = text(&a[1], "trim_trailing", a)?;
        Ok(Term::str(trim_chars(
            text(&a[0], "trim_trailing", a)?,
            Some(c),
            false,
            true,
        )))
    });
    // Inlined to the `:erlang` builtins, whose frames their errors carry.
    r.add("String", "to_integer", 1, |_, a| {
        let r = bif_text(&a[0], INT_TEXT).and_then(|s| to_integer(s, 10));
        ex::in_bif(r, "binary_to_integer", || a.to_vec())
    });
    r.add("String", "to_integer", 2, |_, a| {
        let r = match a[1] {
            Term::Int(b) if (2..=36).contains(&b) => bif_text(&a[0], INT_TEXT).and_then(|s| to_integer(s, b as u32)),
            _ if !matches!(a[0], Term::Bin(_)) => ex::badarg_at(1, "not a binary"),
            _ => ex::badarg_at(2, "not an integer in the range 2 through 36"),
        };
        ex::in_bif(r, "binary_to_integer", || a.to_vec())
    });
    r.add("String", "to_float", 1, |_, a| {
        let r = bif_text(&a[0], "not a textual representation of a float").and_then(to_float);
        ex::in_bif(r, "binary_to_float", || a.to_vec())
    });
    r.add("String", "to_atom", 1, |_, a| {
        let r = bif_text(&a[0], "invalid UTF8 encoding").and_then(super::atom::text_to_atom);
        ex::in_bif(r, "binary_to_atom", || vec![a[0].clone(), Term::atom("utf8")])
    });
    r.add("String", "to_existing_atom", 1, |_, a| {
        let r = bif_text(&a[0], "not an already existing atom").and_then(|s| match Atom::existing(s) {
            Some(x) => Ok(Term::Atom(x)),
            None => ex::badarg_at(1, "not an already existing atom"),
        });
        ex::in_bif(r, "binary_to_existing_atom", || vec![a[0].clone(), Term::atom("utf8")])
    });
    r.add("String", "to_charlist", 1, |_, a| {
        Ok(Term::charlist(text(&a[0], "to_charlist", a)?))
    });
    r.add("String", "valid?", 1, |_, a| match &a[0] {
        Term::Bin(b) => Ok(Term::bool(std::str::from_utf8(b).is_ok())),
        _ => no_clause("valid?", a),
    });
    for arity in 1..=2 {
        r.add("String", "printable?", arity, |_, a| {
            let limit = match a.get(1) {
                None => usize::MAX,
                Some(Term::Int(n)) if *n >= 0 => *n as usize,
                Some(t) if t.as_atom().is_some_and(|a| &*a.name() == "infinity") => usize::MAX,
                _ => return no_clause("printable?", a),
            };
            match &a[0] {
                Term::Bin(b) => Ok(Term::bool(crate::term::inspect::printable(b, limit))),
                _ => no_clause("printable?", a),
            }
        });
    }
    r.add("String", "replace_leading", 3, |_, a| replace_repeated(a, true));
    r.add("String", "replace_trailing", 3, |_, a| replace_repeated(a, false));
    r.add("String", "bag_distance", 2, |_, a| {
        let (s, t) = (text(&a[0], "bag_distance", a)?, text(&a[1], "bag_distance", a)?);
        if s.is_empty() || t.is_empty() {
            return Ok(Term::Float(0.0));
        }
        fn bag(s: &str) -> (std::collections::HashMap<&str, i64>, i64) {
            let mut m: std::collections::HashMap<&str, i64> = std::collections::HashMap::new();
            let g = graphemes(s);
            for x in &g {
                *m.entry(x).or_default() += 1;
            }
            (m, g.len() as i64)
        }
        let ((b1, n1), (b2, n2)) = (bag(s), bag(t));
        let diff = |x: &std::collections::HashMap<&str, i64>, y: &std::collections::HashMap<&str, i64>| -> i64 {
            x.iter().map(|(k, n)| (n - y.get(k).copied().unwrap_or(0)).max(0)).sum()
        };
        let d = diff(&b1, &b2).max(diff(&b2, &b1));
        Ok(Term::Float(1.0 - d as f64 / n1.max(n2) as f64))
    });
    r.add("String", "next_grapheme", 1, |_, a| {
        let s = text(&a[0], "next_grapheme", a)?;
        Ok(match s.graphemes(true).next() {
            Some(g) => Term::tuple(vec![Term::str(g), Term::str(&s[g.len()..])]),
            None => Term::NIL,
        })
    });
    r.add("String", "next_codepoint", 1, |_, a| {
        let s = text(&a[0], "next_codepoint", a)?;
        Ok(match s.chars().next() {
            Some(c) => Term::tuple(vec![
                Term::str(c.encode_utf8(&mut [0; 4])),
                Term::str(&s[c.len_utf8()..]),
            ]),
            None => Term::NIL,
        })
    });
    r.add("String", "myers_difference", 2, |p, a| {
        myers(
            p,
            text(&a[0], "myers_difference", a)?,
            text(&a[1], "myers_difference", a)?,
        )
    });
    r.add("String", "chunk", 2, |_, a| {
        let s = text(&a[0], "chunk", a)?;
        let printable = match a[1].as_atom().map(|m| m.name()) {
            Some(m) if &*m == "valid" => None,
            Some(m) if &*m == "printable" => Some(()),
            _ => return no_clause("chunk", a),
        };
        if s.is_empty() {
            return Ok(Term::EmptyList);
        }
        let Some(()) = printable else {
            return Ok(Term::list(vec![Term::str(s)]));
        };
        let is_printable =
            |c: char| !c.is_control() || matches!(c, '\n' | '\r' | '\t' | '\x0b' | '\x0c' | '\x08' | '\x1b' | '\x07');
        let mut out: Vec<Term> = Vec::new();
        let mut cur = String::new();
        let mut kind = None;
        for c in s.chars() {
            let k = is_printable(c);
            if kind.is_some_and(|old| old != k) {
                out.push(Term::str(&std::mem::take(&mut cur)));
            }
            kind = Some(k);
            cur.push(c);
        }
        out.push(Term::str(&cur));
        Ok(Term::list(out))
    });
    r.add("String", "jaro_distance", 2, |_, a| {
        Ok(Term::Float(jaro(
            text(&a[0], "jaro_distance", a)?,
            text(&a[1], "jaro_distance", a)?,
        )))
    });
    r.add("String", "equivalent?", 2, |_, a| match (&a[0], &a[1]) {
        (Term::Bin(x), Term::Bin(y)) => Ok(Term::bool(normalize(x, "nfd") == normalize(y, "nfd"))),
        _ => no_clause("equivalent?", a),
    });
    r.add("String", "normalize", 2, |_, a| {
        match (&a[0], a[1].as_atom().map(|f| f.name())) {
            (Term::Bin(b), Some(form)) if matches!(&*form, "nfd" | "nfc" | "nfkd" | "nfkc") => {
                Ok(Term::bytes(&normalize(b, &form)))
            }
            _ => no_clause("normalize", a),
        }
    });
    r.add("String", "splitter", 2, |_, a| {
        splitter(&a[0], &a[1], &Term::EmptyList, a)
    });
    r.add("String", "splitter", 3, |_, a| splitter(&a[0], &a[1], &a[2], a));
    // The deprecated ones, on the functions that replace them, as Elixir defines them.
    r.add("String", "strip", 1, |p, a| call(p, "trim", vec![a[0].clone()]));
    r.add("String", "strip", 2, |p, a| {
        let c = utf8_char(&a[1])?;
        call(p, "trim", vec![a[0].clone(), c])
    });
    r.add("String", "lstrip", 1, |p, a| {
        call(p, "trim_leading", vec![a[0].clone()])
    });
    r.add("String", "rstrip", 1, |p, a| {
        call(p, "trim_trailing", vec![a[0].clone()])
    });
    r.add("String", "lstrip", 2, |p, a| match a[1] {
        Term::Int(_) => {
            let c = utf8_char(&a[1])?;
            call(p, "replace_leading", vec![a[0].clone(), c, Term::str("")])
        }
        _ => no_clause("lstrip", a),
    });
    r.add("String", "rstrip", 2, |p, a| match a[1] {
        Term::Int(_) => {
            let c = utf8_char(&a[1])?;
            call(p, "replace_trailing", vec![a[0].clone(), c, Term::str("")])
        }
        _ => no_clause("rstrip", a),
    });
    r.add("String", "rjust", 2, |p, a| {
        justify(p, "rjust", &[a[0].clone(), a[1].clone(), Term::Int(32)])
    });
    r.add("String", "rjust", 3, |p, a| justify(p, "rjust", a));
    r.add("String", "ljust", 2, |p, a| {
        justify(p, "ljust", &[a[0].clone(), a[1].clone(), Term::Int(32)])
    });
    r.add("String", "ljust", 3, |p, a| justify(p, "ljust", a));
    r.add("String", "to_char_list", 1, |p, a| {
        call(p, "to_charlist", vec![a[0].clone()])
    });
    r.add("String", "valid_character?", 1, |_, a| {
        let one = a[0].as_str().is_some_and(|s| s.chars().count() == 1);
        Ok(Term::bool(one))
    });
    r.add("String", "next_grapheme_size", 1, |_, a| {
        let Term::Bin(b) = &a[0] else {
            return no_clause("next_grapheme_size", a);
        };
        if b.is_empty() {
            return Ok(Term::NIL);
        }
        let valid = match std::str::from_utf8(b) {
            Ok(s) => s,
            Err(e) => std::str::from_utf8(&b[..e.valid_up_to()]).unwrap_or_default(),
        };
        // An invalid byte is a grapheme of its own.
        let size = valid.graphemes(true).next().map_or(1, str::len);
        Ok(Term::tuple(vec![Term::Int(size as i64), Term::bytes(&b[size..])]))
    });
}

/// Calls another of `String`'s builtins.
fn call(p: &mut crate::eval::exec::Proc, name: &str, mut args: Vec<Term>) -> R<Term> {
    let (m, f) = (Atom::new("Elixir.String"), Atom::new(name));
    match super::lookup(m, f, args.len()) {
        Some(native) => native(p, &mut args),
        None => ex::undefined_function(m, f, args.len()),
    }
}

/// `<<char::utf8>>`.
fn utf8_char(c: &Term) -> R<Term> {
    match c.as_int().and_then(|n| u32::try_from(n).ok()).and_then(char::from_u32) {
        Some(ch) => Ok(Term::str(ch.encode_utf8(&mut [0; 4]))),
        None => ex::argument_error(format!(
            "construction of binary failed: segment 1 of type 'utf8': expected a non-negative integer encodable as utf8 but got: {}",
            crate::term::inspect::inspect_default(c)
        )),
    }
}

/// The deprecated `String.rjust/3` and `ljust/3`: `pad_leading`/`pad_trailing`
/// with a character as the padding.
fn justify(p: &mut crate::eval::exec::Proc, name: &str, a: &[Term]) -> R<Term> {
    match (&a[1], &a[2]) {
        (Term::Int(n), Term::Int(_)) if *n >= 0 => {
            let pad = utf8_char(&a[2])?;
            let to = if name == "rjust" { "pad_leading" } else { "pad_trailing" };
            call(p, to, vec![a[0].clone(), a[1].clone(), pad])
        }
        _ => no_clause(name, a),
    }
}

/// `String.normalize/2`: each valid run of the bytes in the form, an
/// invalid byte kept as it is (Erlang's normalization stops at one).
fn normalize(b: &[u8], form: &str) -> Vec<u8> {
    use unicode_normalization::UnicodeNormalization;
    let mut out = Vec::with_capacity(b.len());
    let mut rest = b;
    while !rest.is_empty() {
        let (valid, bad) = match std::str::from_utf8(rest) {
            Ok(s) => (s, 0),
            Err(e) => (std::str::from_utf8(&rest[..e.valid_up_to()]).unwrap_or_default(), 1),
        };
        let normal: String = match form {
            "nfd" => valid.nfd().collect(),
            "nfc" => valid.nfc().collect(),
            "nfkd" => valid.nfkd().collect(),
            _ => valid.nfkc().collect(),
        };
        out.extend_from_slice(normal.as_bytes());
        out.extend_from_slice(&rest[valid.len()..valid.len() + bad]);
        rest = &rest[valid.len() + bad..];
    }
    out
}

/// `String.splitter/3`: a stream of the parts `String.split/3` gives
/// (trimmed as its `:trim` option says), split as it is pulled.
fn splitter(string: &Term, pattern: &Term, opts: &Term, args: &[Term]) -> R<Term> {
    if !matches!(string, Term::Bin(_)) || !opts.is_list() {
        return no_clause("splitter", args);
    }
    let trim = opt(opts, "trim").is_some_and(|t| t.is_truthy());
    Ok(super::stream::generator_stream(
        "splitter",
        vec![string.clone(), pattern.clone(), Term::bool(trim)],
    ))
}
