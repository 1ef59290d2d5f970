//! `:ets`: tables of tuples shared by processes, as OTP 25 keeps them.
//!
//! Every table lives in one process-wide registry ([`ETS`]) under its
//! identifier (a reference made by its creator, which `inspect` prints as
//! `#Reference<0.…>`), and, when it is a `named_table`, under its name.
//! A table holds its objects as the terms they are: a lookup hands out
//! clones of the shared terms, never copies. A native takes the registry's
//! lock only for the one operation it does; user code (`foldl/3`'s fun)
//! never runs under it.
//!
//! `set`, `bag` and `duplicate_bag` tables are OTP's linear hash table
//! ([`HashTab`]): 256 buckets to start with, one more bucket split off each
//! time the table holds more objects than buckets, a key's bucket chosen by
//! the low bits of its hash (an atom's is the atom table's hash of its name,
//! anything else `make_internal_hash`, [`crate::term::hamt::key_hash`]). A
//! new key goes at the end of its bucket's chain, a new object of a bag
//! before the others of its key, so `first`/`next` walk the buckets upwards
//! and `tab2list`/`select`/`match` list that walk backwards, exactly as the
//! BEAM does for keys whose hash is reproduced (numbers, binaries, atoms,
//! and lists or tuples of numbers and binaries). An atom *inside* a
//! compound key hashes its atom-table index on the BEAM, which this runtime
//! does not have, so such keys (and pids, references, funs) come out in a
//! stable order that is not Elixir's. `ordered_set` is a `BTreeMap` in term
//! order, keys equal by `==` (1 and 1.0 are one key).
//!
//! **Invariants:** a table is deleted, or passed to its heir, when its
//! owner exits ([`owner_exited`], called by the runtime); a process other
//! than the owner cannot write a `protected` table nor touch a `private`
//! one; every error is the `ArgumentError` Elixir prints for the BIF, with
//! the causes OTP's emulator gives and the explanations of
//! `erl_stdlib_errors`, and the frame of the BIF that raised it (a function
//! OTP writes in Erlang, like `tab2list/1`, adds the BIF it called first).

use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, LazyLock, Mutex, MutexGuard};

use super::Registry;
use crate::eval::exception::{self as ex, R, StackEntry};
use crate::eval::exec::Proc;
use crate::eval::ir::Op2;
use crate::runtime;
use crate::term::order::compare;
use crate::term::{Atom, Pid, Ref, Term};

// ---------------------------------------------------------------------------
// Tables

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Set,
    OrderedSet,
    Bag,
    DuplicateBag,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Set => "set",
            Kind::OrderedSet => "ordered_set",
            Kind::Bag => "bag",
            Kind::DuplicateBag => "duplicate_bag",
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Access {
    Public,
    Protected,
    Private,
}

/// A key of an `ordered_set`, ordered (and equal) by `==`'s term order.
#[derive(Clone)]
struct OKey(Term);

impl PartialEq for OKey {
    fn eq(&self, o: &OKey) -> bool {
        compare(&self.0, &o.0) == Ordering::Equal
    }
}
impl Eq for OKey {}
impl PartialOrd for OKey {
    fn partial_cmp(&self, o: &OKey) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for OKey {
    fn cmp(&self, o: &OKey) -> Ordering {
        compare(&self.0, &o.0)
    }
}

/// Buckets in the first segment (`FIRST_SEGSZ`).
const FIRST_SEG: usize = 256;
/// Buckets in each further segment (`EXT_SEGSZ`).
const EXT_SEG: usize = 2048;

/// OTP's linear hash table: `buckets.len()` is the number of active
/// buckets; each holds its chain of `(hash, object)`.
struct HashTab {
    buckets: Vec<Vec<(u32, Term)>>,
    /// The mask of the hash bits that pick a bucket (`szm`).
    szm: usize,
    /// Buckets allocated (`nslots`).
    nslots: usize,
    nitems: usize,
    shrink_limit: usize,
}

/// The hash a key is filed under (`MAKE_HASH`).
fn key_hash(key: &Term) -> u32 {
    let h = match key {
        Term::Atom(a) => crate::term::phash::atom_hash(a.name().as_bytes()),
        _ => crate::term::hamt::key_hash(key, 0),
    };
    h & 0x7FFF_FFFF
}

impl HashTab {
    fn new() -> HashTab {
        HashTab {
            buckets: vec![Vec::new(); FIRST_SEG],
            szm: FIRST_SEG - 1,
            nslots: FIRST_SEG,
            nitems: 0,
            shrink_limit: 0,
        }
    }

    fn ix(&self, h: u32) -> usize {
        let ix = h as usize & self.szm;
        if ix >= self.buckets.len() {
            ix & (self.szm >> 1)
        } else {
            ix
        }
    }

    fn calc_shrink_limit(&mut self) {
        self.shrink_limit = if self.nslots >= FIRST_SEG + 2 * EXT_SEG {
            (self.nslots - EXT_SEG) / 2
        } else {
            0
        };
    }

    /// After an object was added: split buckets while there are more objects than buckets.
    fn grow(&mut self) {
        for _ in 0..5 {
            let nactive = self.buckets.len();
            if self.nitems <= nactive {
                return;
            }
            if nactive == self.nslots {
                self.nslots += EXT_SEG;
                self.calc_shrink_limit();
            }
            let (from, szm) = if nactive <= self.szm {
                (nactive & (self.szm >> 1), self.szm)
            } else {
                (0, (self.szm << 1) | 1)
            };
            self.szm = szm;
            let old = std::mem::take(&mut self.buckets[from]);
            let (stay, go): (Vec<_>, Vec<_>) = old.into_iter().partition(|(h, _)| *h as usize & szm == from);
            self.buckets[from] = stay;
            self.buckets.push(go);
        }
    }

