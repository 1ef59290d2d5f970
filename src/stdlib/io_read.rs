//! Reading input: `IO.gets`, `IO.read`, `IO.getn`, `IO.binread`,
//! `IO.stream`/`IO.binstream` and `:io.get_line`/`:io.get_chars`, through
//! the runtime's input server ([`crate::runtime::input`]), as Elixir 1.14's
//! `IO` makes its requests to the group leader.
//!
//! The standard input (`:stdio`, `:standard_io`, `:user`) is the only device
//! that reads: `:stderr` refuses the request as Erlang's does
//! (`{:error, {:request, request}}`), an atom naming no process is
//! `{:error, :arguments}`, the process itself `{:error, :calling_self}`.

use super::Registry;
use super::kernel::to_chars;
use crate::eval::exception::{self as ex, R};
use crate::eval::exec::Proc;
use crate::runtime::input::{self, Waiter, Want};
use crate::term::{Atom, MapT, Term};

/// How a device answers a read.
enum Dev {
    /// The standard input.
    In,
    /// Refuses reads (`:standard_error`): the request is the error.
    Refuses,
    /// Not a device: the error to return.
    Error(&'static str),
}

/// The device an Elixir `IO` function was given, after `map_dev/1`.
fn elixir_dev(p: &Proc, t: &Term, fun: &str, arity: usize) -> R<Dev> {
    match t {
        Term::Atom(a) if *a == Atom::STDIO => Ok(Dev::In),
        Term::Atom(a) if &*a.name() == "stderr" => Ok(Dev::Refuses),
        Term::Atom(_) | Term::Pid(_) => Ok(erlang_dev(p, t)),
        Term::Tuple(_) => Ok(Dev::Error("arguments")),
        _ => ex::in_elixir(
            ex::case_clause(Term::tuple(vec![t.clone()])),
            "IO",
            fun,
            arity,
            "lib/io.ex",
            762,
        ),
    }
}

/// The device an `:io` function was given.
fn erlang_dev(p: &Proc, t: &Term) -> Dev {
    match t {
        Term::Atom(a) => match &*a.name() {
            "standard_io" | "user" => Dev::In,
            "standard_error" => Dev::Refuses,
            _ => Dev::Error("arguments"),
        },
        Term::Pid(pid) if *pid == p.me.pid => Dev::Error("calling_self"),
        // Another process as an IO device: only the group leader serves
        // reads here, and no process is one.
        _ => Dev::Error("arguments"),
    }
}

/// Elixir's `to_chardata/1` of a prompt: a list stays, anything else is
/// `to_string/1`'d (its error names the `IO` function).
fn chardata(t: &Term, fun: &str, arity: usize) -> R<Term> {
    if t.is_list() {
        return Ok(t.clone());
    }
    let mut out = Vec::new();
    let r = to_chars(t, &mut out);
    ex::beneath(r, "IO", fun, arity, "lib/io.ex", 767)?;
    Ok(Term::bytes(&out))
}

/// The text a prompt shows: chardata as it is, an atom by its name, any
/// other term as Erlang prints it.
fn prompt_text(t: &Term) -> String {
    let mut out = Vec::new();
    match t {
        Term::Atom(a) => return a.name().to_string(),
        Term::Bin(_) | Term::EmptyList | Term::Cons(_) if to_chars(t, &mut out).is_ok() => {}
        _ => return super::erlfmt::erl_term(t, false),
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// What a read gave.
enum Got {
    Data(Vec<u8>),
    Eof,
    /// `{:error, reason}`.
    Error(Term),
}

/// Reads from the standard input for process `p` (an IO request: the
/// process fetches the messages that arrived meanwhile).
fn read_in(p: &mut Proc, prompt: &str, want: Want) -> R<Got> {
    p.me.mailbox.fetch();
    let me = p.me.clone();
    let interrupted = || me.interrupt.load(std::sync::atomic::Ordering::SeqCst);
    let wait = Waiter {
        bell: me.mailbox.bell(),
        interrupted: &interrupted,
    };
    match input::read(prompt, want, Some(&wait)) {
        Ok(Some(b)) => Ok(Got::Data(b)),
        Ok(None) => Ok(Got::Eof),
        Err(input::Interrupted) => {
            p.check_interrupt()?;
            Ok(Got::Error(Term::atom("interrupted")))
        }
    }
}

/// The encoding a request reads in.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Enc {
    Unicode,
    Latin1,
}

impl Enc {
    fn atom(self) -> Term {
        Term::atom(match self {
            Enc::Unicode => "unicode",
            Enc::Latin1 => "latin1",
        })
    }
}

/// Input bytes as a request in `enc` returns them: unicode as they came;
/// latin1 one byte per character, failing on a character above 255.
fn encoded(bytes: Vec<u8>, enc: Enc, what: &str) -> Got {
    if enc == Enc::Unicode {
        return Got::Data(bytes);
    }
    let mut out = Vec::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            match u8::try_from(u32::from(c)) {
                Ok(b) => out.push(b),
                Err(_) => return Got::Error(Term::atom(what)),
            }
        }
        out.extend_from_slice(chunk.invalid());
    }
    Got::Data(out)
}

