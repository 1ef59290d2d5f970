//! `IO`: `puts`, `write`, `inspect` — through the runtime's IO server.

use super::Registry;
use super::kernel::to_chars;
use crate::eval::exception::{self as ex, R};
use crate::eval::exec::Proc;
use crate::runtime::io::{Device, write};
use crate::term::bits::BitWriter;
use crate::term::inspect::{Opts, inspect};
use crate::term::{Atom, Term};

fn device(t: &Term) -> R<Device> {
    match t {
        Term::Atom(Atom::STDIO) => Ok(Device::Stdout),
        Term::Atom(Atom::STDERR) => Ok(Device::Stderr),
        Term::Pid(_) => Ok(Device::Stdout),
        _ => ex::badarg(),
    }
}

/// The text of chardata: a list must be chardata, as `:io.put_chars/2`
/// (its 2nd argument) checks; anything else goes through `to_string/1`.
fn text(t: &Term) -> R<String> {
    let mut out = Vec::new();
    match to_chars(t, &mut out) {
        Err(_) if t.is_list() => return ex::badarg_at(2, "not valid character data (an iodata term)"),
        r => r?,
    }
    Ok(String::from_utf8_lossy(&out).into_owned())
}

/// The text `IO.puts`/`IO.write` (`fun`) write: [`text`], whose
/// `to_string/1` error passes through `fun`'s frame.
fn written(t: &Term, fun: &str) -> R<String> {
    let r = text(t);
    if t.is_list() {
        return r;
    }
    ex::beneath(r, "IO", fun, 2, "lib/io.ex", 767)
}

/// Appends iodata (bytes, binaries, nested lists, a binary tail) to `w`;
/// with `bits`, a bitstring list (bitstrings allowed too). False if `t` is not one.
pub fn iodata(t: &Term, w: &mut BitWriter, bits: bool) -> bool {
    let leaf = |t: &Term, w: &mut BitWriter| match t {
        Term::Bin(b) => {
            w.push_bytes(b);
            true
        }
        Term::Bits(_) if bits => t.as_bitstring().is_some_and(|v| {
            w.push_view(v);
            true
        }),
        _ => false,
    };
    if !t.is_list() {
        return leaf(t, w);
    }
    let mut stack = vec![t];
    while let Some(t) = stack.pop() {
        match t {
            Term::Int(b) if (0..=255).contains(b) => w.push_u64(*b as u64, 8),
            Term::EmptyList => {}
            Term::Cons(_) => {
                let mut it = t.iter_list();
                let items: Vec<&Term> = it.by_ref().collect();
                match it.tail() {
                    Term::EmptyList => {}
                    Term::Int(_) => return false,
                    tail => stack.push(tail),
                }
                stack.extend(items.into_iter().rev());
            }
            _ if leaf(t, w) => {}
            _ => return false,
        }
    }
    true
}

/// Reads `inspect` options (`label:`, `pretty:`, `width:`, `limit:`,
/// `printable_limit:`, `base:`, `charlists:`, `binaries:`) over `base`.
pub fn inspect_opts(opts: &Term, base: Opts) -> (Opts, Option<String>) {
    let mut o = base;
    let mut label = None;
    for kv in opts.iter_list() {
        let Some([Term::Atom(k), v]) = kv.as_tuple() else {
            continue;
        };
        let limit = |v: &Term| match v {
            Term::Int(n) => Some((*n).max(0) as usize),
            Term::Atom(Atom::INFINITY) => Some(usize::MAX),
            _ => None,
        };
        let name = v.as_atom().map(|a| a.name());
        match &*k.name() {
            "label" => label = text(v).ok(),
            "width" => o.width = limit(v).unwrap_or(o.width),
            "limit" => o.limit = limit(v).unwrap_or(o.limit),
            "printable_limit" => o.printable_limit = limit(v).unwrap_or(o.printable_limit),
            "pretty" => o.pretty = *v == Term::TRUE,
            "structs" => o.structs = *v != Term::FALSE,
            "base" => {
                o.base = match name.as_deref() {
                    Some("hex") => 16,
                    Some("octal") => 8,
                    Some("binary") => 2,
                    _ => 10,
                }
            }
            "charlists" => {
                o.charlists = match name.as_deref() {
                    Some("as_charlists") => Some(true),
                    Some("as_lists") => Some(false),
                    _ => None,
                }
            }
            "binaries" => {
                o.binaries = match name.as_deref() {
                    Some("as_strings") => Some(true),
                    Some("as_binaries") => Some(false),
                    _ => None,
                }
            }
            _ => {}
        }
    }
    (o, label)
}