    /// After objects were removed: join the top buckets back while the table is sparse.
    fn shrink(&mut self) {
        for _ in 0..5 {
            if self.nitems >= self.shrink_limit || self.buckets.len() <= FIRST_SEG {
                return;
            }
            let src_ix = self.buckets.len() - 1;
            let low = self.szm >> 1;
            let dst = src_ix & low;
            let mut src = self.buckets.pop().unwrap_or_default();
            if dst == 0 {
                self.szm = low;
            }
            if self.nslots - src_ix >= EXT_SEG {
                self.nslots -= EXT_SEG;
                self.calc_shrink_limit();
            }
            src.append(&mut self.buckets[dst]);
            self.buckets[dst] = src;
        }
    }
}

enum Data {
    Hash(HashTab),
    Tree(BTreeMap<OKey, Vec<Term>>),
}

struct Table {
    tid: Ref,
    name: Atom,
    named: bool,
    kind: Kind,
    access: Access,
    keypos: usize,
    owner: Pid,
    heir: Option<(Pid, Term)>,
    read_concurrency: bool,
    write_concurrency: bool,
    decentralized: bool,
    compressed: bool,
    data: Data,
}

impl Table {
    fn key<'a>(&self, obj: &'a Term) -> &'a Term {
        &obj.as_tuple().expect("objects are tuples")[self.keypos - 1]
    }

    fn size(&self) -> usize {
        match &self.data {
            Data::Hash(h) => h.nitems,
            Data::Tree(t) => t.len(),
        }
    }

    /// The objects in `first`/`next` order.
    fn walk(&self) -> Vec<Term> {
        match &self.data {
            Data::Hash(h) => h.buckets.iter().flatten().map(|(_, o)| o.clone()).collect(),
            Data::Tree(t) => t.values().flatten().cloned().collect(),
        }
    }

    /// The objects in the order `select`, `match` and `tab2list` list them.
    fn listed(&self) -> Vec<Term> {
        let mut v = self.walk();
        if let Data::Hash(_) = self.data {
            v.reverse();
        }
        v
    }

    /// The objects of `key`, as `lookup/2` lists them.
    fn lookup(&self, key: &Term) -> Vec<Term> {
        match &self.data {
            Data::Hash(h) => {
                let hv = key_hash(key);
                let mut v: Vec<Term> = h.buckets[h.ix(hv)]
                    .iter()
                    .filter(|(x, o)| *x == hv && self.key(o) == key)
                    .map(|(_, o)| o.clone())
                    .collect();
                v.reverse();
                v
            }
            Data::Tree(t) => t.get(&OKey(key.clone())).cloned().unwrap_or_default(),
        }
    }

    fn has_key(&self, key: &Term) -> bool {
        match &self.data {
            Data::Hash(h) => {
                let hv = key_hash(key);
                h.buckets[h.ix(hv)].iter().any(|(x, o)| *x == hv && self.key(o) == key)
            }
            Data::Tree(t) => t.contains_key(&OKey(key.clone())),
        }
    }

    fn insert(&mut self, obj: Term) {
        let key = self.key(&obj).clone();
        let kind = self.kind;
        let keypos = self.keypos;
        let key_of = |o: &Term| o.as_tuple().map(|t| t[keypos - 1].clone());
        match &mut self.data {
            Data::Tree(t) => {
                t.insert(OKey(key), vec![obj]);
            }
            Data::Hash(h) => {
                let hv = key_hash(&key);
                let ix = h.ix(hv);
                let chain = &mut h.buckets[ix];
                let first = chain
                    .iter()
                    .position(|(x, o)| *x == hv && key_of(o).as_ref() == Some(&key));
                match (first, kind) {
                    (None, _) => chain.push((hv, obj)),
                    (Some(i), Kind::Set) => {
                        chain[i].1 = obj;
                        return;
                    }
                    (Some(i), Kind::Bag) => {
                        let same = chain[i..]
                            .iter()
                            .take_while(|(x, o)| *x == hv && key_of(o).as_ref() == Some(&key))
                            .any(|(_, o)| *o == obj);
                        if same {
                            return;
                        }
                        chain.insert(i, (hv, obj));
                    }
                    (Some(i), _) => chain.insert(i, (hv, obj)),
                }
                h.nitems += 1;
                h.grow();
            }
        }
    }

    /// Removes the objects of `key` for which `pred` holds; how many went.
    fn remove_where(&mut self, key: &Term, mut pred: impl FnMut(&Term) -> bool) -> usize {
        let keypos = self.keypos;
        match &mut self.data {
            Data::Tree(t) => {
                let k = OKey(key.clone());
                match t.get(&k) {
                    Some(v) if v.iter().any(&mut pred) => {
                        t.remove(&k);
                        1
                    }
                    _ => 0,
                }
            }
            Data::Hash(h) => {
                let hv = key_hash(key);
                let ix = h.ix(hv);
                let before = h.buckets[ix].len();
                h.buckets[ix]
                    .retain(|(x, o)| !(*x == hv && &o.as_tuple().expect("tuple")[keypos - 1] == key && pred(o)));
                let gone = before - h.buckets[ix].len();
                if gone > 0 {
                    h.nitems -= gone;
                    h.shrink();
                }
                gone
            }
        }
    }

    fn clear(&mut self) {
        self.data = match self.kind {
            Kind::OrderedSet => Data::Tree(BTreeMap::new()),
            _ => Data::Hash(HashTab::new()),
        };
    }

    /// The key after `key` in `first`/`next` order; `Err` when `key` is not in a hash table.
    fn next(&self, key: &Term) -> Result<Option<Term>, ()> {
        match &self.data {
            Data::Tree(t) => Ok(t
                .range((std::ops::Bound::Excluded(OKey(key.clone())), std::ops::Bound::Unbounded))
                .next()
                .map(|(k, _)| k.0.clone())),
            Data::Hash(h) => {
                let hv = key_hash(key);
                let ix = h.ix(hv);
                let chain = &h.buckets[ix];
                let Some(pos) = chain.iter().position(|(x, o)| *x == hv && self.key(o) == key) else {
                    return Err(());
                };
                let after = chain[pos..]
                    .iter()
                    .position(|(x, o)| !(*x == hv && self.key(o) == key))
                    .map(|i| pos + i);
                if let Some(i) = after {
                    return Ok(Some(self.key(&chain[i].1).clone()));
                }
                Ok(h.buckets[ix + 1..]
                    .iter()
                    .find_map(|b| b.first())
                    .map(|(_, o)| self.key(o).clone()))
            }
        }
    }

    fn first(&self) -> Option<Term> {
        match &self.data {
            Data::Tree(t) => t.keys().next().map(|k| k.0.clone()),
            Data::Hash(h) => h
                .buckets
                .iter()
                .find_map(|b| b.first())
                .map(|(_, o)| self.key(o).clone()),
        }
    }

    fn last(&self) -> Option<Term> {
        match &self.data {
            Data::Tree(t) => t.keys().next_back().map(|k| k.0.clone()),
            Data::Hash(_) => self.first(),
        }
    }

    fn prev(&self, key: &Term) -> Result<Option<Term>, ()> {
        match &self.data {
            Data::Tree(t) => Ok(t.range(..OKey(key.clone())).next_back().map(|(k, _)| k.0.clone())),
            Data::Hash(_) => self.next(key),
        }
    }

    /// Replaces the one object of `key` in a set or ordered set.
    fn replace(&mut self, key: &Term, obj: Term) {
        let keypos = self.keypos;
        match &mut self.data {
            Data::Tree(t) => {
                t.insert(OKey(key.clone()), vec![obj]);
            }
            Data::Hash(h) => {
                let hv = key_hash(key);
                let ix = h.ix(hv);
                if let Some(slot) = h.buckets[ix]
                    .iter_mut()
                    .find(|(x, o)| *x == hv && &o.as_tuple().expect("tuple")[keypos - 1] == key)
                {
                    slot.1 = obj;
                }
            }
        }
    }

    /// An approximation of the words the table takes (`info(t, :memory)`).
    fn memory(&self) -> i64 {
        let base = if self.kind == Kind::OrderedSet { 171 } else { 305 };
        let words: usize = self
            .walk()
            .iter()
            .map(|o| o.as_tuple().map_or(0, |t| t.len()) + 5)
            .sum();
        base + words as i64
    }
}

#[derive(Default)]
struct Ets {
    tables: HashMap<Ref, Table>,
    names: HashMap<Atom, Ref>,
}

static ETS: LazyLock<Mutex<Ets>> = LazyLock::new(Default::default);

fn ets() -> MutexGuard<'static, Ets> {
    ETS.lock().unwrap_or_else(|e| e.into_inner())
}

/// A process exited: its tables go to their heirs, or are deleted.
pub fn owner_exited(pid: Pid) {
    let mut transfers = Vec::new();
    {
        let mut e = ets();
        let Ets { tables, names } = &mut *e;
        tables.retain(|_, t| {
            if t.owner != pid {
                return true;
            }
            if let Some((heir, data)) = &t.heir
                && *heir != pid
                && runtime::is_alive(*heir)
            {
                t.owner = *heir;
                transfers.push((*heir, tid_term(t), data.clone()));
                return true;
            }
            if t.named {
                names.remove(&t.name);
            }
            false
        });
    }
    for (heir, tab, data) in transfers {
        runtime::send(heir, transfer(tab, pid, data));
    }
}

fn tid_term(t: &Table) -> Term {
    if t.named { Term::Atom(t.name) } else { Term::Ref(t.tid) }
}

fn transfer(tab: Term, from: Pid, data: Term) -> Term {
    Term::tuple(vec![Term::atom("ETS-TRANSFER"), tab, Term::Pid(from), data])
}

// ---------------------------------------------------------------------------
// Errors

/// Why the emulator failed a BIF (its `error_info` cause).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Cause {
    None,
    Type,
    Id,
    Access,
    TableType,
    BadKey,
    KeyPos,
    Position,
    Owner,
    NotOwner,
    AlreadyExists,
}

const BAD_KEY: &str = "not a key that exists in the table";
const BAD_MS: &str = "not a valid match specification";
const BAD_OP: &str = "not a valid update operation";
const NOT_INT: &str = "not an integer";
const RANGE: &str = "out of range";
const SAME_AS_KEYPOS: &str = "the position is the same as the key position";
const OP_RANGE: &str = "the position in the update operation is out of range";
const COUNTER_NOT_INT: &str = "the value in the given position, in the object, is not an integer";
const NAME_EXISTS: &str = "table name already exists";
const BAD_NAME: &str = "invalid table name (must be an atom)";

