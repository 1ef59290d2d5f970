//! `Regex` and the `~r` sigil, on the `regex` crate. A regex is the struct
//! Elixir builds (`%Regex{source: "a+", opts: "i", …}`); the compiled form
//! lives in a process-wide cache keyed by source and options, so a regex
//! value stays a plain term that crosses processes like any other.
//!
//! The `regex` crate has no look-around or back-references: such a pattern
//! is a compile error here, with the crate's explanation.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};

use regex::{Regex, RegexBuilder};

use super::Registry;
use crate::eval::exception::{self as ex, R};
use crate::eval::exec::Proc;
use crate::term::{Atom, MapT, Term};

/// Compiled regexes by source and modifiers.
type Cache = HashMap<(String, String), Arc<Regex>>;

static CACHE: LazyLock<Mutex<Cache>> = LazyLock::new(Default::default);

fn regex_atom() -> Atom {
    Atom::new("Elixir.Regex")
}

/// Compiles `source` with Elixir's modifier letters.
fn compile(source: &str, opts: &str) -> Result<Arc<Regex>, String> {
    let key = (source.to_string(), opts.to_string());
    let mut cache = CACHE.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(r) = cache.get(&key) {
        return Ok(r.clone());
    }
    let mut b = RegexBuilder::new(source);
    for m in opts.chars() {
        match m {
            'i' => b.case_insensitive(true),
            'm' => b.multi_line(true),
            's' => b.dot_matches_new_line(true),
            'x' => b.ignore_whitespace(true),
            'u' | 'f' | 'U' => &mut b,
            other => return Err(format!("invalid regex modifier: {other}")),
        };
    }
    let r = Arc::new(b.build().map_err(|e| e.to_string())?);
    if cache.len() < 4096 {
        cache.insert(key, r.clone());
    }
    Ok(r)
}

fn regex_struct(source: &str, opts: &str) -> Term {
    let mut m = MapT::new();
    m.insert(Term::Atom(Atom::STRUCT), Term::Atom(regex_atom()));
    m.insert(Term::atom("source"), Term::str(source));
    m.insert(Term::atom("opts"), Term::str(opts));
    m.insert(Term::atom("re_pattern"), Term::NIL);
    m.insert(Term::atom("re_version"), Term::NIL);
    Term::map(m)
}

/// The compiled regex of a `%Regex{}` value, if `t` is one.
pub fn of(t: &Term) -> Option<Arc<Regex>> {
    if t.struct_name() != Some(regex_atom()) {
        return None;
    }
    let source = t.map_get(Atom::new("source"))?.as_str()?;
    let opts = t.map_get(Atom::new("opts")).and_then(Term::as_str).unwrap_or("");
    compile(source, opts).ok()
}

/// `Regex.match?(regex, string)` (`String.match?/2` swaps its arguments).
pub fn is_match(a: &[Term]) -> R<Term> {
    let re = regex_arg(&a[0], "match?", a)?;
    Ok(Term::bool(re.is_match(text(&a[1], "match?", a)?)))
}

/// How a regex prints: `~r/source/opts`.
pub fn inspect(t: &Term) -> Option<String> {
    if t.struct_name() != Some(regex_atom()) {
        return None;
    }
    let source = t.map_get(Atom::new("source"))?.as_str()?;
    let opts = t.map_get(Atom::new("opts")).and_then(Term::as_str).unwrap_or("");
    Some(format!("~r/{source}/{opts}"))
}

fn regex_arg(t: &Term, name: &str, args: &[Term]) -> R<Arc<Regex>> {
    match of(t) {
        Some(r) => Ok(r),
        None => ex::function_clause(regex_atom(), Atom::new(name), args.to_vec()),
    }
}

fn text<'a>(t: &'a Term, name: &str, args: &[Term]) -> R<&'a str> {
    match t.as_str() {
        Some(s) => Ok(s),
        None => ex::function_clause(regex_atom(), Atom::new(name), args.to_vec()),
    }
}

