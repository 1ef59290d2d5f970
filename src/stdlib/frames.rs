//! The frames Elixir's own functions leave in a stack trace when a function
//! they were given raises, as Elixir 1.14 leaves them
//! (`scripts/record_callback_frames.exs` records them in
//! `data/callback_frames.txt`).
//!
//! `Enum.map(list, fn x -> 10 / x end)` failing on its third element reads,
//! under the callback's own frame,
//! `(elixir 1.14.0) lib/enum.ex:1658: Enum."-map/2-lists^map/1-0-"/2` twice:
//! the frames depend on the function, on the kind of enumerable (a list, a
//! range, a map) and on whether the first call of the callback raised (the
//! BEAM records a return address once where recursion repeats it).
//!
//! **Invariant:** a builtin in the table runs through [`run`], which counts
//! the calls of its callbacks (through [`Proc::callback`]) and, when an
//! error leaves one of them, adds the recorded frames once; any other
//! builtin and any other enumerable adds none. So does a Protocol.UndefinedError
//! an Enum function raises for what is not enumerable (`Enumerable.impl_for!/1`…).

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, OnceLock};

use super::{Native, module_atom};
use crate::eval::exception::{self as ex, R, StackEntry};
use crate::eval::exec::Proc;
use crate::term::{Atom, Term};

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Kind {
    List,
    Range,
    Map,
    /// Not enumerable at all: the frames of the Protocol.UndefinedError.
    None,
}

const KINDS: [Kind; 4] = [Kind::List, Kind::Range, Kind::Map, Kind::None];

fn kind_of(t: Option<&Term>) -> Option<Kind> {
    match t? {
        Term::EmptyList | Term::Cons(_) => Some(Kind::List),
        t @ Term::Map(_) => match t.struct_name() {
            None => Some(Kind::Map),
            Some(s) if &*s.name() == "Elixir.Range" => Some(Kind::Range),
            Some(_) => None,
        },
        _ => None,
    }
}

type Frames = Vec<Arc<StackEntry>>;

struct Table {
    /// The builtins, in the order of their trampolines.
    keys: Vec<(Atom, Atom, usize)>,
    /// For each builtin, kind and "a later call raised": the frames, innermost first.
    frames: HashMap<(usize, Kind, bool), Frames>,
}

static TABLE: LazyLock<Table> = LazyLock::new(|| parse(include_str!("data/callback_frames.txt")));

fn frame(spec: &str) -> Option<Arc<StackEntry>> {
    let [m, f, a, file, line] = spec.split('|').collect::<Vec<_>>()[..] else {
        return None;
    };
    let (m, f, a) = (module_atom(m), Atom::new(f), a.parse().ok()?);
    let app = if m.name().starts_with("Elixir.") {
        "(elixir 1.14.0) "
    } else {
        "(stdlib 4.2) "
    };
    Some(Arc::new(StackEntry {
        file: format!("{app}{file}").into(),
        line: line.parse().ok()?,
        what: ex::format_mfa(m, f, a),
        mfa: Some((m, f, a)),
        args: None,
    }))
}

/// The builtin a line of the table is about, and the rest of its fields.
fn line_key(line: &str) -> Option<((Atom, Atom, usize), std::str::Split<'_, char>)> {
    let mut fields = line.split('\t');
    let (m, n, a) = (fields.next()?, fields.next()?, fields.next()?);
    Some(((module_atom(m), Atom::new(n), a.parse().unwrap_or(0)), fields))
}

fn parse(data: &str) -> Table {
    let mut t = Table {
        keys: keys(data),
        frames: HashMap::new(),
    };
    for line in data.lines() {
        let Some((key, mut fields)) = line_key(line) else {
            continue;
        };
        let (Some(kind), Some(call)) = (fields.next(), fields.next()) else {
            continue;
        };
        let kind = match kind {
            "list" => Kind::List,
            "range" => Kind::Range,
            "map" => Kind::Map,
            "none" => Kind::None,
            _ => continue,
        };
        let i = t.keys.iter().position(|k| *k == key).expect("read by keys()");
        let frames = fields.filter_map(frame).collect();
        t.frames.insert((i, kind, call == "2"), frames);
    }
    t
}

/// The builtins the table replaced, by trampoline.
static ORIGINALS: OnceLock<Vec<Native>> = OnceLock::new();

fn framed<const K: usize>(p: &mut Proc, a: &mut Vec<Term>) -> R<Term> {
    let f = ORIGINALS.get().expect("installed")[K];
    run(p, a, K, f)
}

macro_rules! trampolines {
    ($($k:literal)*) => { [$(framed::<$k> as Native),*] };
}

/// One entry point per builtin in the table: each knows its own index.
const TRAMPOLINES: [Native; 192] = trampolines!(
    0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40 41 42 43 44 45 46 47 48 49 50 51 52 53 54 55 56 57 58 59 60 61 62 63 64 65 66 67 68 69 70 71 72 73 74 75 76 77 78 79 80 81 82 83 84 85 86 87 88 89 90 91 92 93 94 95 96 97 98 99 100 101 102 103 104 105 106 107 108 109 110 111 112 113 114 115 116 117 118 119 120 121 122 123 124 125 126 127 128 129 130 131 132 133 134 135 136 137 138 139 140 141 142 143 144 145 146 147 148 149 150 151 152 153 154 155 156 157 158 159 160 161 162 163 164 165 166 167 168 169 170 171 172 173 174 175 176 177 178 179 180 181 182 183 184 185 186 187 188 189 190 191
);