fn error(reason: Term) -> Term {
    Term::tuple(vec![Term::atom("error"), reason])
}

fn request_error(req: Vec<Term>) -> Term {
    error(Term::tuple(vec![Term::atom("request"), Term::tuple(req)]))
}

/// `{:get_line, enc, prompt}` on `dev`.
fn get_line(p: &mut Proc, dev: Dev, enc: Enc, prompt: &Term) -> R<Got> {
    match dev {
        Dev::In => {}
        Dev::Refuses => {
            let req = vec![Term::atom("get_line"), enc.atom(), prompt.clone()];
            return Ok(Got::Error(request_error(req)));
        }
        Dev::Error(e) => return Ok(Got::Error(error(Term::atom(e)))),
    }
    Ok(match read_in(p, &prompt_text(prompt), Want::Line)? {
        Got::Data(b) => encoded(b, enc, "collect_line"),
        other => other,
    })
}

/// `{:get_chars, enc, prompt, n}` on `dev`.
fn get_chars(p: &mut Proc, dev: Dev, enc: Enc, prompt: &Term, n: usize) -> R<Got> {
    match dev {
        Dev::In => {}
        Dev::Refuses => {
            let req = vec![Term::atom("get_chars"), enc.atom(), prompt.clone(), Term::Int(n as i64)];
            return Ok(Got::Error(request_error(req)));
        }
        Dev::Error(e) => return Ok(Got::Error(error(Term::atom(e)))),
    }
    Ok(match read_in(p, &prompt_text(prompt), Want::Chars(n))? {
        Got::Data(b) => encoded(b, enc, "collect_chars"),
        other => other,
    })
}

/// The value an Elixir function returns for what was read.
fn value(g: Got) -> Term {
    match g {
        Got::Data(b) => Term::bytes(&b),
        Got::Eof => Term::atom("eof"),
        Got::Error(e) => e,
    }
}

/// `IO.getn(device, prompt, :eof)` (and `IO.read(device, :eof)`): lines
/// until the end of input, the prompt shown before the first.
fn getn_eof(p: &mut Proc, dev: &Term, prompt: &Term, fun: &str, arity: usize) -> R<Term> {
    let mut acc = Vec::new();
    let mut first = true;
    loop {
        let d = elixir_dev(p, dev, fun, arity)?;
        let shown = if first { prompt.clone() } else { Term::EmptyList };
        first = false;
        match get_line(p, d, Enc::Unicode, &shown)? {
            Got::Data(b) => acc.extend_from_slice(&b),
            Got::Eof if acc.is_empty() => return Ok(Term::atom("eof")),
            Got::Eof => return Ok(Term::bytes(&acc)),
            Got::Error(e) => return Ok(e),
        }
    }
}

/// `IO.binread(device, :eof)`: latin1 chunks of 4096 characters until the end.
fn binread_eof(p: &mut Proc, dev: &Term) -> R<Term> {
    let mut acc = Vec::new();
    loop {
        let d = elixir_dev(p, dev, "binread", 2)?;
        match get_chars(p, d, Enc::Latin1, &Term::atom(""), 4096)? {
            Got::Data(b) => acc.extend_from_slice(&b),
            Got::Eof if acc.is_empty() => return Ok(Term::atom("eof")),
            Got::Eof => return Ok(Term::bytes(&acc)),
            Got::Error(e) => return Ok(e),
        }
    }
}

