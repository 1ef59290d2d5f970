//! The order in which the BEAM (OTP 25) walks a map of more than 32 keys.
//!
//! A map of up to 32 keys is a flat map on the BEAM, its keys sorted in
//! exact term order: the order [`MapT`] keeps every map in, so nothing
//! happens here for it. A bigger map is a hash array mapped trie (HAMT): a
//! key's place is the path of 4-bit slots its hash picks, level by level.
//! Level `l` takes the nibble `l % 8` (lowest first) of the key's hash of
//! round `l / 8` ([`key_hash`]): 32 bits serve eight levels, and keys
//! that agree on all of them go on with the next round's hash.
//!
//! The walks the user sees come in two directions:
//! - `maps:to_list`, `maps:keys`, `maps:values` (and so `Map.to_list`,
//!   `Map.keys`, `inspect`, `Enumerable.reduce`, `Enum.to_list`/`take`/
//!   `find`/`at` …) list the slots from the highest down: [`entries`], the
//!   paths in descending order;
//! - `maps:fold` and `maps:iterator` (and so `Enum.reduce/3` and what is
//!   built on it, `for`, `Map.filter`/`reject`/`new/2`) walk the slots
//!   upwards: [`fold_entries`], the reverse (a flat map goes in term order
//!   both ways).
//!
//! **Invariants:** a map is a HAMT exactly when it has more than
//! [`FLAT_MAX`] keys (the BEAM turns a map that shrinks back to 32 keys into
//! a flat map again), so the order depends on the set of keys only, not on
//! how the map was built; term order stays the order of comparisons, `===`,
//! equality and sorting. Nothing is cached: a walk of a large map hashes its
//! keys and radix-sorts them by their first eight levels (entries whose
//! first hash ties compare the next rounds', which is rare); a walk of a
//! small map is the `OrdMap`'s own iterator.
//!
//! [`key_hash`] is `make_internal_hash`, the runtime's internal hash, which
//! shares the Jenkins mix and the treatment of binaries, big integers and
//! floats with `phash2` ([`super::phash`]) but starts from a salt and hashes
//! the *immediate* terms (integers of up to 60 bits, atoms, pids, `[]`) from
//! their 64-bit machine word, lists in 4-byte runs with cell markers, and a
//! map key pair by pair in its own walk order. What cannot match: the BEAM's
//! word for an atom holds the atom's index in its atom table, which depends
//! on the order the VM created its atoms in (boot, loaded modules, the
//! script's own text), so an atom here stands in with the `hashpjw` of its
//! name: maps of more than 32 atom keys (or keys holding atoms) come out in a
//! stable order, but not Elixir's. Pids and references are this runtime's own
//! numbers, and a fun's hash mixes its module's atom index and (for `&M.f/a`)
//! a code address, so those keys cannot match either.

use std::cmp::Ordering;

use num_bigint::Sign;

use super::phash::{
    HCONST, HCONST_4, HCONST_7, HCONST_9, HCONST_12, HCONST_14, HCONST_16, atom_hash, binary, hash1, hash2, hconst,
    wide_int,
};
use super::{Fun, MapT, Term};

/// The most keys a map has while the BEAM keeps it flat (`MAP_SMALL_MAP_LIMIT`).
pub const FLAT_MAX: usize = 32;

/// The hash's starting point, so that it differs from `phash2`'s.
const INTERNAL_SALT: u32 = 3_432_918_353;
const HCONST_8: u32 = hconst(8);
const HCONST_17: u32 = hconst(17);
const HCONST_18: u32 = hconst(18);
const HCONST_20: u32 = hconst(20);
const HCONST_21: u32 = hconst(21);
const HCONST_22: u32 = hconst(22);

/// Rounds of hashing tried before two keys are ordered by term order: the
/// BEAM would go on, but 128 bits of agreement do not happen by chance.
const MAX_ROUNDS: u32 = 4;

/// The machine word of `[]`.
const NIL_WORD: u64 = 0x3B;

/// The entries of `m` in `maps:to_list` order.
pub fn entries(m: &MapT) -> Entries<'_> {
    walk(m, true)
}