/// The builtins of the table, in its order, read without building the
/// frames (which only an error needs).
fn keys(data: &str) -> Vec<(Atom, Atom, usize)> {
    let mut keys = Vec::new();
    for (key, _) in data.lines().filter_map(line_key) {
        if !keys.contains(&key) {
            keys.push(key);
        }
    }
    keys
}

/// Routes every builtin of the table through [`run`].
pub fn install(r: &mut super::Registry) {
    let keys = keys(include_str!("data/callback_frames.txt"));
    let mut originals = Vec::new();
    for (i, (m, n, a)) in keys.iter().enumerate().take(TRAMPOLINES.len()) {
        let f = r.map.get(&(*m, *n, *a)).copied();
        originals.push(f.unwrap_or(TRAMPOLINES[i]));
        if f.is_some() {
            r.map.insert((*m, *n, *a), TRAMPOLINES[i]);
        }
    }
    let _ = ORIGINALS.set(originals);
}

/// Runs the builtin `f` (the table's `k`-th); an error that left one of its
/// callbacks gains the frames Elixir's function would have left.
fn run(p: &mut Proc, a: &mut Vec<Term>, k: usize, f: Native) -> R<Term> {
    let kind = kind_of(a.first());
    let mut calls = 0;
    let key = (k as u16, kind.map_or(u8::MAX, |k| k as u8));
    p.run_framed(key, |p| {
        let r = f(p, a);
        calls = p.callbacks;
        r
    })
    .map_err(|e| add_frames(e, k, kind, calls))
}

/// Adds a builtin's recorded frames under those of `st`. They are as the
/// BEAM recorded them, but the first is left out where it repeats the
/// frame above it: the same builtin called from a function it called
/// (`Map.update!/3` in `update_in(m.a.b, f)`) returns to the same address.
pub fn extend(st: &mut ex::Stack, frames: &[Arc<StackEntry>]) {
    if let Some((first, rest)) = frames.split_first() {
        st.push_distinct(first.clone());
        st.entries.extend(rest.iter().cloned());
    }
}

/// The frames Elixir's builtin `key` (see [`Proc::run_framed`]) leaves
/// under the callback it is running, after `calls` calls of its callbacks.
pub fn callback_frames(key: (u16, u8), calls: u32) -> &'static [Arc<StackEntry>] {
    let (k, kind) = (key.0 as usize, KINDS.iter().find(|x| **x as u8 == key.1));
    match kind {
        Some(kind) if calls > 0 => TABLE.frames.get(&(k, *kind, calls > 1)).map_or(&[], Vec::as_slice),
        _ => &[],
    }
}

#[cold]
fn add_frames(mut e: Box<ex::Exc>, k: usize, kind: Option<Kind>, calls: u32) -> Box<ex::Exc> {
    let not_enumerable = matches!(&*e, ex::Exc::Error(t, st)
        if st.entries.is_empty() && ex::exception_name(t) == "Protocol.UndefinedError");
    if let Some(st) = e.stack_mut()
        && !st.complete
    {
        let from_callback = std::mem::take(&mut st.from_callback);
        let key = if from_callback && calls > 0 {
            kind.map(|kind| (k, kind, calls > 1))
        } else if not_enumerable && !from_callback {
            Some((k, Kind::None, false))
        } else {
            None
        };
        if let Some(frames) = key.and_then(|key| TABLE.frames.get(&key)) {
            st.pending_line = 0;
            extend(st, frames);
        }
    }
    e
}

/// The frames `Enum.reduce/3` leaves for an enumerable of `kind`.
fn reduce_entry(kind: Kind) -> Option<&'static Frames> {
    let key = (Atom::alias("Enum"), Atom::new("reduce"), 3);
    let t = &*TABLE;
    let i = t.keys.iter().position(|k| *k == key)?;
    t.frames.get(&(i, kind, false))
}

/// The frames `Enum.reduce/3` leaves over `enumerable` under the function
/// it was given (a `for` generator's closure), if it is a list, range or map.
pub fn reduce_frames(enumerable: &Term) -> &'static [Arc<StackEntry>] {
    kind_of(Some(enumerable))
        .and_then(reduce_entry)
        .map_or(&[], Vec::as_slice)
}

/// The frames `Enum.reduce/3` leaves under the Protocol.UndefinedError it
/// raises for what is not enumerable (a `for` generator over an atom).
pub fn reduce_not_enumerable(mut e: Box<ex::Exc>) -> Box<ex::Exc> {
    let fresh = matches!(&*e, ex::Exc::Error(t, st)
        if st.entries.is_empty() && ex::exception_name(t) == "Protocol.UndefinedError");
    if fresh
        && let Some(st) = e.stack_mut()
        && let Some(frames) = reduce_entry(Kind::None)
    {
        extend(st, frames);
    }
    e
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_recorded_builtin_has_a_trampoline() {
        assert!(super::TABLE.keys.len() <= super::TRAMPOLINES.len());
    }
}