fn opt(opts: &Term, key: &str) -> Option<Term> {
    opts.iter_list().find_map(|kv| match kv.as_tuple() {
        Some([Term::Atom(k), v]) if &*k.name() == key => Some(v.clone()),
        _ => None,
    })
}

/// Every match of `re` in `s`, as Erlang's `re:run/3` with `:global` finds
/// them: after a non-empty match the next may be empty where it ended (the
/// `regex` crate skips that one); after an empty match the search goes on
/// one character further.
pub fn global_matches<'s>(re: &Regex, s: &'s str) -> Vec<regex::Captures<'s>> {
    let mut out = Vec::new();
    let mut pos = 0;
    while pos <= s.len() {
        let Some(c) = re.captures_at(s, pos) else { break };
        let Some(m) = c.get(0) else { break };
        pos = if m.is_empty() {
            match s[m.end()..].chars().next() {
                Some(ch) => m.end() + ch.len_utf8(),
                None => s.len() + 1,
            }
        } else {
            m.end()
        };
        out.push(c);
    }
    out
}

/// The groups of a match as `re:run/3` reports them: a group that did not
/// take part is "" (`{-1, 0}`), and those after the last that did are left out.
fn captures_term(c: &regex::Captures, index: bool) -> Term {
    let len = (0..c.len()).rev().find(|&i| c.get(i).is_some()).map_or(0, |i| i + 1);
    Term::list(
        (0..len)
            .map(|i| match c.get(i) {
                Some(m) if index => Term::tuple(vec![Term::Int(m.start() as i64), Term::Int(m.len() as i64)]),
                Some(m) => Term::str(m.as_str()),
                None if index => Term::tuple(vec![Term::Int(-1), Term::Int(0)]),
                None => Term::str(""),
            })
            .collect::<Vec<_>>(),
    )
}

/// Expands `\N`, `\g{N}` and `\0` in a replacement string.
fn expand(replacement: &str, c: &regex::Captures) -> String {
    let b = replacement.as_bytes();
    let mut out = String::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\\' && i + 1 < b.len() {
            if b[i + 1].is_ascii_digit() {
                let mut j = i + 1;
                while j < b.len() && b[j].is_ascii_digit() {
                    j += 1;
                }
                let n: usize = replacement[i + 1..j].parse().unwrap_or(0);
                out.push_str(c.get(n).map_or("", |m| m.as_str()));
                i = j;
                continue;
            }
            if replacement[i + 1..].starts_with("g{")
                && let Some(end) = replacement[i + 3..].find('}')
            {
                let n: usize = replacement[i + 3..i + 3 + end].parse().unwrap_or(0);
                out.push_str(c.get(n).map_or("", |m| m.as_str()));
                i += 4 + end;
                continue;
            }
            out.push(b[i + 1] as char);
            i += 2;
            continue;
        }
        let ch = replacement[i..].chars().next().unwrap_or('\0');
        out.push(ch);
        i += ch.len_utf8();
    }
    out
}

/// `Regex.replace/4` and `String.replace/4` with a regex.
pub fn replace(p: &mut Proc, re: &Regex, s: &str, with: &Term, global: bool) -> R<Term> {
    let mut out = String::new();
    let mut last = 0;
    for c in global_matches(re, s) {
        let Some(m) = c.get(0) else { continue };
        out.push_str(&s[last..m.start()]);
        match with {
            Term::Bin(_) => out.push_str(&expand(with.as_str().unwrap_or(""), &c)),
            Term::Fun(_) => {
                let args: Vec<Term> = (0..c.len())
                    .map(|i| Term::str(c.get(i).map_or("", |m| m.as_str())))
                    .take(with_arity(with))
                    .collect();
                let v = p.apply(with, args)?;
                let mut bytes = Vec::new();
                super::kernel::to_chars(&v, &mut bytes)?;
                out.push_str(&String::from_utf8_lossy(&bytes));
            }
            _ => return ex::badarg(),
        }
        last = m.end();
        if !global {
            break;
        }
    }
    out.push_str(&s[last..]);
    Ok(Term::str(&out))
}