/// `IO.inspect`'s text for `item` with its options, with a newline.
fn inspected(item: &Term, opts: &Term) -> String {
    // IO.inspect lays out at its width whatever `:pretty` says.
    let (mut o, label) = inspect_opts(opts, Opts::pretty());
    o.pretty = true;
    let mut s = match label {
        Some(l) => format!("{l}: "),
        None => String::new(),
    };
    s.push_str(&inspect(item, &o));
    s.push('\n');
    s
}

/// An IO request waits for the IO server's reply, as on the BEAM, which
/// fetches the messages that arrived meanwhile; then the text is written.
fn request(p: &mut Proc, dev: Device, text: &str) -> R<Term> {
    p.me.mailbox.fetch();
    write(dev, text);
    Ok(Term::OK)
}

/// `IO.warn/2`: `warning: ` and the message on stderr, then the entries of
/// the stacktrace (or of the location a keyword list gives), and a blank line.
fn warn(p: &mut Proc, a: &[Term]) -> R<Term> {
    let stack = match &a[1] {
        Term::EmptyList => Term::EmptyList,
        s if s
            .iter_list()
            .next()
            .is_some_and(|e| e.as_tuple().is_some_and(|t| t.len() == 2)) =>
        {
            let get = |k: &str| {
                s.iter_list().find_map(|kv| match kv.as_tuple() {
                    Some([Term::Atom(key), v]) if &*key.name() == k => Some(v.clone()),
                    _ => None,
                })
            };
            match get("file").filter(|f| *f != Term::NIL) {
                // As `Macro.Env.stacktrace/1` names where the code is.
                Some(file) => {
                    let file = text(&file)?;
                    let line = get("line").and_then(|l| l.as_int()).unwrap_or(0);
                    let entry = match (get("module").and_then(|m| m.as_atom()), get("function")) {
                        (Some(m), Some(f)) if m != Atom::NIL && f != Term::NIL => match f.as_tuple() {
                            Some([Term::Atom(n), Term::Int(ar)]) => {
                                ex::frame_term(m, &n.name(), *ar as usize, &file, line)
                            }
                            _ => ex::frame_term(m, "__MODULE__", 0, &file, line),
                        },
                        (Some(m), _) if m != Atom::NIL => ex::frame_term(m, "__MODULE__", 0, &file, line),
                        _ => ex::frame_term(Atom::new("elixir_compiler"), "__FILE__", 1, &file, line),
                    };
                    Term::list(vec![entry])
                }
                None => Term::EmptyList,
            }
        }
        s if s
            .iter_list()
            .next()
            .is_some_and(|e| e.as_tuple().is_some_and(|t| t.len() == 4)) =>
        {
            s.clone()
        }
        _ => return ex::function_clause(Atom::alias("IO"), Atom::new("warn"), a.to_vec()),
    };
    let mut out = format!("warning: {}\n", text(&a[0])?);
    let lines = ex::format_stacktrace(&stack);
    if !lines.is_empty() {
        out.push_str(&format!("  {}\n", lines.join("\n  ")));
    }
    out.push('\n');
    request(p, Device::Stderr, &out)
}

