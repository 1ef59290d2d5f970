//! `URI`: the `%URI{}` struct and its functions as in Elixir 1.14.
//!
//! `parse/1` splits a string as RFC 3986's appendix B does, without
//! validation; `new/1` validates as Erlang 25's `:uri_string.parse/1` does
//! (when a string fails as a URI with a scheme it is tried again as a
//! relative reference, and the error names the first character that failed).
//! `merge/2`'s dot-segment removal is Elixir 1.14's: a trailing `.` or `..`
//! leaves no trailing slash. `query_decoder/1,2` returns a lazy stream that
//! decodes a pair as it is taken.
//! The default ports live in one process-wide table (`default_port/2` changes it).

use std::collections::HashMap;
use std::sync::{LazyLock, RwLock};

use num_bigint::BigInt;

use super::Registry;
use super::enumerable::fold;
use super::kernel::to_chars;
use crate::eval::exception::{self as ex, R};
use crate::eval::exec::Proc;
use crate::term::inspect::inspect_default;
use crate::term::{Atom, MapT, Term};

/// The fields of `%URI{}` in definition order.
pub const FIELDS: [&str; 8] = [
    "scheme",
    "authority",
    "userinfo",
    "host",
    "port",
    "path",
    "query",
    "fragment",
];

static PORTS: LazyLock<RwLock<HashMap<String, Term>>> = LazyLock::new(|| {
    let known = [
        ("ftp", 21),
        ("sftp", 22),
        ("tftp", 69),
        ("http", 80),
        ("https", 443),
        ("ldap", 389),
        ("ws", 80),
        ("wss", 443),
    ];
    RwLock::new(known.iter().map(|(s, p)| (s.to_string(), Term::Int(*p))).collect())
});

fn uri_atom() -> Atom {
    Atom::new("Elixir.URI")
}

fn default_port(scheme: &str) -> Term {
    let ports = PORTS.read().unwrap_or_else(|e| e.into_inner());
    ports.get(scheme).cloned().unwrap_or(Term::NIL)
}

/// `%URI{}` with every field nil.
pub fn struct_default() -> MapT {
    let mut m = MapT::new();
    m.insert(Term::Atom(Atom::STRUCT), Term::Atom(uri_atom()));
    for f in FIELDS {
        m.insert(Term::atom(f), Term::NIL);
    }
    m
}

/// The parts of a URI, each `None` for nil.
#[derive(Default)]
struct Parts {
    scheme: Option<String>,
    authority: Option<String>,
    userinfo: Option<String>,
    host: Option<String>,
    port: Option<Term>,
    path: Option<String>,
    query: Option<String>,
    fragment: Option<String>,
}

impl Parts {
    fn into_term(self) -> Term {
        let s = |x: Option<String>| x.map_or(Term::NIL, |v| Term::str(&v));
        let mut m = struct_default();
        let values = [
            s(self.scheme),
            s(self.authority),
            s(self.userinfo),
            s(self.host),
            self.port.unwrap_or(Term::NIL),
            s(self.path),
            s(self.query),
            s(self.fragment),
        ];
        for (f, v) in FIELDS.iter().zip(values) {
            m.insert(Term::atom(f), v);
        }
        Term::map(m)
    }

    fn of(t: &Term) -> Parts {
        let s = |f: &str| t.map_get(Atom::new(f)).and_then(|v| v.as_str()).map(str::to_string);
        Parts {
            scheme: s("scheme"),
            authority: s("authority"),
            userinfo: s("userinfo"),
            host: s("host"),
            port: t.map_get(Atom::new("port")).filter(|p| p.is_truthy()).cloned(),
            path: s("path"),
            query: s("query"),
            fragment: s("fragment"),
        }
    }
}