fn is_atom(t: &Term, name: &str) -> bool {
    matches!(t, Term::Atom(a) if &*a.name() == name)
}

fn count(t: &Term, min: i64) -> Option<usize> {
    match t {
        Term::Int(n) if *n >= min => Some(*n as usize),
        _ => None,
    }
}

fn clause<T>(name: &str, a: &[Term]) -> R<T> {
    ex::function_clause(Atom::alias("IO"), Atom::new(name), a.to_vec())
}

/// `IO.read(device, what)`.
fn read(p: &mut Proc, dev: &Term, what: &Term, a: &[Term]) -> R<Term> {
    if is_atom(what, "all") {
        return Ok(match getn_eof(p, dev, &Term::EmptyList, "read", 2)? {
            t if is_atom(&t, "eof") => Term::bytes(b""),
            t => t,
        });
    }
    if is_atom(what, "eof") {
        return getn_eof(p, dev, &Term::EmptyList, "read", 2);
    }
    if is_atom(what, "line") {
        let d = elixir_dev(p, dev, "read", 2)?;
        return Ok(value(get_line(p, d, Enc::Unicode, &Term::EmptyList)?));
    }
    match count(what, 0) {
        Some(n) => {
            let d = elixir_dev(p, dev, "read", 2)?;
            Ok(value(get_chars(p, d, Enc::Unicode, &Term::EmptyList, n)?))
        }
        None => clause("read", a),
    }
}

/// `IO.binread(device, what)`.
fn binread(p: &mut Proc, dev: &Term, what: &Term, a: &[Term]) -> R<Term> {
    if is_atom(what, "all") {
        return Ok(match binread_eof(p, dev)? {
            t if is_atom(&t, "eof") => Term::bytes(b""),
            t => t,
        });
    }
    if is_atom(what, "eof") {
        return binread_eof(p, dev);
    }
    if is_atom(what, "line") {
        let d = elixir_dev(p, dev, "binread", 2)?;
        return Ok(value(get_line(p, d, Enc::Latin1, &Term::atom(""))?));
    }
    match count(what, 0) {
        Some(n) => {
            let d = elixir_dev(p, dev, "binread", 2)?;
            Ok(value(get_chars(p, d, Enc::Latin1, &Term::atom(""), n)?))
        }
        None => clause("binread", a),
    }
}

/// `IO.getn(device, prompt, count_or_eof)`.
fn getn(p: &mut Proc, dev: &Term, prompt: &Term, n: &Term, a: &[Term]) -> R<Term> {
    if is_atom(n, "eof") {
        let prompt = chardata(prompt, "getn", 3)?;
        return getn_eof(p, dev, &prompt, "getn", 3);
    }
    match count(n, 1) {
        Some(n) => {
            let d = elixir_dev(p, dev, "getn", 3)?;
            let prompt = chardata(prompt, "getn", 3)?;
            Ok(value(get_chars(p, d, Enc::Unicode, &prompt, n)?))
        }
        None => clause("getn", a),
    }
}

/// `IO.gets(device, prompt)`.
fn gets(p: &mut Proc, dev: &Term, prompt: &Term) -> R<Term> {
    let d = elixir_dev(p, dev, "gets", 2)?;
    let prompt = chardata(prompt, "gets", 2)?;
    Ok(value(get_line(p, d, Enc::Unicode, &prompt)?))
}

/// `%IO.Stream{}` for `IO.stream/2` (`raw: false`) and `IO.binstream/2`.
fn stream(dev: &Term, what: &Term, raw: bool, a: &[Term]) -> R<Term> {
    let fun = if raw { "binstream" } else { "stream" };
    if !(is_atom(what, "line") || count(what, 1).is_some()) {
        return clause(fun, a);
    }
    let dev = match dev {
        Term::Atom(a) if *a == Atom::STDIO => Term::atom("standard_io"),
        Term::Atom(a) if &*a.name() == "stderr" => Term::atom("standard_error"),
        Term::Atom(_) | Term::Pid(_) | Term::Tuple(_) => dev.clone(),
        _ => {
            return ex::in_elixir(
                ex::case_clause(Term::tuple(vec![dev.clone()])),
                "IO",
                fun,
                2,
                "lib/io.ex",
                762,
            );
        }
    };
    let mut m = MapT::new();
    m.insert(Term::Atom(Atom::STRUCT), Term::Atom(Atom::alias("IO.Stream")));
    m.insert(Term::atom("device"), dev);
    m.insert(Term::atom("raw"), Term::bool(raw));
    m.insert(Term::atom("line_or_bytes"), what.clone());
    Ok(Term::map(m))
}