/// The entries of `m` in `maps:fold` (and `maps:iterator`) order: term
/// order for a flat map, like [`entries`], but upwards through a trie.
pub fn fold_entries(m: &MapT) -> Entries<'_> {
    walk(m, false)
}

fn walk(m: &MapT, downwards: bool) -> Entries<'_> {
    if m.len() <= FLAT_MAX {
        return Entries(Walk::Flat(m.iter()));
    }
    let v: Vec<(u32, (&Term, &Term))> = m.iter().map(|kv| (path_key(key_hash(kv.0, 0)), kv)).collect();
    let mut v = radix_sort(v);
    // Keys whose first hashes tie (rare) are ordered by the next rounds.
    let mut i = 0;
    while i < v.len() {
        let j = i + v[i..].iter().take_while(|e| e.0 == v[i].0).count();
        if j - i > 1 {
            v[i..j].sort_by(|a, b| deeper(a.1.0, b.1.0));
        }
        i = j;
    }
    if downwards {
        v.reverse();
    }
    Entries(Walk::Hamt(v.into_iter()))
}

/// Sorts by the first field, a byte at a time from the lowest (stable).
fn radix_sort<T: Copy>(mut v: Vec<(u32, T)>) -> Vec<(u32, T)> {
    let mut buf = v.clone();
    for shift in [0, 8, 16, 24] {
        let mut start = [0usize; 256];
        for e in &v {
            start[(e.0 >> shift) as usize & 0xFF] += 1;
        }
        if start.contains(&v.len()) {
            continue;
        }
        let mut at = 0;
        for slot in start.iter_mut() {
            (*slot, at) = (at, at + *slot);
        }
        for e in &v {
            let b = (e.0 >> shift) as usize & 0xFF;
            buf[start[b]] = *e;
            start[b] += 1;
        }
        std::mem::swap(&mut v, &mut buf);
    }
    v
}

/// A map's entries in the BEAM's order (see [`entries`]).
pub struct Entries<'a>(Walk<'a>);

enum Walk<'a> {
    Flat(<&'a MapT as IntoIterator>::IntoIter),
    Hamt(std::vec::IntoIter<(u32, (&'a Term, &'a Term))>),
}

impl<'a> Iterator for Entries<'a> {
    type Item = (&'a Term, &'a Term);
    fn next(&mut self) -> Option<Self::Item> {
        match &mut self.0 {
            Walk::Flat(it) => it.next(),
            Walk::Hamt(it) => it.next().map(|(_, kv)| kv),
        }
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        match &self.0 {
            Walk::Flat(it) => it.size_hint(),
            Walk::Hamt(it) => it.size_hint(),
        }
    }
}

impl DoubleEndedIterator for Entries<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        match &mut self.0 {
            Walk::Flat(it) => it.next_back(),
            Walk::Hamt(it) => it.next_back().map(|(_, kv)| kv),
        }
    }
}

impl ExactSizeIterator for Entries<'_> {}

/// A round's hash with its first slot in the highest nibble, so that paths
/// compare as numbers.
fn path_key(h: u32) -> u32 {
    let h = h.swap_bytes();
    ((h & 0x0F0F_0F0F) << 4) | ((h >> 4) & 0x0F0F_0F0F)
}

/// The order of two keys whose first hashes agree: by the later rounds.
fn deeper(a: &Term, b: &Term) -> Ordering {
    (1..MAX_ROUNDS)
        .map(|r| path_key(key_hash(a, r)).cmp(&path_key(key_hash(b, r))))
        .find(|o| o.is_ne())
        .unwrap_or_else(|| a.cmp(b))
}

/// The salt of a round: none for the first, then the hash of the one-byte
/// list `[round]`, as the runtime salts the levels past the eighth. Round 1
/// is checked against OTP 25 (keys whose first hashes collide); later rounds
/// need 64 colliding bits to be seen and follow the same rule.
fn round_salt(round: u32) -> u32 {
    if round == 0 {
        0
    } else {
        hash2(0, round & 0xFF, 1, HCONST_22)
    }
}