fn nonempty(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

fn is_uri(t: &Term) -> bool {
    t.struct_name() == Some(uri_atom())
}

/// `URI.parse/1` of a string.
fn parse(s: &str) -> Parts {
    let mut rest = s;
    let mut scheme = None;
    let scheme_len = s
        .bytes()
        .enumerate()
        .take_while(|(i, b)| {
            if *i == 0 {
                b.is_ascii_alphabetic()
            } else {
                is_scheme(*b)
            }
        })
        .count();
    if scheme_len > 0 && s.as_bytes().get(scheme_len) == Some(&b':') {
        scheme = Some(s[..scheme_len].to_ascii_lowercase());
        rest = &s[scheme_len + 1..];
    }
    let mut p = Parts::default();
    if let Some(after) = rest.strip_prefix("//") {
        let end = after.find(['/', '?', '#']).unwrap_or(after.len());
        split_authority(&after[..end], &mut p);
        rest = &after[end..];
    }
    let path_end = rest.find(['?', '#']).unwrap_or(rest.len());
    p.path = nonempty(&rest[..path_end]);
    rest = &rest[path_end..];
    if let Some(q) = rest.strip_prefix('?') {
        let end = q.find('#').unwrap_or(q.len());
        p.query = Some(q[..end].to_string());
        rest = &q[end..];
    }
    if let Some(f) = rest.strip_prefix('#') {
        p.fragment = Some(f.to_string());
    }
    p.port = p
        .port
        .or_else(|| scheme.as_deref().map(default_port))
        .filter(|t| t.is_truthy());
    p.scheme = scheme;
    p
}

fn split_authority(auth: &str, p: &mut Parts) {
    p.authority = Some(auth.to_string());
    if auth.is_empty() {
        p.host = Some(String::new());
        return;
    }
    let (userinfo, hostport) = match auth.rfind('@') {
        Some(i) => (nonempty(&auth[..i]), &auth[i + 1..]),
        None => (None, auth),
    };
    p.userinfo = userinfo;
    let bracketed = hostport.strip_prefix('[').and_then(|r| {
        let close = r.find(']')?;
        r[..close]
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b':' || b == b'.')
            .then_some(close + 2)
    });
    let host_end = bracketed.unwrap_or_else(|| hostport.find(':').unwrap_or(hostport.len()));
    let host = &hostport[..host_end];
    p.host = nonempty(host).map(|h| h.trim_start_matches('[').trim_end_matches(']').to_string());
    if let Some(after) = hostport[host_end..].strip_prefix(':') {
        let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
        if !digits.is_empty() {
            p.port = digits.parse::<BigInt>().ok().map(Term::from_bigint);
        }
    }
}

// --- RFC 3986 validation, as :uri_string.parse/1 -------------------------

fn is_unreserved(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-._~".contains(c)
}

fn is_sub_delim(c: char) -> bool {
    "!$&'()*+,;=".contains(c)
}

fn is_scheme(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'+' || b == b'-' || b == b'.'
}

fn is_pchar(c: char) -> bool {
    c == '%' || c == ':' || c == '@' || is_unreserved(c) || is_sub_delim(c)
}

type Check = Result<(), String>;

fn bad(c: char) -> Check {
    Err(c.to_string())
}

/// Checks `s` with `ok` up to its end, or up to `stop` characters (where `then` takes over).
fn scan(s: &str, ok: impl Fn(char) -> bool, stop: &str, then: impl Fn(char, &str) -> Check) -> Check {
    for (i, c) in s.char_indices() {
        if stop.contains(c) {
            return then(c, &s[i + c.len_utf8()..]);
        }
        if !ok(c) {
            return bad(c);
        }
    }
    Ok(())
}

fn is_query_char(c: char) -> bool {
    is_pchar(c) || c == '/' || c == '?'
}

/// The part after a path: `?query` (maybe then `#fragment`) or `#fragment`.
fn after_path(c: char, rest: &str) -> Check {
    let fragment = |_, rest: &str| scan(rest, is_query_char, "", |_, _| Ok(()));
    match c {
        '?' => scan(rest, is_query_char, "#", fragment),
        _ => fragment(c, rest),
    }
}

fn segments(s: &str) -> Check {
    scan(s, |c| is_pchar(c) || c == '/', "?#", after_path)
}