/// Whether `t` is an `%IO.Stream{}`.
pub fn is_io_stream(t: &Term) -> bool {
    t.struct_name() == Some(Atom::alias("IO.Stream"))
}

/// The next element of an `%IO.Stream{}` (`IO.each_stream/2`,
/// `IO.each_binstream/2`): `None` at the end of input; an error raises
/// `IO.StreamError`.
pub fn stream_next(p: &mut Proc, s: &Term) -> R<Option<Term>> {
    let dev = s.map_get(Atom::new("device")).cloned().unwrap_or(Term::NIL);
    let raw = s.map_get(Atom::new("raw")) == Some(&Term::TRUE);
    let what = s
        .map_get(Atom::new("line_or_bytes"))
        .cloned()
        .unwrap_or(Term::atom("line"));
    let d = erlang_dev(p, &dev);
    let (enc, prompt) = match raw {
        true => (Enc::Latin1, Term::atom("")),
        false => (Enc::Unicode, Term::EmptyList),
    };
    let got = match count(&what, 1) {
        Some(n) => get_chars(p, d, enc, &prompt, n)?,
        None => get_line(p, d, enc, &prompt)?,
    };
    match got {
        Got::Data(b) => Ok(Some(Term::bytes(&b))),
        Got::Eof => Ok(None),
        Got::Error(e) => {
            let reason = e.as_tuple().and_then(|t| t.get(1).cloned()).unwrap_or(e.clone());
            let (fun, line) = if raw {
                ("each_binstream", 746)
            } else {
                ("each_stream", 732)
            };
            ex::in_elixir(
                ex::raise(
                    "IO.StreamError",
                    vec![
                        ("reason", reason.clone()),
                        (
                            "message",
                            Term::str(&format!("error during streaming: {}", format_error(&reason))),
                        ),
                    ],
                ),
                "IO",
                fun,
                2,
                "lib/io.ex",
                line + 6,
            )
        }
    }
}

/// `:file.format_error/1` of a read's error reason.
fn format_error(reason: &Term) -> String {
    match reason {
        Term::Atom(a) if &*a.name() == "terminated" => "the file was closed".into(),
        _ => "unknown POSIX error".into(),
    }
}

/// `IO.binwrite(device, iodata)`: each byte written as the Latin-1
/// character it is, as a `latin1` request to the (unicode) standard output does.
fn binwrite(p: &mut Proc, a: &[Term]) -> R<Term> {
    use crate::runtime::io::{Device, write};
    if !(a[1].is_list() || matches!(a[1], Term::Bin(_))) {
        return clause("binwrite", a);
    }
    let dev = match &a[0] {
        Term::Atom(d) if *d == Atom::STDIO => Device::Stdout,
        Term::Atom(d) if matches!(&*d.name(), "stderr" | "standard_error") => Device::Stderr,
        Term::Atom(d) if matches!(&*d.name(), "standard_io" | "user") => Device::Stdout,
        Term::Atom(_) => return Ok(error(Term::atom("arguments"))),
        _ => Device::Stdout,
    };
    let mut w = crate::term::bits::BitWriter::default();
    if !super::io::iodata(&a[1], &mut w, false) {
        return Ok(error(Term::atom("badarg")));
    }
    let bytes = w.into_term();
    let text: String = bytes
        .as_bin()
        .unwrap_or_default()
        .iter()
        .map(|&b| char::from(b))
        .collect();
    p.me.mailbox.fetch();
    write(dev, &text);
    Ok(Term::OK)
}

fn stdio() -> Term {
    Term::Atom(Atom::STDIO)
}