fn tab_cause(args: &[Term], cause: Cause) -> &'static str {
    match cause {
        Cause::Type if matches!(args.first(), Some(Term::Ref(_))) => "not a valid table identifier",
        Cause::Type => "not an atom or a table identifier",
        Cause::Id => "the table identifier does not refer to an existing ETS table",
        Cause::Access => "the table identifier refers to an ETS table with insufficient access rights",
        Cause::TableType => "the table identifier refers to an ETS table of a type not supported by this operation",
        _ => "",
    }
}

fn tuple_cause(t: &Term) -> &'static str {
    match t.as_tuple() {
        Some([]) => "is an empty tuple",
        Some(_) => "",
        None => "not a tuple",
    }
}

fn objects_cause(t: &Term) -> &'static str {
    match t {
        Term::Tuple(_) => tuple_cause(t),
        t if t.is_list() => match t.list_to_vec() {
            Some(v) if v.iter().all(|o| matches!(o.as_tuple(), Some([_, ..]))) => "",
            _ => "not a non-empty tuple or a list of non-empty tuples",
        },
        _ => "not a tuple",
    }
}

fn is_update_op(op: &Term) -> bool {
    match op {
        Term::Int(_) | Term::BigInt(_) => true,
        Term::Tuple(_) => match op.as_tuple() {
            Some([p, i]) => p.as_int().is_some() && matches!(i, Term::Int(_) | Term::BigInt(_)),
            Some([p, i, t, s]) => {
                p.as_int().is_some() && [i, t, s].iter().all(|x| matches!(x, Term::Int(_) | Term::BigInt(_)))
            }
            _ => false,
        },
        _ => false,
    }
}

fn is_update_op_top(op: &Term) -> bool {
    match op.list_to_vec() {
        Some(v) => v.iter().all(is_update_op),
        None => is_update_op(op),
    }
}

fn is_element_spec(s: &Term) -> bool {
    matches!(s.as_tuple(), Some([Term::Int(p), _]) if *p > 0)
}

fn non_neg(t: &Term) -> &'static str {
    match t {
        Term::Int(n) if *n >= 1 => "",
        Term::Int(_) => RANGE,
        _ => NOT_INT,
    }
}

/// `erl_stdlib_errors:format_ets_error/3`: one explanation per argument, "" for none.
fn explain(name: &str, args: &[Term], cause: Cause) -> Vec<&'static str> {
    let tc = tab_cause(args, cause);
    let default = |d: &'static str| if tc.is_empty() { vec!["", d] } else { vec![tc] };
    match (name, args) {
        ("delete_object", [_, o]) => vec![tc, tuple_cause(o)],
        ("give_away", [_, pid, _]) => match cause {
            Cause::Owner => vec![tc, "the process is already the owner of the table"],
            Cause::NotOwner => vec![tc, "the current process is not the owner"],
            _ => vec![
                tc,
                match (pid, tc.is_empty()) {
                    (Term::Pid(_), true) => "the pid refers to a terminated process",
                    (Term::Pid(_), false) => "",
                    _ => "not a pid",
                },
            ],
        },
        ("info", _) => default("not a valid info item"),
        ("insert" | "insert_new", [_, o]) => vec![tc, objects_cause(o)],
        ("lookup_element", [_, _, pos]) => {
            let pc = non_neg(pos);
            if cause == Cause::BadKey {
                vec![tc, BAD_KEY, pc]
            } else if tc.is_empty() && pc.is_empty() {
                vec!["", "", "position is greater than the size of the object"]
            } else {
                vec![tc, "", pc]
            }
        }
        ("next" | "prev", _) => default(BAD_KEY),
        ("new", [name, opts]) => {
            let ne = if matches!(name, Term::Atom(_)) {
                ""
            } else {
                "not an atom"
            };
            let oe = if opts.list_to_vec().is_some() { "" } else { "not a list" };
            match (ne, oe, cause) {
                ("", "", Cause::AlreadyExists) => vec![NAME_EXISTS, ""],
                ("", "", _) => vec!["", "invalid options"],
                _ => vec![ne, oe],
            }
        }
        ("rename", [_, new]) => {
            let nc = if matches!(new, Term::Atom(_)) { "" } else { BAD_NAME };
            if tc.is_empty() && nc.is_empty() {
                vec!["", NAME_EXISTS]
            } else {
                vec![tc, nc]
            }
        }
        ("safe_fixtable", _) => default("not a boolean value"),
        ("select" | "select_count" | "internal_select_delete", [_, _]) => default(BAD_MS),
        ("update_counter", [_, _, op]) => {
            let opc = if is_update_op_top(op) { "" } else { BAD_OP };
            match cause {
                Cause::BadKey => vec![tc, BAD_KEY, opc],
                Cause::KeyPos => vec![tc, "", SAME_AS_KEYPOS],
                Cause::Position => vec![tc, "", OP_RANGE],
                Cause::None if opc.is_empty() => vec![tc, "", COUNTER_NOT_INT],
                Cause::None => vec![tc, "", BAD_OP],
                _ => vec![tc, "", opc],
            }
        }
        ("update_counter", [_, _, op, default]) => {
            if !tc.is_empty() {
                return vec![tc];
            }
            let dc = tuple_cause(default);
            let opc = if is_update_op_top(op) { "" } else { BAD_OP };
            match cause {
                Cause::BadKey => vec!["", BAD_KEY, opc, dc],
                Cause::KeyPos => vec!["", "", SAME_AS_KEYPOS, dc],
                Cause::Position => vec!["", "", OP_RANGE],
                _ if opc.is_empty() && dc.is_empty() => vec!["", "", COUNTER_NOT_INT],
                _ => vec!["", "", opc, dc],
            }
        }
        ("update_element", [_, _, spec]) => {
            let third = if cause == Cause::KeyPos {
                SAME_AS_KEYPOS
            } else {
                let ok = match spec.list_to_vec() {
                    Some(v) => v.iter().all(is_element_spec),
                    None => is_element_spec(spec),
                };
                match (ok, tc.is_empty()) {
                    (true, true) => RANGE,
                    (true, false) => "",
                    (false, _) => "is not a valid element specification",
                }
            };
            vec![tc, "", third]
        }
        ("whereis", _) => vec![BAD_NAME],
        _ => vec![tc],
    }
}

/// The `ArgumentError` of `:ets.name(args)` failing with `cause`, with the BIF's frame.
fn fail<T>(name: &str, args: &[Term], cause: Cause) -> R<T> {
    let lines: Vec<(usize, &str)> = explain(name, args, cause)
        .into_iter()
        .enumerate()
        .filter(|(_, s)| !s.is_empty())
        .map(|(i, s)| (i + 1, s))
        .collect();
    let r = if lines.is_empty() {
        ex::badarg()
    } else {
        let mut msg = String::from("errors were found at the given arguments:\n\n");
        for (n, why) in lines {
            let nth = match n {
                1 => "1st".to_string(),
                2 => "2nd".to_string(),
                3 => "3rd".to_string(),
                n => format!("{n}th"),
            };
            msg.push_str(&format!("  * {nth} argument: {why}\n"));
        }
        ex::argument_error(msg)
    };
    ex::in_call(r, ":ets", name, None, || args.to_vec())
}

/// Adds the frame of a function OTP's `ets` module writes in Erlang
/// (`(stdlib 4.2) ets.erl:771: :ets.tab2list/1`) under the BIF it called.
fn in_erlang<T>(r: R<T>, name: &str, arity: usize, line: u32) -> R<T> {
    r.map_err(|mut e| {
        if let Some(st) = e.stack_mut()
            && !st.complete
        {
            let (m, n) = (Atom::new("ets"), Atom::new(name));
            st.entries.push(Arc::new(StackEntry {
                file: "(stdlib 4.2) ets.erl".into(),
                line,
                what: ex::format_mfa(m, n, arity),
                mfa: Some((m, n, arity)),
                args: None,
            }));
        }
        e
    })
}

// ---------------------------------------------------------------------------
// Access

fn resolve(e: &Ets, t: &Term) -> Result<Ref, Cause> {
    match t {
        Term::Atom(a) => e.names.get(a).copied().ok_or(Cause::Id),
        Term::Ref(r) if e.tables.contains_key(r) => Ok(*r),
        Term::Ref(_) => Err(Cause::Id),
        _ => Err(Cause::Type),
    }
}