fn authority(s: &str) -> Check {
    let end = s.find(['/', '?', '#']).unwrap_or(s.len());
    let (auth, rest) = s.split_at(end);
    let hostport = match auth.find('@') {
        Some(i)
            if auth[..i]
                .chars()
                .all(|c| c == '%' || c == ':' || is_unreserved(c) || is_sub_delim(c)) =>
        {
            &auth[i + 1..]
        }
        _ => auth,
    };
    let port_from = if let Some(r) = hostport.strip_prefix('[') {
        let close = r.find(']').ok_or_else(|| "[".to_string())?;
        if let Some(c) = r[..close]
            .chars()
            .find(|c| !(c.is_ascii_hexdigit() || *c == ':' || *c == '.'))
        {
            return bad(c);
        }
        close + 2
    } else {
        let end = hostport.find(':').unwrap_or(hostport.len());
        if let Some(c) = hostport[..end]
            .chars()
            .find(|c| !(*c == '%' || is_unreserved(*c) || is_sub_delim(*c)))
        {
            return bad(c);
        }
        end
    };
    match hostport[port_from..].strip_prefix(':') {
        Some(port) => {
            if let Some(c) = port.chars().find(|c| !c.is_ascii_digit()) {
                return bad(c);
            }
        }
        None => {
            if let Some(c) = hostport[port_from..].chars().next() {
                return bad(c);
            }
        }
    }
    path_rest(rest)
}

/// What follows a path segment: more segments, `?query`, `#fragment` or the end.
fn path_rest(rest: &str) -> Check {
    match rest.chars().next() {
        Some('/') => segments(&rest[1..]),
        Some(c) => after_path(c, &rest[1..]),
        None => Ok(()),
    }
}

/// `//authority path`, `/path`, `?query`, `#fragment`, empty, or else a
/// path that `first` checks (rootless after a scheme, colon-free when relative).
fn reference(s: &str, first: impl Fn(&str) -> Check) -> Check {
    if let Some(r) = s.strip_prefix("//") {
        return authority(r);
    }
    match s.chars().next() {
        None => Ok(()),
        Some('/') => segments(&s[1..]),
        Some(c @ ('?' | '#')) => after_path(c, &s[1..]),
        Some(_) => first(s),
    }
}

/// A relative reference: its first segment has no colon.
fn relative(s: &str) -> Check {
    reference(s, |s| {
        let first_end = s.find(['/', '?', '#']).unwrap_or(s.len());
        if let Some(c) = s[..first_end].chars().find(|c| *c == ':' || !is_pchar(*c)) {
            return bad(c);
        }
        path_rest(&s[first_end..])
    })
}

fn absolute(s: &str) -> Check {
    let colon = s.find(':').ok_or_else(String::new)?;
    let scheme = &s[..colon];
    match scheme.chars().enumerate().find(|(i, c)| {
        !(if *i == 0 {
            c.is_ascii_alphabetic()
        } else {
            c.is_ascii() && is_scheme(*c as u8)
        })
    }) {
        Some((_, c)) => return bad(c),
        None if scheme.is_empty() => return bad(':'),
        None => {}
    }
    reference(&s[colon + 1..], segments)
}

/// `URI.new/1` of a string: the parts, or the text of the first bad character.
fn new(s: &str) -> Result<Parts, String> {
    if !s.is_empty() && absolute(s).is_err() {
        relative(s)?;
    }
    let mut p = parse(s);
    // An empty port stays Erlang's `:undefined`, as Elixir 1.14 leaves it.
    if p.authority.as_deref().is_some_and(|a| a.ends_with(':')) {
        p.port = Some(Term::atom("undefined"));
    }
    p.authority = None;
    if p.host.as_deref() == Some("") && p.scheme.is_none() && !s.starts_with("//") {
        p.host = None;
    }
    Ok(p)
}

// --- to_string ------------------------------------------------------------