pub fn register(r: &mut Registry) {
    r.add("IO", "gets", 1, |p, a| gets(p, &stdio(), &a[0]));
    r.add("IO", "gets", 2, |p, a| gets(p, &a[0], &a[1]));
    r.add("IO", "read", 1, |p, a| read(p, &stdio(), &a[0], a));
    r.add("IO", "read", 2, |p, a| read(p, &a[0], &a[1], a));
    r.add("IO", "binread", 1, |p, a| binread(p, &stdio(), &a[0], a));
    r.add("IO", "binread", 2, |p, a| binread(p, &a[0], &a[1], a));
    r.add("IO", "getn", 1, |p, a| getn(p, &stdio(), &a[0], &Term::Int(1), a));
    r.add("IO", "getn", 2, |p, a| {
        if is_atom(&a[1], "eof") || a[1].as_int().is_some() {
            if a[1].as_int().is_some_and(|n| n <= 0) {
                return clause("getn", a);
            }
            getn(p, &stdio(), &a[0], &a[1], a)
        } else {
            getn(p, &a[0], &a[1], &Term::Int(1), a)
        }
    });
    r.add("IO", "getn", 3, |p, a| getn(p, &a[0], &a[1], &a[2], a));
    r.add("IO", "stream", 0, |_, a| {
        stream(&stdio(), &Term::atom("line"), false, a)
    });
    r.add("IO", "stream", 1, |_, a| stream(&stdio(), &a[0], false, a));
    r.add("IO", "stream", 2, |_, a| stream(&a[0], &a[1], false, a));
    r.add("IO", "binstream", 0, |_, a| {
        stream(&stdio(), &Term::atom("line"), true, a)
    });
    r.add("IO", "binstream", 1, |_, a| stream(&stdio(), &a[0], true, a));
    r.add("IO", "binstream", 2, |_, a| stream(&a[0], &a[1], true, a));
    r.add("IO", "binwrite", 1, |p, a| binwrite(p, &[stdio(), a[0].clone()]));
    r.add("IO", "binwrite", 2, |p, a| binwrite(p, a));
    r.add(":io", "get_line", 1, |p, a| {
        Ok(value(get_line(p, Dev::In, Enc::Unicode, &a[0])?))
    });
    r.add(":io", "get_line", 2, |p, a| {
        let d = erlang_dev(p, &a[0]);
        Ok(value(get_line(p, d, Enc::Unicode, &a[1])?))
    });
    r.add(":io", "get_chars", 2, |p, a| match count(&a[1], 0) {
        Some(n) => Ok(value(get_chars(p, Dev::In, Enc::Unicode, &a[0], n)?)),
        None => ex::badarg(),
    });
    r.add(":io", "get_chars", 3, |p, a| match count(&a[2], 0) {
        Some(n) => {
            let d = erlang_dev(p, &a[0]);
            Ok(value(get_chars(p, d, Enc::Unicode, &a[1], n)?))
        }
        None => ex::badarg(),
    });
}

/// `Enum.into(items, %IO.Stream{})`: each item written to the stream's
/// device (as chardata, or as bytes for a `binstream`); the stream is the result.
pub fn collect_into(p: &mut Proc, items: &Term, s: Term) -> R<Term> {
    use crate::runtime::io::{Device, write};
    let dev = match s.map_get(Atom::new("device")) {
        Some(Term::Atom(a)) if &*a.name() == "standard_error" => Device::Stderr,
        _ => Device::Stdout,
    };
    let raw = s.map_get(Atom::new("raw")) == Some(&Term::TRUE);
    super::enumerable::each(p, items, &mut |p, x| {
        let text = if raw {
            // Bytes, each the Latin-1 character it is (as `IO.binwrite/2`).
            let mut w = crate::term::bits::BitWriter::default();
            if !super::io::iodata(&x, &mut w, false) {
                return ex::badarg();
            }
            let bytes = w.into_term();
            bytes
                .as_bin()
                .unwrap_or_default()
                .iter()
                .map(|&b| char::from(b))
                .collect()
        } else {
            let mut out = Vec::new();
            to_chars(&x, &mut out)?;
            String::from_utf8_lossy(&out).into_owned()
        };
        p.me.mailbox.fetch();
        write(dev, &text);
        Ok(true)
    })?;
    Ok(s)
}