/// `make_internal_hash` of `term` for levels `8 * round` to `8 * round + 7`.
pub fn key_hash(term: &Term, round: u32) -> u32 {
    internal_hash(term, round_salt(round) ^ INTERNAL_SALT)
}

/// Lightweight mixing of a type constant (`CONST_HASH`).
fn const_hash(h: u32, c: u32) -> u32 {
    (h ^ c).rotate_left(17)
}

fn immediate(h: u32, word: u64) -> u32 {
    hash2(h, word as u32, (word >> 32) as u32, HCONST)
}

/// Integers that are immediate on a 64-bit BEAM (60 bits, signed).
fn is_small(i: i64) -> bool {
    (-(1 << 59)..(1 << 59)).contains(&i)
}

fn atom_word(a: super::Atom) -> u64 {
    (u64::from(atom_hash(a.name().as_bytes())) << 6) | 0x0B
}

enum Job<'a> {
    Term(&'a Term),
    /// A list's tail that is not a cell comes next (`HASH_CDR`).
    Cdr,
}

fn internal_hash(term: &Term, start: u32) -> u32 {
    let mut h = start;
    let mut stack: Vec<Job> = Vec::new();
    let mut next = Some(term);
    loop {
        while let Some(t) = next.take() {
            match t {
                Term::Int(i) if is_small(*i) => h = immediate(h, ((*i << 4) | 0xF) as u64),
                Term::Int(i) => h = wide_int(h, *i < 0, &[i.unsigned_abs()]),
                Term::BigInt(b) => {
                    let (sign, digits) = b.to_u64_digits();
                    h = wide_int(h, sign == Sign::Minus, &digits);
                }
                Term::Float(f) => {
                    // -0.0 hashes as 0.0; the low word goes first.
                    let bits = if *f == 0.0 { 0 } else { f.to_bits() };
                    h = hash2(h, bits as u32, (bits >> 32) as u32, HCONST_12);
                }
                Term::Atom(a) => h = immediate(h, atom_word(*a)),
                Term::Pid(p) => h = immediate(h, (p.0 << 4) | 0x3),
                Term::EmptyList => h = immediate(h, NIL_WORD),
                Term::Bin(b) => h = binary(h, b, 0, 0),
                Term::Bits(b) => {
                    let whole = b.len() / 8;
                    let data = b.data();
                    h = binary(h, &data[..whole], b.len() % 8, data.get(whole).copied().unwrap_or(0));
                }
                Term::Cons(c) => {
                    let (h2, rest) = list(h, &c.head, &c.tail, &mut stack);
                    h = h2;
                    next = Some(rest);
                }
                Term::Tuple(items) => {
                    h = hash1(h, items.len() as u32, HCONST_9);
                    if let Some((first, rest)) = items.split_first() {
                        stack.extend(rest.iter().rev().map(Job::Term));
                        next = Some(first);
                    }
                }
                Term::Map(m) => {
                    // Key, value, key, …, in the map's own walk order: the
                    // runtime walks a trie's slots from the highest down.
                    h = hash1(h, m.len() as u32, HCONST_16);
                    for (k, v) in entries(m).rev() {
                        stack.push(Job::Term(v));
                        stack.push(Job::Term(k));
                    }
                }
                Term::Ref(r) => {
                    let (a, b, c) = super::inspect::ref_numbers(r.0);
                    h = hash1(h, c as u32, HCONST_7);
                    h = hash2(h, b as u32, a as u32, HCONST_8);
                }
                Term::Fun(f) => match &**f {
                    Fun::External { module, name, arity } => {
                        // The BEAM hashes the address of the export entry.
                        let id = atom_hash(module.name().as_bytes()) ^ atom_hash(name.name().as_bytes()).rotate_left(7);
                        h = hash2(h, id, *arity as u32, HCONST_14);
                    }
                    Fun::Closure { code, env } => {
                        // The BEAM mixes the module's atom word and the fun's
                        // checksum, neither of which exists here.
                        h = hash2(h, env.len() as u32, 0, HCONST_20);
                        h = hash2(h, code.index, 0, HCONST_21);
                        if let Some((first, rest)) = env.split_first() {
                            stack.extend(rest.iter().rev().map(Job::Term));
                            next = Some(first);
                        }
                    }
                },
            }
        }
        match stack.pop() {
            None => return h,
            Some(Job::Term(t)) => next = Some(t),
            Some(Job::Cdr) => h = const_hash(h, HCONST_18),
        }
    }
}

