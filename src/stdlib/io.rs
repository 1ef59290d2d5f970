//! `IO`: `puts`, `write`, `inspect` — through the runtime's IO server.

use std::sync::Arc;

use super::Registry;
use super::kernel::to_chars;
use crate::eval::exception::{self as ex, R};
use crate::eval::exec::Proc;
use crate::runtime::io::{Device, write};
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

fn text(t: &Term) -> R<String> {
    let mut out = Vec::new();
    to_chars(t, &mut out)?;
    Ok(String::from_utf8_lossy(&out).into_owned())
}

/// `IO.inspect` options: `label:`, `pretty:`, `width:`, `limit:`.
fn inspect_opts(opts: &Term) -> (Opts, Option<String>) {
    let mut o = Opts::pretty();
    let mut label = None;
    for kv in opts.iter_list() {
        let Some([k, v]) = kv.as_tuple().and_then(|t| <&[Term; 2]>::try_from(t).ok()) else {
            continue;
        };
        match (k.as_atom().map(|a| a.name()), v) {
            (Some(n), v) if &*n == "label" => label = text(v).ok(),
            (Some(n), Term::Int(w)) if &*n == "width" => o.width = (*w).max(0) as usize,
            (Some(n), Term::Int(l)) if &*n == "limit" => o.limit = (*l).max(0) as usize,
            (Some(n), Term::Atom(Atom::INFINITY)) if &*n == "limit" => o.limit = usize::MAX,
            _ => {}
        }
    }
    (o, label)
}

/// `IO.inspect`'s text for `item` with its options, with a newline.
fn inspected(item: &Term, opts: &Term) -> String {
    let (o, label) = inspect_opts(opts);
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

pub fn register(r: &mut Registry) {
    r.add("IO", "puts", 1, |p: &mut Proc, a| {
        request(p, Device::Stdout, &(text(&a[0])? + "\n"))
    });
    r.add("IO", "puts", 2, |p, a| {
        request(p, device(&a[0])?, &(text(&a[1])? + "\n"))
    });
    r.add("IO", "write", 1, |p, a| request(p, Device::Stdout, &text(&a[0])?));
    r.add("IO", "write", 2, |p, a| request(p, device(&a[0])?, &text(&a[1])?));
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
    r.add("IO", "iodata_to_binary", 1, |_, a| {
        Ok(Term::Bin(Arc::from(text(&a[0])?.into_bytes())))
    });
}