/// `URI.to_string/1` (`String.Chars`).
pub fn to_string(t: &Term) -> R<String> {
    let mut p = Parts::of(t);
    if p.host.is_some()
        && let Some(path) = &p.path
        && !path.is_empty()
        && !path.starts_with('/')
    {
        return ex::argument_error(format!(
            ":path in URI must be empty or an absolute path if URL has a :host, got: {}",
            inspect_default(t)
        ));
    }
    if let Some(s) = &p.scheme
        && p.port.is_some()
        && p.port.as_ref() == Some(&default_port(s))
    {
        p.port = None;
    }
    let mut out = String::new();
    if let Some(s) = &p.scheme {
        out.push_str(s);
        out.push(':');
    }
    let authority = match &p.host {
        None => p.authority.clone(),
        Some(host) => {
            let mut a = String::new();
            if let Some(u) = &p.userinfo {
                a.push_str(u);
                a.push('@');
            }
            if host.contains(':') {
                a.push_str(&format!("[{host}]"));
            } else {
                a.push_str(host);
            }
            if let Some(port) = &p.port {
                a.push(':');
                a.push_str(&inspect_default(port));
            }
            Some(a)
        }
    };
    if let Some(a) = authority {
        out.push_str("//");
        out.push_str(&a);
    }
    for (prefix, part) in [("", &p.path), ("?", &p.query), ("#", &p.fragment)] {
        if let Some(x) = part {
            out.push_str(prefix);
            out.push_str(x);
        }
    }
    Ok(out)
}

// --- encoding -------------------------------------------------------------

fn char_reserved(c: i64) -> bool {
    u8::try_from(c).is_ok_and(|b| b":/?#[]@!$&'()*+,;=".contains(&b))
}

fn char_unreserved(c: i64) -> bool {
    u8::try_from(c).is_ok_and(|b| b.is_ascii_alphanumeric() || b"~_-.".contains(&b))
}

fn percent(out: &mut Vec<u8>, b: u8) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    out.extend_from_slice(&[b'%', HEX[(b >> 4) as usize], HEX[(b & 15) as usize]]);
}

/// Percent-encodes the bytes `keep` refuses.
fn encode_with(s: &[u8], mut keep: impl FnMut(u8) -> R<bool>) -> R<Term> {
    let mut out = Vec::with_capacity(s.len());
    for &b in s {
        if keep(b)? {
            out.push(b);
        } else {
            percent(&mut out, b);
        }
    }
    Ok(Term::bytes(&out))
}

fn www_form(s: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for &b in s {
        match b {
            b' ' => out.push(b'+'),
            _ if char_unreserved(b as i64) => out.push(b),
            _ => percent(&mut out, b),
        }
    }
    out
}