/// Hashes a list from its first cell `[head | tail]`: runs of bytes four
/// to a word, then the first other element, whose cell is marked and whose
/// tail waits on the stack. Returns the term to hash next.
fn list<'a>(mut h: u32, mut head: &'a Term, mut tail: &'a Term, stack: &mut Vec<Job<'a>>) -> (u32, &'a Term) {
    let (mut run, mut count) = (0u32, 0u32);
    while let Term::Int(b @ 0..=255) = head {
        run = (run << 8) | *b as u32;
        if count == 3 {
            h = hash1(h, run, HCONST_4);
            (run, count) = (0, 0);
        } else {
            count += 1;
        }
        match tail {
            Term::Cons(c) => (head, tail) = (&c.head, &c.tail),
            _ => {
                if count > 0 {
                    h = hash2(h, run, count, HCONST_22);
                }
                return (h, tail);
            }
        }
    }
    if count > 0 {
        h = hash2(h, run, count, HCONST_22);
    }
    h = const_hash(h, HCONST_17);
    stack.push(Job::Term(tail));
    if !matches!(tail, Term::Cons(_)) {
        stack.push(Job::Cdr);
    }
    (h, head)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(m: &MapT) -> Vec<i64> {
        entries(m).map(|(k, _)| k.as_int().unwrap()).collect()
    }

    #[test]
    fn small_maps_keep_term_order() {
        let m: MapT = (1..=32).map(|i| (Term::Int(i), Term::Int(i))).collect();
        assert_eq!(keys(&m), (1..=32).collect::<Vec<_>>());
    }

    #[test]
    fn large_maps_walk_the_trie() {
        // `Map.keys(Map.new(1..40, &{&1, &1}))` on Elixir 1.14 / OTP 25.
        let m: MapT = (1..=40).map(|i| (Term::Int(i), Term::Int(i))).collect();
        let expected = [
            33, 12, 23, 29, 30, 39, 26, 31, 11, 37, 9, 32, 34, 25, 28, 6, 38, 13, 40, 20, 15, 14, 2, 7, 1, 8, 3, 17,
            22, 21, 4, 36, 24, 10, 35, 27, 19, 5, 18, 16,
        ];
        assert_eq!(keys(&m), expected);
        let mut back: Vec<i64> = fold_entries(&m).map(|(k, _)| k.as_int().unwrap()).collect();
        back.reverse();
        assert_eq!(back, expected);
        let small: MapT = (1..=3).map(|i| (Term::Int(i), Term::Int(i))).collect();
        let folded: Vec<i64> = fold_entries(&small).map(|(k, _)| k.as_int().unwrap()).collect();
        assert_eq!(folded, [1, 2, 3]);
    }

    #[test]
    fn colliding_keys_go_on_with_the_next_round() {
        // 37563 and -48642 share their first hash; OTP 25 lists 37563 first.
        assert_eq!(key_hash(&Term::Int(37563), 0), key_hash(&Term::Int(-48642), 0));
        let mut m: MapT = (1..=40).map(|i| (Term::Int(i), Term::Int(i))).collect();
        m.insert(Term::Int(-48642), Term::Int(0));
        m.insert(Term::Int(37563), Term::Int(0));
        let ks = keys(&m);
        let at = |x| ks.iter().position(|k| *k == x).unwrap();
        assert_eq!(at(37563) + 1, at(-48642));
    }

    #[test]
    fn path_key_reverses_nibbles() {
        assert_eq!(path_key(0x1234_5678), 0x8765_4321);
    }
}