pub fn register(r: &mut Registry) {
    r.add("IO", "warn", 2, |p, a| warn(p, a));
    // A call written `IO.warn(message)` comes here told whether it was typed
    // at the prompt (the compiler knows): there, the frames of iex's
    // evaluator; else the current stacktrace, less its first two frames
    // (`Process.info/2`'s and `IO.warn/1`'s), as Elixir's `IO.warn/1` takes it.
    r.add("IO", "__warn__", 2, |p, a| {
        let stack = match a[1].as_tuple() {
            Some([Term::Atom(k)]) if &*k.name() == "shell" => {
                Term::list(ex::fixed_frames(&ex::SHELL_FRAMES[..6]).collect::<Vec<_>>())
            }
            _ => {
                let st = p.full_stacktrace(&Default::default(), None);
                Term::list(st.iter_list().take(6).cloned().collect::<Vec<_>>())
            }
        };
        warn(p, &[a[0].clone(), stack])
    });
    r.add("IO", "warn", 1, |p, a| warn(p, &[a[0].clone(), Term::EmptyList]));
    r.add("IO", "puts", 1, |p: &mut Proc, a| {
        request(p, Device::Stdout, &(written(&a[0], "puts")? + "\n"))
    });
    r.add("IO", "puts", 2, |p, a| {
        request(p, device(&a[0])?, &(written(&a[1], "puts")? + "\n"))
    });
    r.add("IO", "write", 1, |p, a| {
        request(p, Device::Stdout, &written(&a[0], "write")?)
    });
    r.add("IO", "write", 2, |p, a| {
        request(p, device(&a[0])?, &written(&a[1], "write")?)
    });
    r.add("IO", "inspect", 1, |p, a| {
        request(p, Device::Stdout, &inspected(&a[0], &Term::EmptyList))?;
        Ok(a[0].clone())
    });
    r.add("IO", "inspect", 2, |p, a| {
        request(p, Device::Stdout, &inspected(&a[0], &a[1]))?;
        Ok(a[0].clone())
    });
    r.add("IO", "inspect", 3, |p, a| {
        request(p, device(&a[0])?, &inspected(&a[1], &a[2]))?;
        Ok(a[1].clone())
    });
    for (m, f) in [("IO", "iodata_length"), (":erlang", "iolist_size")] {
        r.add(m, f, 1, |_, a| {
            let mut w = BitWriter::default();
            match iodata(&a[0], &mut w, false) {
                true => Ok(Term::Int((w.len() / 8) as i64)),
                false => ex::in_bif(ex::badarg_at(1, "not an iodata term"), "iolist_size", || a.to_vec()),
            }
        });
    }
    for (m, f) in [("IO", "iodata_to_binary"), (":erlang", "iolist_to_binary")] {
        r.add(m, f, 1, |_, a| {
            let mut w = BitWriter::default();
            match iodata(&a[0], &mut w, false) {
                true => Ok(w.into_term()),
                false => ex::in_bif(ex::badarg_at(1, "not an iodata term"), "iolist_to_binary", || {
                    a.to_vec()
                }),
            }
        });
    }
    r.add(":erlang", "list_to_binary", 1, |_, a| {
        let mut w = BitWriter::default();
        match a[0].is_list() && iodata(&a[0], &mut w, false) {
            true => Ok(w.into_term()),
            false => ex::in_bif(ex::badarg_at(1, "not an iolist term"), "list_to_binary", || a.to_vec()),
        }
    });
    r.add(":erlang", "list_to_bitstring", 1, |_, a| {
        let mut w = BitWriter::default();
        match a[0].is_list() && iodata(&a[0], &mut w, true) {
            true => Ok(w.into_term()),
            false => ex::badarg_at(1, "not a bitstring list"),
        }
    });
    r.add(":erlang", "bitstring_to_list", 1, |_, a| match a[0].as_bitstring() {
        Some(v) => {
            let whole = v.len / 8;
            let bytes = (0..whole).map(|k| Term::Int(v.sub(8 * k, 8).read_u64(8) as i64));
            let tail = match v.len % 8 {
                0 => Term::EmptyList,
                r => Term::list([v.sub(8 * whole, r).to_term()]),
            };
            Ok(Term::list_with_tail(bytes.collect::<Vec<_>>(), tail))
        }
        None => ex::badarg_at(1, "not a bitstring"),
    });
    r.add(":io", "format", 2, |p, a| {
        let Some(args) = a[1].list_to_vec() else {
            return ex::badarg();
        };
        let s = super::erlfmt::format(&text(&a[0])?, &args)?;
        request(p, Device::Stdout, &s)?;
        Ok(Term::OK)
    });
    r.add(":io", "format", 1, |p, a| {
        let s = super::erlfmt::format(&text(&a[0])?, &[])?;
        request(p, Device::Stdout, &s)?;
        Ok(Term::OK)
    });
}