/// Percent-decoding; a `%` not followed by two hex digits stays as it is.
fn unpercent(s: &[u8], plus_is_space: bool) -> Vec<u8> {
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        match s[i] {
            b'+' if plus_is_space => out.push(b' '),
            b'%' => match (s.get(i + 1).copied().and_then(hex), s.get(i + 2).copied().and_then(hex)) {
                (Some(a), Some(b)) => {
                    out.push(a << 4 | b);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    out
}

fn rfc3986(encoding: &Term) -> bool {
    encoding.as_atom().is_some_and(|a| &*a.name() == "rfc3986")
}

fn encode_query(p: &mut Proc, items: &Term, rfc: bool) -> R<Term> {
    let mut out: Vec<u8> = Vec::new();
    let mut first = true;
    let mut failure = None;
    // `Enum.map_join`, so a map goes as `Enum.reduce/3` walks it.
    fold(p, items, &mut |_, kv| {
        let Some([k, v]) = kv.as_tuple() else {
            failure = Some(ex::function_clause::<()>(
                uri_atom(),
                Atom::new("encode_kv_pair"),
                vec![kv.clone(), Term::atom(if rfc { "rfc3986" } else { "www_form" })],
            ));
            return Ok(false);
        };
        for (what, x) in [("keys", k), ("values", v)] {
            if x.is_list() {
                failure = Some(ex::argument_error(format!(
                    "encode_query/2 {what} cannot be lists, got: {}",
                    inspect_default(x)
                )));
                return Ok(false);
            }
        }
        if !first {
            out.push(b'&');
        }
        first = false;
        for (i, x) in [k, v].into_iter().enumerate() {
            let mut text = Vec::new();
            to_chars(x, &mut text)?;
            if i == 1 {
                out.push(b'=');
            }
            if rfc {
                for b in text {
                    if char_unreserved(b as i64) {
                        out.push(b);
                    } else {
                        percent(&mut out, b);
                    }
                }
            } else {
                out.extend(www_form(&text));
            }
        }
        Ok(true)
    })?;
    if let Some(f) = failure {
        f?;
    }
    Ok(Term::bytes(&out))
}

/// The `{key, value}` pairs of a query string, decoded.
fn query_pairs(q: &[u8], rfc: bool) -> Vec<(Term, Term)> {
    let decode = |s: &[u8]| Term::bytes(&unpercent(s, !rfc));
    q.split(|b| *b == b'&')
        .map(|pair| match pair.iter().position(|b| *b == b'=') {
            Some(i) => (decode(&pair[..i]), decode(&pair[i + 1..])),
            None => (decode(pair), Term::str("")),
        })
        .collect()
}

/// The next pair of a query and the rest after its `&`, as
/// `URI.query_decoder/2`'s stream takes them: `None` once the rest is empty.
pub fn next_query_pair<'a>(q: &'a [u8], encoding: &Term) -> R<Option<(Term, &'a [u8])>> {
    if q.is_empty() {
        return Ok(None);
    }
    let (pair, rest) = match q.iter().position(|b| *b == b'&') {
        Some(i) => (&q[..i], &q[i + 1..]),
        None => (q, &q[q.len()..]),
    };
    let (key, value) = match pair.iter().position(|b| *b == b'=') {
        Some(i) => (&pair[..i], Some(&pair[i + 1..])),
        None => (pair, None),
    };
    let www_form = match encoding.as_atom().map(|a| a.name()).as_deref() {
        Some("www_form") => true,
        Some("rfc3986") => false,
        _ => {
            return ex::function_clause(
                uri_atom(),
                Atom::new("decode_with_encoding"),
                vec![Term::bytes(key), encoding.clone()],
            );
        }
    };
    let decode = |s: &[u8]| Term::bytes(&unpercent(s, www_form));
    let value = value.map_or_else(|| Term::str(""), decode);
    Ok(Some((Term::tuple(vec![decode(key), value]), rest)))
}

fn decode_query_pairs(q: &[u8], rfc: bool) -> Vec<(Term, Term)> {
    if q.is_empty() {
        return vec![];
    }
    let mut pairs = query_pairs(q, rfc);
    // A trailing `&` ends the query: it adds no empty pair.
    if q.ends_with(b"&") {
        pairs.pop();
    }
    pairs
}

// --- merge ----------------------------------------------------------------

/// Removes `.` and `..` segments (Elixir 1.14: a trailing one leaves no slash).
fn remove_dots(segs: Vec<&str>) -> String {
    let mut out: Vec<&str> = Vec::new();
    for s in segs {
        match s {
            "." => {}
            ".." => {
                if out.len() > 1 || out.first().is_some_and(|f| !f.is_empty()) {
                    out.pop();
                }
            }
            _ => out.push(s),
        }
    }
    out.join("/")
}

fn remove_dots_path(p: &Option<String>) -> Option<String> {
    p.as_ref().map(|p| remove_dots(p.split('/').collect()))
}

fn merge(base: Parts, rel: Parts) -> R<Parts> {
    if base.scheme.is_none() {
        return ex::argument_error("you must merge onto an absolute URI");
    }
    if rel.scheme.is_some() {
        return Ok(Parts {
            path: remove_dots_path(&rel.path),
            ..rel
        });
    }
    if rel.host.is_some() {
        return Ok(Parts {
            scheme: base.scheme,
            path: remove_dots_path(&rel.path),
            ..rel
        });
    }
    let Some(rel_path) = &rel.path else {
        return Ok(Parts {
            query: rel.query.or(base.query),
            fragment: rel.fragment,
            ..base
        });
    };
    let path = if rel_path.starts_with('/') {
        remove_dots(rel_path.split('/').collect())
    } else {
        let base_path = base.path.clone().unwrap_or_else(|| "/".into());
        let mut segs: Vec<&str> = base_path.split('/').collect();
        segs.pop();
        segs.extend(rel_path.split('/'));
        remove_dots(segs)
    };
    Ok(Parts {
        path: Some(path),
        query: rel.query,
        fragment: rel.fragment,
        ..base
    })
}

fn uri_arg(t: &Term) -> Option<Parts> {
    match t {
        _ if is_uri(t) => Some(Parts::of(t)),
        Term::Bin(_) => t.as_str().map(parse),
        _ => None,
    }
}

fn clause<T>(name: &str, args: &[Term]) -> R<T> {
    ex::function_clause(uri_atom(), Atom::new(name), args.to_vec())
}

fn uri_error(part: &str) -> R<Term> {
    ex::raise(
        "URI.Error",
        vec![
            ("action", Term::atom("parse")),
            ("reason", Term::atom("invalid_uri")),
            ("part", Term::str(part)),
        ],
    )
}

pub fn register(r: &mut Registry) {
    let fields: Vec<Atom> = FIELDS.iter().map(|f| Atom::new(f)).collect();
    crate::term::inspect::register_struct(uri_atom(), &fields);
    r.add("URI", "parse", 1, |_, a| match &a[0] {
        t if is_uri(t) => Ok(t.clone()),
        t => match t.as_str() {
            Some(s) => Ok(parse(s).into_term()),
            None => clause("parse", a),
        },
    });
    r.add("URI", "new", 1, |_, a| match &a[0] {
        t if is_uri(t) => Ok(Term::tuple(vec![Term::OK, t.clone()])),
        t => match t.as_str().map(new) {
            Some(Ok(p)) => Ok(Term::tuple(vec![Term::OK, p.into_term()])),
            Some(Err(part)) => Ok(Term::tuple(vec![Term::atom("error"), Term::str(&part)])),
            None => clause("new", a),
        },
    });
    r.add("URI", "new!", 1, |_, a| match &a[0] {
        t if is_uri(t) => Ok(t.clone()),
        t => match t.as_str().map(new) {
            Some(Ok(p)) => Ok(p.into_term()),
            Some(Err(part)) => ex::in_elixir(uri_error(&part), "URI", "new!", 1, "lib/uri.ex", 637),
            None => clause("new!", a),
        },
    });
    r.add("URI", "to_string", 1, |_, a| match &a[0] {
        t if is_uri(t) => Ok(Term::str(&to_string(t)?)),
        _ => ex::function_clause(Atom::new("Elixir.String.Chars.URI"), Atom::new("to_string"), a.to_vec()),
    });
    r.add("URI", "default_port", 1, |_, a| match a[0].as_str() {
        Some(s) => Ok(default_port(s)),
        None => clause("default_port", a),
    });
    r.add("URI", "default_port", 2, |_, a| match (a[0].as_str(), &a[1]) {
        (Some(s), Term::Int(p)) if *p >= 0 => {
            PORTS
                .write()
                .unwrap_or_else(|e| e.into_inner())
                .insert(s.to_string(), a[1].clone());
            Ok(Term::OK)
        }
        _ => clause("default_port", a),
    });
    r.add("URI", "char_reserved?", 1, |_, a| {
        Ok(Term::bool(a[0].as_int().is_some_and(char_reserved)))
    });
    r.add("URI", "char_unreserved?", 1, |_, a| {
        Ok(Term::bool(a[0].as_int().is_some_and(char_unreserved)))
    });
    r.add("URI", "char_unescaped?", 1, |_, a| {
        Ok(Term::bool(
            a[0].as_int().is_some_and(|c| char_reserved(c) || char_unreserved(c)),
        ))
    });
    r.add("URI", "encode", 1, |_, a| match &a[0] {
        Term::Bin(s) => encode_with(s, |b| Ok(char_reserved(b as i64) || char_unreserved(b as i64))),
        _ => clause("encode", &[a[0].clone(), Term::NIL]),
    });
    r.add("URI", "encode", 2, |p, a| match (&a[0], &a[1]) {
        (Term::Bin(s), Term::Fun(f)) if f.arity() == 1 => {
            encode_with(s, |b| Ok(p.apply(&a[1], vec![Term::Int(b as i64)])?.is_truthy()))
        }
        _ => clause("encode", a),
    });
    r.add("URI", "encode_www_form", 1, |_, a| match &a[0] {
        Term::Bin(s) => Ok(Term::bytes(&www_form(s))),
        _ => clause("encode_www_form", a),
    });
    r.add("URI", "decode", 1, |_, a| match &a[0] {
        Term::Bin(s) => Ok(Term::bytes(&unpercent(s, false))),
        _ => clause("decode", a),
    });
    r.add("URI", "decode_www_form", 1, |_, a| match &a[0] {
        Term::Bin(s) => Ok(Term::bytes(&unpercent(s, true))),
        _ => clause("decode_www_form", a),
    });
    r.add("URI", "encode_query", 1, |p, a| encode_query(p, &a[0], false));
    r.add("URI", "encode_query", 2, |p, a| encode_query(p, &a[0], rfc3986(&a[1])));
    fn decode_query(a: &[Term], map: &Term, encoding: &Term) -> R<Term> {
        match (&a[0], map) {
            (Term::Bin(q), Term::Map(m)) => {
                let mut m = (**m).clone();
                for (k, v) in decode_query_pairs(q, rfc3986(encoding)) {
                    m.insert(k, v);
                }
                Ok(Term::map(m))
            }
            _ => ex::function_clause(
                uri_atom(),
                Atom::new("decode_query"),
                vec![a[0].clone(), map.clone(), encoding.clone()],
            ),
        }
    }
    r.add("URI", "decode_query", 1, |_, a| {
        decode_query(a, &Term::map(MapT::new()), &Term::atom("www_form"))
    });
    r.add("URI", "decode_query", 2, |_, a| {
        decode_query(a, &a[1], &Term::atom("www_form"))
    });
    r.add("URI", "decode_query", 3, |_, a| decode_query(a, &a[1], &a[2]));
    fn query_decoder(a: &[Term], encoding: &Term) -> R<Term> {
        match &a[0] {
            Term::Bin(_) => Ok(super::stream::generator_stream(
                "query_decoder",
                vec![a[0].clone(), encoding.clone()],
            )),
            _ => clause("query_decoder", &[a[0].clone(), encoding.clone()]),
        }
    }
    r.add("URI", "query_decoder", 1, |_, a| {
        query_decoder(a, &Term::atom("www_form"))
    });
    r.add("URI", "query_decoder", 2, |_, a| query_decoder(a, &a[1]));
    r.add("URI", "merge", 2, |_, a| match (uri_arg(&a[0]), uri_arg(&a[1])) {
        (Some(base), Some(rel)) => Ok(merge(base, rel)?.into_term()),
        _ => clause("merge", a),
    });
    r.add("URI", "append_query", 2, |_, a| {
        match (&a[0], a[1].as_bin(), a[0].as_map()) {
            (u, Some(q), Some(m)) if is_uri(u) => {
                let query = match u.map_get(Atom::new("query")).and_then(Term::as_bin) {
                    Some(old) if !old.is_empty() && !old.ends_with(b"&") => [old, b"&", q].concat(),
                    Some(old) => [old, q].concat(),
                    None => q.to_vec(),
                };
                Ok(Term::map(m.update(Term::atom("query"), Term::bytes(&query))))
            }
            _ => clause("append_query", a),
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_reports_the_first_bad_character() {
        assert_eq!(new("a b").err(), Some(" ".into()));
        assert_eq!(new("http://x.org/a b/c").err(), Some(":".into()));
        assert_eq!(new("/?foo[bar]=baz").err(), Some("[".into()));
        assert!(new("http://[::1]:4000/x?q#f").is_ok());
    }

    #[test]
    fn dot_segments() {
        assert_eq!(remove_dots(vec!["", "b", "c", ".."]), "/b");
        assert_eq!(remove_dots(vec!["", "b", "..", "..", "g"]), "/g");
    }
}