fn with_arity(f: &Term) -> usize {
    match f {
        Term::Fun(f) => f.arity(),
        _ => 1,
    }
}

/// `Regex.split/3` and `String.split/3` with a regex, as Elixir 1.14's
/// `do_split/6` walks the matches (the whole match, or the groups `on:`
/// names): each match ends a part, a match that starts before the current
/// offset is skipped, `trim` drops empty parts, `include_captures` keeps the
/// matched text after its part, and with `parts: n` the n-th part is the rest.
pub fn split(re: &Regex, s: &str, opts: &Term) -> R<Term> {
    let trim = opt(opts, "trim").is_some_and(|t| t.is_truthy());
    if s.is_empty() {
        return Ok(if trim {
            Term::EmptyList
        } else {
            Term::list(vec![Term::str("")])
        });
    }
    let counter = match opt(opts, "parts") {
        None => 0,
        Some(t) if t == Term::atom("infinity") => 0,
        Some(Term::Int(n)) if n > 0 => n,
        Some(t) => {
            return ex::function_clause(regex_atom(), Atom::new("parts_to_index"), vec![t]);
        }
    };
    let with_captures = opt(opts, "include_captures").is_some_and(|t| t.is_truthy());
    let on = opt(opts, "on").and_then(|t| t.as_atom()).map(|a| a.name().to_string());
    let matches: Vec<Vec<(i64, i64)>> = global_matches(re, s)
        .iter()
        .map(|c| {
            let groups: Vec<usize> = match on.as_deref() {
                Some("all") => (0..c.len()).collect(),
                Some("all_but_first") => (1..c.len()).collect(),
                _ => vec![0],
            };
            groups
                .into_iter()
                .map(|i| c.get(i).map_or((-1, 0), |m| (m.start() as i64, m.len() as i64)))
                .collect()
        })
        .collect();
    let mut out: Vec<&str> = Vec::new();
    let (mut offset, mut counter) = (0i64, counter);
    let len = s.len() as i64;
    let mut groups = matches.iter().flatten();
    loop {
        if trim && len <= offset {
            break;
        }
        let rest = &s[offset as usize..];
        if counter == 1 {
            out.push(rest);
            break;
        }
        let Some(&(pos, mlen)) = groups.next() else {
            out.push(rest);
            break;
        };
        if pos - offset < 0 {
            continue;
        }
        let part = &s[offset as usize..pos as usize];
        let matched = &s[pos as usize..(pos + mlen) as usize];
        offset = pos + mlen;
        if part.is_empty() && trim {
            if with_captures {
                out.push(matched);
                counter -= 1;
            }
            continue;
        }
        out.push(part);
        if with_captures {
            out.push(matched);
        }
        counter -= 1;
    }
    Ok(Term::list(out.into_iter().map(Term::str).collect::<Vec<_>>()))
}

fn run(a: &[Term], opts: &Term) -> R<Term> {
    let re = regex_arg(&a[0], "run", a)?;
    let s = text(&a[1], "run", a)?;
    let index = opt(opts, "return").is_some_and(|r| r == Term::atom("index"));
    let Some(c) = re.captures(s) else { return Ok(Term::NIL) };
    let all = captures_term(&c, index);
    Ok(match opt(opts, "capture").and_then(|c| c.as_atom()) {
        Some(a) if &*a.name() == "all_but_first" => {
            all.list_to_vec().map(|v| Term::list(v[1..].to_vec())).unwrap_or(all)
        }
        Some(a) if &*a.name() == "first" => all.list_to_vec().map(|v| Term::list(v[..1].to_vec())).unwrap_or(all),
        _ => all,
    })
}

fn scan(a: &[Term], opts: &Term) -> R<Term> {
    let re = regex_arg(&a[0], "scan", a)?;
    let s = text(&a[1], "scan", a)?;
    let index = opt(opts, "return").is_some_and(|r| r == Term::atom("index"));
    Ok(Term::list(
        global_matches(&re, s)
            .iter()
            .map(|c| captures_term(c, index))
            .collect::<Vec<_>>(),
    ))
}