/// Runs `f` on the table `args[0]` names, if `me` may read it (or write, with `write`).
fn with<T>(me: Pid, name: &str, args: &[Term], write: bool, f: impl FnOnce(&mut Table) -> Result<T, Cause>) -> R<T> {
    let r = {
        let mut e = ets();
        match resolve(&e, &args[0]) {
            Err(c) => Err(c),
            Ok(tid) => {
                let t = e.tables.get_mut(&tid).expect("resolved");
                let allowed = t.owner == me
                    || match t.access {
                        Access::Public => true,
                        Access::Protected => !write,
                        Access::Private => false,
                    };
                if allowed { f(t) } else { Err(Cause::Access) }
            }
        }
    };
    match r {
        Ok(v) => Ok(v),
        Err(c) => fail(name, args, c),
    }
}

// ---------------------------------------------------------------------------
// Match specifications

pub(crate) struct Clause {
    pattern: Term,
    guards: Vec<Term>,
    body: Vec<Term>,
}

/// `$N` as a variable number.
fn var_of(t: &Term) -> Option<u32> {
    let Term::Atom(a) = t else { return None };
    let name = a.name();
    let digits = name.strip_prefix('$')?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

fn is_atom(t: &Term, name: &str) -> bool {
    matches!(t, Term::Atom(a) if &*a.name() == name)
}

fn pattern_vars(p: &Term, out: &mut Vec<u32>) {
    if let Some(v) = var_of(p) {
        out.push(v);
        return;
    }
    match p {
        Term::Tuple(_) => p.as_tuple().into_iter().flatten().for_each(|x| pattern_vars(x, out)),
        Term::Cons(c) => {
            pattern_vars(&c.head, out);
            pattern_vars(&c.tail, out);
        }
        Term::Map(m) => m.iter().for_each(|(_, v)| pattern_vars(v, out)),
        _ => {}
    }
}

/// The guard functions a match specification may call, with their arities.
fn guard_fun(name: &str, arity: usize) -> bool {
    match arity {
        0 => matches!(name, "self" | "node"),
        1 => matches!(
            name,
            "is_atom"
                | "is_float"
                | "is_integer"
                | "is_list"
                | "is_number"
                | "is_pid"
                | "is_port"
                | "is_reference"
                | "is_tuple"
                | "is_map"
                | "is_binary"
                | "is_bitstring"
                | "is_boolean"
                | "is_function"
                | "abs"
                | "hd"
                | "tl"
                | "length"
                | "size"
                | "tuple_size"
                | "byte_size"
                | "bit_size"
                | "map_size"
                | "round"
                | "trunc"
                | "float"
                | "not"
                | "bnot"
                | "-"
                | "+"
                | "node"
        ),
        2 => matches!(
            name,
            "element"
                | "map_get"
                | "is_map_key"
                | "+"
                | "-"
                | "*"
                | "/"
                | "div"
                | "rem"
                | "band"
                | "bor"
                | "bxor"
                | "bsl"
                | "bsr"
                | ">"
                | ">="
                | "<"
                | "=<"
                | "=="
                | "=:="
                | "/="
                | "=/="
                | "and"
                | "or"
                | "xor"
                | "andalso"
                | "orelse"
                | "is_function"
        ),
        _ => matches!(name, "andalso" | "orelse" | "and" | "or"),
    }
}

/// Whether an expression only uses bound variables and known functions.
fn valid_expr(e: &Term, bound: &[u32]) -> bool {
    if let Some(v) = var_of(e) {
        return bound.contains(&v);
    }
    match e {
        Term::Tuple(_) => match e.as_tuple().unwrap_or(&[]) {
            [] => false,
            [Term::Atom(c), _] if &*c.name() == "const" => true,
            [inner @ Term::Tuple(_)] => inner.as_tuple().unwrap_or(&[]).iter().all(|x| valid_expr(x, bound)),
            [Term::Atom(f), args @ ..] => guard_fun(&f.name(), args.len()) && args.iter().all(|x| valid_expr(x, bound)),
            _ => false,
        },
        Term::Cons(c) => valid_expr(&c.head, bound) && valid_expr(&c.tail, bound),
        Term::Map(m) => m.iter().all(|(k, v)| valid_expr(k, bound) && valid_expr(v, bound)),
        _ => true,
    }
}

/// Checks and splits a match specification; `None` when it is not one.
pub(crate) fn compile(ms: &Term) -> Option<Vec<Clause>> {
    let clauses = ms.list_to_vec()?;
    clauses
        .iter()
        .map(|c| {
            let [pattern, guards, body] = c.as_tuple()? else {
                return None;
            };
            let guards = guards.list_to_vec()?;
            let body = body.list_to_vec()?;
            if body.is_empty() {
                return None;
            }
            let mut bound = Vec::new();
            pattern_vars(pattern, &mut bound);
            if !guards.iter().chain(&body).all(|e| valid_expr(e, &bound)) {
                return None;
            }
            Some(Clause {
                pattern: pattern.clone(),
                guards,
                body,
            })
        })
        .collect()
}

type Bindings = Vec<(u32, Term)>;

fn pmatch(p: &Term, v: &Term, b: &mut Bindings) -> bool {
    if is_atom(p, "_") {
        return true;
    }
    if let Some(n) = var_of(p) {
        return match b.iter().find(|(x, _)| *x == n) {
            Some((_, old)) => old == v,
            None => {
                b.push((n, v.clone()));
                true
            }
        };
    }
    match (p, v) {
        (Term::Tuple(_), Term::Tuple(_)) => {
            let (ps, vs) = (p.as_tuple().unwrap_or(&[]), v.as_tuple().unwrap_or(&[]));
            ps.len() == vs.len() && ps.iter().zip(vs).all(|(p, v)| pmatch(p, v, b))
        }
        (Term::Cons(pc), Term::Cons(vc)) => pmatch(&pc.head, &vc.head, b) && pmatch(&pc.tail, &vc.tail, b),
        (Term::Map(pm), Term::Map(vm)) => pm.iter().all(|(k, pv)| vm.get(k).is_some_and(|vv| pmatch(pv, vv, b))),
        _ => p == v,
    }
}

fn all_vars(b: &Bindings) -> Term {
    let mut v = b.clone();
    v.sort_by_key(|(n, _)| *n);
    Term::list(v.into_iter().map(|(_, t)| t).collect::<Vec<_>>())
}

fn num(t: &Term) -> bool {
    matches!(t, Term::Int(_) | Term::BigInt(_) | Term::Float(_))
}

fn int(t: &Term) -> bool {
    matches!(t, Term::Int(_) | Term::BigInt(_))
}

/// Evaluates a guard or body expression; `Err` where the BEAM's would fail.
fn eval(p: &mut Proc, e: &Term, obj: &Term, b: &Bindings) -> Result<Term, ()> {
    if let Some(n) = var_of(e) {
        return b.iter().find(|(x, _)| *x == n).map(|(_, v)| v.clone()).ok_or(());
    }
    if is_atom(e, "$_") {
        return Ok(obj.clone());
    }
    if is_atom(e, "$$") {
        return Ok(all_vars(b));
    }
    match e {
        Term::Tuple(_) => {
            let items = e.as_tuple().unwrap_or(&[]);
            match items {
                [Term::Atom(c), x] if &*c.name() == "const" => Ok(x.clone()),
                [inner @ Term::Tuple(_)] => {
                    let parts = inner.as_tuple().unwrap_or(&[]);
                    let vals = parts
                        .iter()
                        .map(|x| eval(p, x, obj, b))
                        .collect::<Result<Vec<_>, _>>()?;
                    Ok(Term::tuple(vals))
                }
                [Term::Atom(f), args @ ..] => call(p, &f.name(), args, obj, b),
                _ => Err(()),
            }
        }
        Term::Cons(c) => {
            let h = eval(p, &c.head, obj, b)?;
            let t = eval(p, &c.tail, obj, b)?;
            Ok(Term::cons(h, t))
        }
        Term::Map(m) => {
            let mut out = crate::term::MapT::new();
            for (k, v) in m.iter() {
                out.insert(eval(p, k, obj, b)?, eval(p, v, obj, b)?);
            }
            Ok(Term::map(out))
        }
        _ => Ok(e.clone()),
    }
}

fn truth(t: &Term) -> Result<bool, ()> {
    match t {
        Term::Atom(Atom::TRUE) => Ok(true),
        Term::Atom(Atom::FALSE) => Ok(false),
        _ => Err(()),
    }
}

fn call(p: &mut Proc, f: &str, args: &[Term], obj: &Term, b: &Bindings) -> Result<Term, ()> {
    // The short-circuit operators evaluate only what they need.
    match f {
        "andalso" => {
            for a in args {
                if !truth(&eval(p, a, obj, b)?)? {
                    return Ok(Term::FALSE);
                }
            }
            return Ok(Term::TRUE);
        }
        "orelse" => {
            for a in args {
                if truth(&eval(p, a, obj, b)?)? {
                    return Ok(Term::TRUE);
                }
            }
            return Ok(Term::FALSE);
        }
        _ => {}
    }
    let v = args.iter().map(|a| eval(p, a, obj, b)).collect::<Result<Vec<_>, _>>()?;
    let op = |o: Op2| crate::stdlib::kernel::op2(o, &v[0], &v[1]).map_err(|_| ());
    let bif = |p: &mut Proc, m: &str, n: &str, mut a: Vec<Term>| {
        let f = crate::stdlib::lookup(crate::stdlib::module_atom(m), Atom::new(n), a.len()).ok_or(())?;
        f(p, &mut a).map_err(|_| ())
    };
    let cmp = |o: fn(Ordering) -> bool| Ok(Term::bool(o(compare(&v[0], &v[1]))));
    match (f, v.len()) {
        ("is_atom", 1) => Ok(Term::bool(matches!(v[0], Term::Atom(_)))),
        ("is_float", 1) => Ok(Term::bool(matches!(v[0], Term::Float(_)))),
        ("is_integer", 1) => Ok(Term::bool(int(&v[0]))),
        ("is_number", 1) => Ok(Term::bool(num(&v[0]))),
        ("is_list", 1) => Ok(Term::bool(matches!(v[0], Term::Cons(_) | Term::EmptyList))),
        ("is_pid", 1) => Ok(Term::bool(matches!(v[0], Term::Pid(_)))),
        ("is_port", 1) => Ok(Term::FALSE),
        ("is_reference", 1) => Ok(Term::bool(matches!(v[0], Term::Ref(_)))),
        ("is_tuple", 1) => Ok(Term::bool(matches!(v[0], Term::Tuple(_)))),
        ("is_map", 1) => Ok(Term::bool(matches!(v[0], Term::Map(_)))),
        ("is_binary", 1) => Ok(Term::bool(matches!(v[0], Term::Bin(_)))),
        ("is_bitstring", 1) => Ok(Term::bool(matches!(v[0], Term::Bin(_) | Term::Bits(_)))),
        ("is_boolean", 1) => Ok(Term::bool(matches!(v[0], Term::Atom(Atom::TRUE | Atom::FALSE)))),
        ("is_function", 1) => Ok(Term::bool(matches!(v[0], Term::Fun(_)))),
        ("is_function", 2) => bif(p, "Kernel", "is_function", v),
        (">", 2) => cmp(|o| o == Ordering::Greater),
        (">=", 2) => cmp(|o| o != Ordering::Less),
        ("<", 2) => cmp(|o| o == Ordering::Less),
        ("=<", 2) => cmp(|o| o != Ordering::Greater),
        ("==", 2) => cmp(|o| o == Ordering::Equal),
        ("/=", 2) => cmp(|o| o != Ordering::Equal),
        ("=:=", 2) => Ok(Term::bool(v[0] == v[1])),
        ("=/=", 2) => Ok(Term::bool(v[0] != v[1])),
        ("+", 2) => op(Op2::AddInline),
        ("-", 2) => op(Op2::SubInline),
        ("*", 2) => op(Op2::MulInline),
        ("/", 2) => op(Op2::DivInline),
        ("div", 2) => op(Op2::IntDiv),
        ("rem", 2) => op(Op2::Rem),
        ("-", 1) if num(&v[0]) => crate::stdlib::kernel::op2(Op2::SubInline, &Term::Int(0), &v[0]).map_err(|_| ()),
        ("+", 1) if num(&v[0]) => Ok(v[0].clone()),
        ("band" | "bor" | "bxor" | "bsl" | "bsr" | "bnot", _) => bif(p, "Bitwise", f, v),
        ("and" | "or" | "xor", _) => {
            let bs = v.iter().map(truth).collect::<Result<Vec<_>, _>>()?;
            Ok(Term::bool(match f {
                "and" => bs.iter().all(|x| *x),
                "or" => bs.iter().any(|x| *x),
                _ => bs.iter().filter(|x| **x).count() % 2 == 1,
            }))
        }
        ("not", 1) => Ok(Term::bool(!truth(&v[0])?)),
        ("element", 2) => match (&v[0], v[1].as_tuple()) {
            (Term::Int(i), Some(t)) if *i >= 1 && (*i as usize) <= t.len() => Ok(t[*i as usize - 1].clone()),
            _ => Err(()),
        },
        ("hd", 1) => match &v[0] {
            Term::Cons(c) => Ok(c.head.clone()),
            _ => Err(()),
        },
        ("tl", 1) => match &v[0] {
            Term::Cons(c) => Ok(c.tail.clone()),
            _ => Err(()),
        },
        ("length", 1) => v[0].list_to_vec().map(|l| Term::Int(l.len() as i64)).ok_or(()),
        ("tuple_size", 1) => v[0].as_tuple().map(|t| Term::Int(t.len() as i64)).ok_or(()),
        ("size", 1) => match &v[0] {
            Term::Bin(x) => Ok(Term::Int(x.len() as i64)),
            t => t.as_tuple().map(|t| Term::Int(t.len() as i64)).ok_or(()),
        },
        ("byte_size", 1) => match &v[0] {
            Term::Bin(x) => Ok(Term::Int(x.len() as i64)),
            Term::Bits(x) => Ok(Term::Int(x.len().div_ceil(8) as i64)),
            _ => Err(()),
        },
        ("bit_size", 1) => match &v[0] {
            Term::Bin(x) => Ok(Term::Int(8 * x.len() as i64)),
            Term::Bits(x) => Ok(Term::Int(x.len() as i64)),
            _ => Err(()),
        },
        ("map_size", 1) => v[0].as_map().map(|m| Term::Int(m.len() as i64)).ok_or(()),
        ("map_get", 2) => v[1].as_map().and_then(|m| m.get(&v[0]).cloned()).ok_or(()),
        ("is_map_key", 2) => v[1].as_map().map(|m| Term::bool(m.contains_key(&v[0]))).ok_or(()),
        ("abs" | "round" | "trunc", 1) => bif(p, "Kernel", f, v),
        ("float", 1) => match &v[0] {
            Term::Int(i) => Ok(Term::Float(*i as f64)),
            Term::Float(_) => Ok(v[0].clone()),
            _ => Err(()),
        },
        ("self", 0) => Ok(Term::Pid(p.pid())),
        ("node", _) => Ok(Term::atom("nonode@nohost")),
        _ => Err(()),
    }
}

/// What a clause makes of `obj`: `None` when it does not match or a guard fails.
fn run_clause(p: &mut Proc, c: &Clause, obj: &Term) -> Option<Term> {
    let mut b = Vec::new();
    if !pmatch(&c.pattern, obj, &mut b) {
        return None;
    }
    for g in &c.guards {
        if eval(p, g, obj, &b).ok()? != Term::TRUE {
            return None;
        }
    }
    let mut result = Term::NIL;
    for e in &c.body {
        match eval(p, e, obj, &b) {
            Ok(v) => result = v,
            Err(()) => return Some(Term::Atom(Atom::EXIT)),
        }
    }
    Some(result)
}

/// What the first clause of `spec` that matches `obj` makes of it.
pub(crate) fn run_spec(p: &mut Proc, spec: &[Clause], obj: &Term) -> Option<Term> {
    spec.iter().find_map(|c| run_clause(p, c, obj))
}

/// The objects a select over `tab` looks at, in its order (read under the lock, matched after).
fn select_objects(me: Pid, name: &str, args: &[Term]) -> R<Vec<Term>> {
    with(me, name, args, false, |t| Ok(t.listed()))
}

// ---------------------------------------------------------------------------
// The BIFs

fn new(p: &mut Proc, a: &[Term]) -> R<Term> {
    let bad = |c: Cause| fail("new", a, c);
    let Term::Atom(name) = &a[0] else {
        return bad(Cause::None);
    };
    let Some(opts) = a[1].list_to_vec() else {
        return bad(Cause::None);
    };
    let mut t = Table {
        tid: Ref(0),
        name: *name,
        named: false,
        kind: Kind::Set,
        access: Access::Protected,
        keypos: 1,
        owner: p.pid(),
        heir: None,
        read_concurrency: false,
        write_concurrency: false,
        decentralized: false,
        compressed: false,
        data: Data::Hash(HashTab::new()),
    };
    for o in &opts {
        match o {
            Term::Atom(x) => match &*x.name() {
                "set" => t.kind = Kind::Set,
                "ordered_set" => t.kind = Kind::OrderedSet,
                "bag" => t.kind = Kind::Bag,
                "duplicate_bag" => t.kind = Kind::DuplicateBag,
                "public" => t.access = Access::Public,
                "protected" => t.access = Access::Protected,
                "private" => t.access = Access::Private,
                "named_table" => t.named = true,
                "compressed" => t.compressed = true,
                _ => return bad(Cause::None),
            },
            _ => match o.as_tuple() {
                Some([Term::Atom(k), Term::Int(n)]) if &*k.name() == "keypos" && *n >= 1 => t.keypos = *n as usize,
                Some([Term::Atom(k), v]) if &*k.name() == "heir" && is_atom(v, "none") => t.heir = None,
                Some([Term::Atom(k), Term::Pid(pid), data]) if &*k.name() == "heir" => {
                    t.heir = Some((*pid, data.clone()))
                }
                Some([Term::Atom(k), Term::Atom(v @ (Atom::TRUE | Atom::FALSE))]) => {
                    let on = *v == Atom::TRUE;
                    match &*k.name() {
                        "read_concurrency" => t.read_concurrency = on,
                        "write_concurrency" => t.write_concurrency = on,
                        "decentralized_counters" => t.decentralized = on,
                        _ => return bad(Cause::None),
                    }
                }
                Some([Term::Atom(k), v]) if &*k.name() == "write_concurrency" && is_atom(v, "auto") => {
                    t.write_concurrency = true
                }
                _ => return bad(Cause::None),
            },
        }
    }
    if t.kind == Kind::OrderedSet {
        t.data = Data::Tree(BTreeMap::new());
    }
    let mut e = ets();
    if t.named && e.names.contains_key(name) {
        drop(e);
        return bad(Cause::AlreadyExists);
    }
    t.tid = runtime::make_ref_in(&p.me);
    let id = tid_term(&t);
    if t.named {
        e.names.insert(*name, t.tid);
    }
    e.tables.insert(t.tid, t);
    Ok(id)
}

/// The objects `insert/2` and `insert_new/2` were given, if they are valid for `t`.
fn objects(t: &Table, o: &Term) -> Option<Vec<Term>> {
    let v = match o {
        Term::Tuple(_) => vec![o.clone()],
        _ => o.list_to_vec()?,
    };
    v.iter()
        .all(|x| x.as_tuple().is_some_and(|x| x.len() >= t.keypos))
        .then_some(v)
}

fn insert(p: &mut Proc, a: &[Term], only_new: bool) -> R<Term> {
    let name = if only_new { "insert_new" } else { "insert" };
    with(p.pid(), name, a, true, |t| {
        let objs = objects(t, &a[1]).ok_or(Cause::None)?;
        if only_new {
            if objs.iter().any(|o| t.has_key(t.key(o))) {
                return Ok(Term::FALSE);
            }
            // Within one list, a key's first object wins.
            let mut seen: Vec<Term> = Vec::new();
            for o in objs {
                let k = t.key(&o).clone();
                if !seen.contains(&k) || t.kind == Kind::DuplicateBag || t.kind == Kind::Bag {
                    seen.push(k);
                    t.insert(o);
                }
            }
            return Ok(Term::TRUE);
        }
        for o in objs {
            t.insert(o);
        }
        Ok(Term::TRUE)
    })
}

fn lookup_element(p: &mut Proc, a: &[Term]) -> R<Term> {
    with(p.pid(), "lookup_element", a, false, |t| {
        let Term::Int(pos) = a[2] else { return Err(Cause::None) };
        if pos < 1 {
            return Err(Cause::None);
        }
        let objs = t.lookup(&a[1]);
        if objs.is_empty() {
            return Err(Cause::BadKey);
        }
        let pos = pos as usize;
        let mut out = Vec::new();
        for o in &objs {
            let items = o.as_tuple().unwrap_or(&[]);
            out.push(items.get(pos - 1).cloned().ok_or(Cause::None)?);
        }
        Ok(match t.kind {
            Kind::Set | Kind::OrderedSet => out.swap_remove(0),
            _ => Term::list(out),
        })
    })
}

/// One counter update of `update_counter`: `(pos, incr, threshold and set value)`.
type CounterOp = (i64, Term, Option<(Term, Term)>);

fn counter_op(t: &Term, keypos: usize) -> Option<CounterOp> {
    match t {
        Term::Int(_) | Term::BigInt(_) => Some((keypos as i64 + 1, t.clone(), None)),
        _ => match t.as_tuple()? {
            [Term::Int(p), i] if int(i) => Some((*p, i.clone(), None)),
            [Term::Int(p), i, th, s] if int(i) && int(th) && int(s) => {
                Some((*p, i.clone(), Some((th.clone(), s.clone()))))
            }
            _ => None,
        },
    }
}

fn update_counter(p: &mut Proc, a: &[Term]) -> R<Term> {
    let name = "update_counter";
    with(p.pid(), name, a, true, |t| {
        if !matches!(t.kind, Kind::Set | Kind::OrderedSet) {
            return Err(Cause::TableType);
        }
        let (ops, single) = match &a[2] {
            Term::Int(_) | Term::BigInt(_) | Term::Tuple(_) => (vec![a[2].clone()], true),
            l if l.is_list() => (l.list_to_vec().ok_or(Cause::Access)?, false),
            _ => return Err(Cause::None),
        };
        // A malformed list or tuple operation fails with the table's cause, as the BEAM's does.
        let ops = ops
            .iter()
            .map(|o| counter_op(o, t.keypos))
            .collect::<Option<Vec<_>>>()
            .ok_or(Cause::Access)?;
        let key = &a[1];
        let mut obj = match t.lookup(key).into_iter().next() {
            Some(o) => o,
            None => match a.get(3) {
                None => return Err(Cause::BadKey),
                Some(d) => {
                    let items = d.as_tuple().ok_or(Cause::None)?;
                    if items.len() < t.keypos {
                        return Err(if single { Cause::Position } else { Cause::Access });
                    }
                    let mut items = items.to_vec();
                    items[t.keypos - 1] = key.clone();
                    Term::tuple(items)
                }
            },
        };
        let mut results = Vec::new();
        for (pos, incr, limit) in ops {
            let size = obj.as_tuple().map_or(0, |x| x.len()) as i64;
            if pos == t.keypos as i64 {
                return Err(if single { Cause::KeyPos } else { Cause::Access });
            }
            if pos < 1 || pos > size {
                return Err(if single { Cause::Position } else { Cause::Access });
            }
            let mut items = obj.as_tuple().unwrap_or(&[]).to_vec();
            let old = &items[pos as usize - 1];
            if !int(old) {
                return Err(if single { Cause::None } else { Cause::Access });
            }
            let mut v = crate::stdlib::kernel::op2(Op2::AddInline, old, &incr).map_err(|_| Cause::None)?;
            if let Some((th, set)) = limit {
                let up = compare(&incr, &Term::Int(0)) != Ordering::Less;
                let over = compare(&v, &th);
                if (up && over == Ordering::Greater) || (!up && over == Ordering::Less) {
                    v = set;
                }
            }
            items[pos as usize - 1] = v.clone();
            obj = Term::tuple(items);
            results.push(v);
        }
        t.replace(key, obj.clone());
        if !t.has_key(key) {
            t.insert(obj);
        }
        Ok(if single && !a[2].is_list() {
            results.swap_remove(0)
        } else {
            Term::list(results)
        })
    })
}

fn update_element(p: &mut Proc, a: &[Term]) -> R<Term> {
    with(p.pid(), "update_element", a, true, |t| {
        if !matches!(t.kind, Kind::Set | Kind::OrderedSet) {
            return Err(Cause::TableType);
        }
        let (specs, single) = match &a[2] {
            Term::Tuple(_) => (vec![a[2].clone()], true),
            l if l.is_list() => (l.list_to_vec().ok_or(Cause::Access)?, false),
            _ => return Err(Cause::Access),
        };
        let specs = specs
            .iter()
            .map(|s| match s.as_tuple() {
                Some([Term::Int(p), v]) => Some((*p, v.clone())),
                _ => None,
            })
            .collect::<Option<Vec<_>>>()
            .ok_or(Cause::Access)?;
        let Some(obj) = t.lookup(&a[1]).into_iter().next() else {
            return Ok(Term::FALSE);
        };
        let mut items = obj.as_tuple().unwrap_or(&[]).to_vec();
        for (pos, v) in specs {
            if pos == t.keypos as i64 {
                return Err(if single { Cause::KeyPos } else { Cause::Access });
            }
            if pos < 1 || pos as usize > items.len() {
                return Err(if single { Cause::None } else { Cause::Access });
            }
            items[pos as usize - 1] = v;
        }
        t.replace(&a[1], Term::tuple(items));
        Ok(Term::TRUE)
    })
}

fn info_item(t: &Table, item: &str) -> Option<Term> {
    Some(match item {
        "id" => Term::Ref(t.tid),
        "decentralized_counters" => Term::bool(t.decentralized),
        "read_concurrency" => Term::bool(t.read_concurrency),
        "write_concurrency" => Term::bool(t.write_concurrency),
        "compressed" => Term::bool(t.compressed),
        "memory" => Term::Int(t.memory()),
        "owner" => Term::Pid(t.owner),
        "heir" => match &t.heir {
            Some((pid, _)) => Term::Pid(*pid),
            None => Term::atom("none"),
        },
        "name" => Term::Atom(t.name),
        "size" => Term::Int(t.size() as i64),
        "node" => Term::atom("nonode@nohost"),
        "named_table" => Term::bool(t.named),
        "type" => Term::atom(t.kind.name()),
        "keypos" => Term::Int(t.keypos as i64),
        "protection" => Term::atom(match t.access {
            Access::Public => "public",
            Access::Protected => "protected",
            Access::Private => "private",
        }),
        "fixed" => Term::FALSE,
        "safe_fixed" | "safe_fixed_monotonic_time" => Term::FALSE,
        "stats" => return None,
        _ => return None,
    })
}

const INFO_ITEMS: [&str; 15] = [
    "id",
    "decentralized_counters",
    "read_concurrency",
    "write_concurrency",
    "compressed",
    "memory",
    "owner",
    "heir",
    "name",
    "size",
    "node",
    "named_table",
    "type",
    "keypos",
    "protection",
];

fn info(a: &[Term]) -> R<Term> {
    let e = ets();
    let tid = match resolve(&e, &a[0]) {
        Ok(tid) => tid,
        Err(Cause::Id) => return Ok(Term::atom("undefined")),
        Err(c) => {
            drop(e);
            return fail("info", a, c);
        }
    };
    let t = &e.tables[&tid];
    match a.get(1) {
        None => Ok(Term::list(
            INFO_ITEMS
                .iter()
                .filter_map(|i| info_item(t, i).map(|v| Term::tuple(vec![Term::atom(i), v])))
                .collect::<Vec<_>>(),
        )),
        Some(Term::Atom(item)) => match info_item(t, &item.name()) {
            Some(v) => Ok(v),
            None => {
                drop(e);
                fail("info", a, Cause::None)
            }
        },
        Some(_) => {
            drop(e);
            fail("info", a, Cause::None)
        }
    }
}

fn select_like(p: &mut Proc, name: &str, a: &[Term], spec: &Term) -> R<Vec<Term>> {
    let objs = select_objects(p.pid(), name, a)?;
    let Some(spec) = compile(spec) else {
        return fail(name, a, Cause::None);
    };
    Ok(objs.iter().filter_map(|o| run_spec(p, &spec, o)).collect())
}

/// `select_delete/2`: deletes what the specification answers `true` for.
fn select_delete(p: &mut Proc, a: &[Term], bif: &str, args: &[Term]) -> R<Term> {
    let me = p.pid();
    let objs = with(me, bif, args, true, |t| Ok(t.listed()))?;
    let Some(spec) = compile(&a[1]) else {
        return fail(bif, args, Cause::None);
    };
    let doomed: Vec<Term> = objs
        .into_iter()
        .filter(|o| run_spec(p, &spec, o) == Some(Term::TRUE))
        .collect();
    let n = doomed.len();
    with(me, bif, args, true, |t| {
        for o in &doomed {
            let k = t.key(o).clone();
            // One object each: a duplicate bag's equal copies are counted one by one.
            let mut once = true;
            t.remove_where(&k, |x| {
                let hit = once && x == o;
                once &= !hit;
                hit
            });
        }
        Ok(())
    })?;
    Ok(Term::Int(n as i64))
}

fn delete_all(p: &mut Proc, a: &[Term]) -> R<Term> {
    let args = [a[0].clone(), Term::atom("undefined")];
    with(p.pid(), "internal_delete_all", &args, true, |t| {
        t.clear();
        Ok(Term::TRUE)
    })
}

fn fold(p: &mut Proc, a: &[Term], right: bool) -> R<Term> {
    let (fun, mut acc) = (a[0].clone(), a[1].clone());
    let name = if right { "foldr" } else { "foldl" };
    let fix = [a[2].clone(), Term::TRUE];
    let groups = in_erlang(
        with(p.pid(), "safe_fixtable", &fix, false, |t| {
            let mut keys = Vec::new();
            let mut k = if right { t.last() } else { t.first() };
            while let Some(key) = k {
                let objs = t.lookup(&key);
                k = if right {
                    t.prev(&key).ok().flatten()
                } else {
                    t.next(&key).ok().flatten()
                };
                keys.push(objs);
            }
            Ok(keys)
        }),
        name,
        3,
        if right { 659 } else { 632 },
    )?;
    for objs in groups {
        let it: Box<dyn Iterator<Item = Term>> = if right {
            Box::new(objs.into_iter().rev())
        } else {
            Box::new(objs.into_iter())
        };
        for o in it {
            acc = p.callback(&fun, [o, acc]).map_err(|e| fold_frames(e, right))?;
        }
    }
    Ok(acc)
}

/// The frames `lists:foldl/3` and `ets:do_foldl/4` leave under a fold's fun that raised.
#[cold]
fn fold_frames(mut e: Box<ex::Exc>, right: bool) -> Box<ex::Exc> {
    if let Some(st) = e.stack_mut()
        && !st.complete
        && std::mem::take(&mut st.from_callback)
    {
        st.pending_line = 0;
        // `lists:foldr/3` calls the fun in tail position: it leaves no frame.
        let frames: &[(&str, &str, &str, usize, u32)] = if right {
            &[
                ("ets", "do_foldr", "ets.erl", 4, 673),
                ("ets", "foldr", "ets.erl", 3, 662),
            ]
        } else {
            &[
                ("lists", "foldl", "lists.erl", 3, 1350),
                ("ets", "do_foldl", "ets.erl", 4, 646),
                ("ets", "foldl", "ets.erl", 3, 635),
            ]
        };
        for &(m, f, file, arity, line) in frames {
            let (m, f) = (Atom::new(m), Atom::new(f));
            st.entries.push(Arc::new(StackEntry {
                file: format!("(stdlib 4.2) {file}").into(),
                line,
                what: ex::format_mfa(m, f, arity),
                mfa: Some((m, f, arity)),
                args: None,
            }));
        }
    }
    e
}

fn walk_step(p: &mut Proc, name: &str, a: &[Term]) -> R<Term> {
    let eot = || Term::atom("$end_of_table");
    with(p.pid(), name, a, false, |t| {
        let r = match name {
            "first" => Ok(t.first()),
            "last" => Ok(t.last()),
            "next" => t.next(&a[1]),
            _ => t.prev(&a[1]),
        };
        r.map(|k| k.unwrap_or_else(eot)).map_err(|()| Cause::BadKey)
    })
}

fn give_away(p: &mut Proc, a: &[Term]) -> R<Term> {
    let me = p.pid();
    let r = {
        let mut e = ets();
        match resolve(&e, &a[0]) {
            Err(c) => Err(c),
            Ok(tid) => {
                let t = e.tables.get_mut(&tid).expect("resolved");
                match &a[1] {
                    _ if t.owner != me => Err(Cause::NotOwner),
                    Term::Pid(to) if *to == me => Err(Cause::Owner),
                    Term::Pid(to) if runtime::is_alive(*to) => {
                        t.owner = *to;
                        Ok((*to, tid_term(t)))
                    }
                    _ => Err(Cause::None),
                }
            }
        }
    };
    match r {
        Ok((to, tab)) => {
            runtime::send(to, transfer(tab, me, a[2].clone()));
            Ok(Term::TRUE)
        }
        Err(c) => fail("give_away", a, c),
    }
}

fn rename(p: &mut Proc, a: &[Term]) -> R<Term> {
    let me = p.pid();
    let r = {
        let mut e = ets();
        match (resolve(&e, &a[0]), &a[1]) {
            (Err(c), _) => Err(c),
            (Ok(_), new) if !matches!(new, Term::Atom(_)) => Err(Cause::None),
            (Ok(tid), new) => {
                let new = new.as_atom().expect("an atom");
                let Ets { tables, names } = &mut *e;
                let t = tables.get_mut(&tid).expect("resolved");
                if t.owner != me && t.access != Access::Public {
                    Err(Cause::Access)
                } else if t.named && names.contains_key(&new) {
                    Err(Cause::None)
                } else {
                    if t.named {
                        names.remove(&t.name);
                        names.insert(new, tid);
                    }
                    t.name = new;
                    Ok(tid_term(t))
                }
            }
        }
    };
    match r {
        Ok(v) => Ok(v),
        Err(c) => fail("rename", a, c),
    }
}

pub fn register(r: &mut Registry) {
    r.add(":ets", "new", 2, |p, a| new(p, a));
    r.add(":ets", "insert", 2, |p, a| insert(p, a, false));
    r.add(":ets", "insert_new", 2, |p, a| insert(p, a, true));
    r.add(":ets", "lookup", 2, |p, a| {
        with(p.pid(), "lookup", a, false, |t| Ok(Term::list(t.lookup(&a[1]))))
    });
    r.add(":ets", "lookup_element", 3, |p, a| lookup_element(p, a));
    r.add(":ets", "member", 2, |p, a| {
        with(p.pid(), "member", a, false, |t| Ok(Term::bool(t.has_key(&a[1]))))
    });
    r.add(":ets", "delete", 1, |p, a| {
        let me = p.pid();
        let r = {
            let mut e = ets();
            match resolve(&e, &a[0]) {
                Err(c) => Err(c),
                Ok(tid) => {
                    let t = &e.tables[&tid];
                    if t.owner != me && t.access != Access::Public {
                        Err(Cause::Access)
                    } else {
                        let (named, name) = (t.named, t.name);
                        e.tables.remove(&tid);
                        if named {
                            e.names.remove(&name);
                        }
                        Ok(Term::TRUE)
                    }
                }
            }
        };
        r.or_else(|c| fail("delete", a, c))
    });
    r.add(":ets", "delete", 2, |p, a| {
        with(p.pid(), "delete", a, true, |t| {
            t.remove_where(&a[1], |_| true);
            Ok(Term::TRUE)
        })
    });
    r.add(":ets", "delete_object", 2, |p, a| {
        with(p.pid(), "delete_object", a, true, |t| {
            let Some(items) = a[1].as_tuple() else {
                return Err(Cause::None);
            };
            if items.len() < t.keypos {
                return Err(Cause::None);
            }
            let o = &a[1];
            t.remove_where(&items[t.keypos - 1], |x| x == o);
            Ok(Term::TRUE)
        })
    });
    r.add(":ets", "delete_all_objects", 1, |p, a| {
        in_erlang(delete_all(p, a), "delete_all_objects", 1, 126)
    });
    r.add(":ets", "update_counter", 3, |p, a| update_counter(p, a));
    r.add(":ets", "update_counter", 4, |p, a| update_counter(p, a));
    r.add(":ets", "update_element", 3, |p, a| update_element(p, a));
    r.add(":ets", "take", 2, |p, a| {
        with(p.pid(), "take", a, true, |t| {
            let objs = t.lookup(&a[1]);
            t.remove_where(&a[1], |_| true);
            Ok(Term::list(objs))
        })
    });
    r.add(":ets", "tab2list", 1, |p, a| {
        let args = [a[0].clone(), Term::atom("_")];
        let r = with(p.pid(), "match_object", &args, false, |t| Ok(Term::list(t.listed())));
        in_erlang(r, "tab2list", 1, 771)
    });
    r.add(":ets", "first", 1, |p, a| walk_step(p, "first", a));
    r.add(":ets", "last", 1, |p, a| walk_step(p, "last", a));
    r.add(":ets", "next", 2, |p, a| walk_step(p, "next", a));
    r.add(":ets", "prev", 2, |p, a| walk_step(p, "prev", a));
    r.add(":ets", "info", 1, |_, a| info(a));
    r.add(":ets", "info", 2, |_, a| info(a));
    r.add(":ets", "whereis", 1, |_, a| match &a[0] {
        Term::Atom(n) => Ok(ets()
            .names
            .get(n)
            .map(|r| Term::Ref(*r))
            .unwrap_or_else(|| Term::atom("undefined"))),
        _ => fail("whereis", a, Cause::None),
    });
    r.add(":ets", "all", 0, |_, _| {
        let e = ets();
        let mut ts: Vec<&Table> = e.tables.values().collect();
        ts.sort_by_key(|t| std::cmp::Reverse(t.tid.0));
        Ok(Term::list(ts.into_iter().map(tid_term).collect::<Vec<_>>()))
    });
    r.add(":ets", "rename", 2, |p, a| rename(p, a));
    r.add(":ets", "give_away", 3, |p, a| give_away(p, a));
    r.add(":ets", "foldl", 3, |p, a| fold(p, a, false));
    r.add(":ets", "foldr", 3, |p, a| fold(p, a, true));
    r.add(":ets", "select", 2, |p, a| {
        let spec = a[1].clone();
        Ok(Term::list(select_like(p, "select", a, &spec)?))
    });
    r.add(":ets", "select_count", 2, |p, a| {
        let spec = a[1].clone();
        let n = select_like(p, "select_count", a, &spec)?
            .iter()
            .filter(|v| **v == Term::TRUE)
            .count();
        Ok(Term::Int(n as i64))
    });
    r.add(":ets", "match", 2, |p, a| {
        let spec = one_clause(a[1].clone(), Term::atom("$$"));
        Ok(Term::list(select_like(p, "match", a, &spec)?))
    });
    r.add(":ets", "match_object", 2, |p, a| {
        let spec = one_clause(a[1].clone(), Term::atom("$_"));
        Ok(Term::list(select_like(p, "match_object", a, &spec)?))
    });
    r.add(":ets", "select_delete", 2, |p, a| select_delete_entry(p, a));
    r.add(":ets", "match_delete", 2, |p, a| {
        let spec = one_clause(a[1].clone(), Term::TRUE);
        let args = [a[0].clone(), spec];
        let r = select_delete_entry(p, &args).map(|_| Term::TRUE);
        in_erlang(r, "match_delete", 2, 761)
    });
}

/// The match specification `[{pattern, [], [result]}]` that `match/2`,
/// `match_object/2` and the deletes are written as.
fn one_clause(pattern: Term, result: Term) -> Term {
    Term::list(vec![Term::tuple(vec![
        pattern,
        Term::EmptyList,
        Term::list(vec![result]),
    ])])
}

/// `select_delete/2` as OTP writes it: deleting everything is `internal_delete_all/2`.
fn select_delete_entry(p: &mut Proc, a: &[Term]) -> R<Term> {
    let all = one_clause(Term::atom("_"), Term::TRUE);
    if a[1] == all {
        let args = [a[0].clone(), Term::atom("undefined")];
        let r = with(p.pid(), "internal_delete_all", &args, true, |t| {
            let n = t.size();
            t.clear();
            Ok(Term::Int(n as i64))
        });
        return in_erlang(r, "select_delete", 2, 399);
    }
    let args = [a[0].clone(), a[1].clone()];
    in_erlang(
        select_delete(p, a, "internal_select_delete", &args),
        "select_delete",
        2,
        401,
    )
}