pub fn register(r: &mut Registry) {
    r.add("Regex", "__sigil__", 2, |_, a| {
        let source = a[0].as_str().unwrap_or_default();
        let opts = a[1].as_str().unwrap_or_default();
        match compile(source, opts) {
            Ok(_) => Ok(regex_struct(source, opts)),
            Err(e) => ex::with_message("Regex.CompileError", e),
        }
    });
    r.add("Regex", "compile", 1, |_, a| compile_result(&a[0], &Term::str("")));
    r.add("Regex", "compile", 2, |_, a| compile_result(&a[0], &a[1]));
    r.add("Regex", "compile!", 1, |_, a| compile_bang(&a[0], &Term::str("")));
    r.add("Regex", "compile!", 2, |_, a| compile_bang(&a[0], &a[1]));
    r.add("Regex", "match?", 2, |_, a| is_match(a));
    r.add("Regex", "run", 2, |_, a| run(a, &Term::EmptyList));
    r.add("Regex", "run", 3, |_, a| run(&a[..2], &a[2]));
    r.add("Regex", "scan", 2, |_, a| scan(a, &Term::EmptyList));
    r.add("Regex", "scan", 3, |_, a| scan(&a[..2], &a[2]));
    r.add("Regex", "replace", 3, |p, a| {
        let re = regex_arg(&a[0], "replace", a)?;
        let s = text(&a[1], "replace", a)?;
        replace(p, &re, s, &a[2], true)
    });
    r.add("Regex", "replace", 4, |p, a| {
        let re = regex_arg(&a[0], "replace", a)?;
        let s = text(&a[1], "replace", a)?;
        let global = opt(&a[3], "global").is_none_or(|g| g.is_truthy());
        replace(p, &re, s, &a[2], global)
    });
    r.add("Regex", "split", 2, |_, a| {
        let re = regex_arg(&a[0], "split", a)?;
        split(&re, text(&a[1], "split", a)?, &Term::EmptyList)
    });
    r.add("Regex", "split", 3, |_, a| {
        let re = regex_arg(&a[0], "split", a)?;
        split(&re, text(&a[1], "split", a)?, &a[2])
    });
    r.add("Regex", "named_captures", 2, |_, a| {
        let re = regex_arg(&a[0], "named_captures", a)?;
        let s = text(&a[1], "named_captures", a)?;
        let Some(c) = re.captures(s) else { return Ok(Term::NIL) };
        let mut m = MapT::new();
        for name in re.capture_names().flatten() {
            m.insert(Term::str(name), Term::str(c.name(name).map_or("", |x| x.as_str())));
        }
        Ok(Term::map(m))
    });
    r.add("Regex", "source", 1, |_, a| {
        regex_arg(&a[0], "source", a)?;
        Ok(a[0].map_get(Atom::new("source")).cloned().unwrap_or(Term::NIL))
    });
    r.add("Regex", "regex?", 1, |_, a| Ok(Term::bool(of(&a[0]).is_some())));
    r.add("Regex", "escape", 1, |_, a| match a[0].as_str() {
        Some(s) => Ok(Term::str(&regex::escape(s))),
        None => ex::badarg(),
    });
}

fn compile_result(source: &Term, opts: &Term) -> R<Term> {
    let (Some(s), Some(o)) = (source.as_str(), opts.as_str()) else {
        return ex::badarg();
    };
    Ok(match compile(s, o) {
        Ok(_) => Term::tuple(vec![Term::OK, regex_struct(s, o)]),
        Err(e) => Term::tuple(vec![
            Term::Atom(Atom::ERROR),
            Term::tuple(vec![Term::charlist(&e), Term::Int(0)]),
        ]),
    })
}

fn compile_bang(source: &Term, opts: &Term) -> R<Term> {
    let (Some(s), Some(o)) = (source.as_str(), opts.as_str()) else {
        return ex::badarg();
    };
    match compile(s, o) {
        Ok(_) => Ok(regex_struct(s, o)),
        Err(e) => ex::with_message("Regex.CompileError", e),
    }
}
