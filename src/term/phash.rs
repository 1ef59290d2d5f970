//! `:erlang.phash2/1,2`: the BEAM's portable term hash, bit for bit.
//!
//! The hash is Bob Jenkins' 1997 `lookup2` mix over 32-bit words, as
//! `make_hash2` in the runtime applies it: each kind of term mixes its own
//! constant (`HCONST * k`), a running value threads through the terms of a
//! compound in order, and a map's pairs are each hashed from zero and
//! combined by xor, so the order the runtime keeps them in (flat or a HAMT)
//! does not matter. Atoms start from the atom table's `hashpjw` of the name.
//!
//! What the BEAM hashes from its own memory cannot be reproduced: a `fn`'s
//! hash mixes its module and the checksum the compiler gave it, so a closure
//! here hashes its index and captured values with zeros in their place.
//! Pids and references hash their number as the BEAM does, but those numbers
//! are this runtime's own.
//!
//! The mix, the block hash of binaries, big integers and the constants are
//! shared (`pub(super)`) with `hamt.rs`, whose internal hash orders the keys
//! of large maps.

use num_bigint::Sign;

use super::{Fun, Term};

/// The golden-ratio constant times `k`: `HCONST_k`, the constant each
/// kind of term mixes in.
pub(super) const fn hconst(k: u32) -> u32 {
    0x9e37_79b9u32.wrapping_mul(k)
}

pub(super) const HCONST: u32 = hconst(1);
const HCONST_2: u32 = hconst(2);
const HCONST_3: u32 = hconst(3);
pub(super) const HCONST_4: u32 = hconst(4);
const HCONST_5: u32 = hconst(5);
pub(super) const HCONST_7: u32 = hconst(7);
pub(super) const HCONST_9: u32 = hconst(9);
pub(super) const HCONST_10: u32 = hconst(10);
pub(super) const HCONST_11: u32 = hconst(11);
pub(super) const HCONST_12: u32 = hconst(12);
const HCONST_13: u32 = hconst(13);
pub(super) const HCONST_14: u32 = hconst(14);
const HCONST_15: u32 = hconst(15);
pub(super) const HCONST_16: u32 = hconst(16);
const HCONST_19: u32 = hconst(19);

/// The hash of `[]` when it is the whole term.
const NIL_ALONE: u32 = 3_468_870_702;
/// The type number of `[]` (`NIL_DEF`), mixed when `[]` ends a compound.
const NIL_WORD: u32 = 2;

fn mix(a: u32, b: u32, c: u32) -> u32 {
    mix3(a, b, c).2
}

/// Mixes two words with a type constant into the running hash
/// (`UINT32_HASH_2`).
pub(super) fn hash2(h: u32, x: u32, y: u32, k: u32) -> u32 {
    mix(k.wrapping_add(x), k.wrapping_add(y), h)
}

pub(super) fn hash1(h: u32, x: u32, k: u32) -> u32 {
    hash2(h, x, 0, k)
}

fn le32(b: &[u8]) -> u32 {
    u32::from_le_bytes([b[0], b[1], b[2], b[3]])
}

/// Jenkins' block hash of `bytes`, seeded with `init`.
fn block_hash(bytes: &[u8], init: u32) -> u32 {
    let (mut a, mut b, mut c) = (HCONST, HCONST, init);
    let mut chunks = bytes.chunks_exact(12);
    for k in &mut chunks {
        a = a.wrapping_add(le32(&k[0..4]));
        b = b.wrapping_add(le32(&k[4..8]));
        c = c.wrapping_add(le32(&k[8..12]));
        (a, b, c) = mix3(a, b, c);
    }
    // Only the low 32 bits of the length take part, as on the BEAM.
    c = c.wrapping_add(bytes.len() as u32);
    let rest = chunks.remainder();
    for (i, &byte) in rest.iter().enumerate() {
        let v = u32::from(byte);
        match i {
            0..=3 => a = a.wrapping_add(v << (8 * i)),
            4..=7 => b = b.wrapping_add(v << (8 * (i - 4))),
            // The low byte of `c` holds the length.
            _ => c = c.wrapping_add(v << (8 * (i - 7))),
        }
    }
    mix3(a, b, c).2
}

/// The full mix, when all three words go on (the block hash).
fn mix3(mut a: u32, mut b: u32, mut c: u32) -> (u32, u32, u32) {
    a = a.wrapping_sub(b).wrapping_sub(c) ^ (c >> 13);
    b = b.wrapping_sub(c).wrapping_sub(a) ^ (a << 8);
    c = c.wrapping_sub(a).wrapping_sub(b) ^ (b >> 13);
    a = a.wrapping_sub(b).wrapping_sub(c) ^ (c >> 12);
    b = b.wrapping_sub(c).wrapping_sub(a) ^ (a << 16);
    c = c.wrapping_sub(a).wrapping_sub(b) ^ (b >> 5);
    a = a.wrapping_sub(b).wrapping_sub(c) ^ (c >> 3);
    b = b.wrapping_sub(c).wrapping_sub(a) ^ (a << 10);
    c = c.wrapping_sub(a).wrapping_sub(b) ^ (b >> 15);
    (a, b, c)
}

/// The atom table's hash of a name (`hashpjw`, with two-byte UTF-8
/// sequences led by 0xC2/0xC3 folded into one byte first).
pub(crate) fn atom_hash(name: &[u8]) -> u32 {
    let mut h: u32 = 0;
    let mut i = 0;
    while i < name.len() {
        let mut v = name[i];
        i += 1;
        if i < name.len() && (v & 0xFE) == 0xC2 && (name[i] & 0xC0) == 0x80 {
            v = (v << 6) | (name[i] & 0x3F);
            i += 1;
        }
        h = (h << 4).wrapping_add(u32::from(v));
        let g = h & 0xf000_0000;
        if g != 0 {
            h ^= g >> 24;
            h ^= g;
        }
    }
    h
}

fn atom_value(a: super::Atom) -> u32 {
    atom_hash(a.name().as_bytes())
}

/// An integer's magnitude as 64-bit digits, least significant first, mixed
/// with the sign's constant: the BEAM's form for all but 28-bit integers.
pub(super) fn wide_int(h: u32, negative: bool, digits: &[u64]) -> u32 {
    let k = if negative { HCONST_10 } else { HCONST_11 };
    digits.iter().fold(h, |h, &d| hash2(h, d as u32, (d >> 32) as u32, k))
}

fn int(h: u32, i: i64) -> u32 {
    if (-(1 << 27)..(1 << 27)).contains(&i) {
        let y = i as i32;
        let h = if y < 0 {
            hash1(h, y.wrapping_neg() as u32, HCONST)
        } else {
            h
        };
        hash1(h, y as u32, HCONST)
    } else {
        wide_int(h, i < 0, &[i.unsigned_abs()])
    }
}

/// The bytes of a bitstring, the number of bits in its last partial byte,
/// and that byte (both hashes treat bitstrings alike).
pub(super) fn binary(h: u32, bytes: &[u8], extra_bits: usize, last: u8) -> u32 {
    let con = HCONST_13.wrapping_add(h);
    if bytes.is_empty() && extra_bits == 0 {
        return con;
    }
    let h = block_hash(bytes, con);
    if extra_bits > 0 {
        hash2(h, extra_bits as u32, u32::from(last >> (8 - extra_bits)), HCONST_15)
    } else {
        h
    }
}

enum Job<'a> {
    Term(&'a Term),
    /// Restore the hash around a map, after its pairs: the saved running
    /// hash and the saved xor of an enclosing map's pairs.
    MapEnd(u32, u32),
    /// A key and its value have been hashed: fold them into the xor.
    Pair,
    /// A closure's captured values, after its header.
    Fun(u32, u32),
}

/// `make_hash2`: the 32-bit hash `phash2` reduces.
pub fn hash(term: &Term) -> u32 {
    let mut h: u32 = 0;
    let mut xor_pairs: u32 = 0;
    let mut stack: Vec<Job> = vec![Job::Term(term)];
    while let Some(job) = stack.pop() {
        let t = match job {
            Job::Term(t) => t,
            Job::MapEnd(saved_h, saved_xor) => {
                h = hash1(saved_h, xor_pairs, HCONST_19);
                xor_pairs = saved_xor;
                continue;
            }
            Job::Pair => {
                xor_pairs ^= h;
                h = 0;
                continue;
            }
            Job::Fun(x, y) => {
                h = hash2(h, x, y, HCONST);
                continue;
            }
        };
        match t {
            Term::Int(i) => h = int(h, *i),
            Term::BigInt(b) => {
                let (sign, digits) = b.to_u64_digits();
                h = wide_int(h, sign == Sign::Minus, &digits);
            }
            Term::Float(f) => {
                // -0.0 hashes as 0.0.
                let bits = if *f == 0.0 { 0 } else { f.to_bits() };
                h = hash2(h, (bits >> 32) as u32, bits as u32, HCONST_12);
            }
            Term::Atom(a) => {
                let v = atom_value(*a);
                h = if h == 0 { v } else { hash1(h, v, HCONST_3) };
            }
            Term::Bin(b) => h = binary(h, b, 0, 0),
            Term::Bits(b) => {
                let whole = b.len() / 8;
                let data = b.data();
                h = binary(h, &data[..whole], b.len() % 8, data.get(whole).copied().unwrap_or(0));
            }
            Term::EmptyList => {
                h = if h == 0 {
                    NIL_ALONE
                } else {
                    hash1(h, NIL_WORD, HCONST_2)
                };
            }
            Term::Cons(_) => {
                // Runs of bytes (0..=255) go four to a word; any other
                // element is hashed on its own, then the rest of the list.
                let mut cur = t;
                let mut word: u32 = 0;
                let mut count = 0;
                while let Term::Cons(c) = cur {
                    match &c.head {
                        Term::Int(b @ 0..=255) => {
                            word = (word << 8).wrapping_add(*b as u32);
                            if count == 3 {
                                h = hash1(h, word, HCONST_4);
                                word = 0;
                                count = 0;
                            } else {
                                count += 1;
                            }
                            cur = &c.tail;
                        }
                        _ => break,
                    }
                }
                if count > 0 {
                    h = hash1(h, word, HCONST_4);
                }
                match cur {
                    Term::Cons(c) => {
                        stack.push(Job::Term(&c.tail));
                        stack.push(Job::Term(&c.head));
                    }
                    end => stack.push(Job::Term(end)),
                }
            }
            Term::Tuple(items) => {
                h = hash1(h, items.len() as u32, HCONST_9);
                stack.extend(items.iter().rev().map(Job::Term));
            }
            Term::Map(m) => {
                h = hash1(h, m.len() as u32, HCONST_16);
                if !m.is_empty() {
                    stack.push(Job::MapEnd(h, xor_pairs));
                    h = 0;
                    xor_pairs = 0;
                    for (k, v) in m.iter() {
                        stack.push(Job::Pair);
                        stack.push(Job::Term(v));
                        stack.push(Job::Term(k));
                    }
                }
            }
            Term::Pid(p) => h = hash1(h, (p.0 & 0x7fff) as u32, HCONST_5),
            Term::Ref(r) => h = hash1(h, super::inspect::ref_numbers(r.0).2 as u32, HCONST_7),
            Term::Fun(f) => match &**f {
                Fun::External { module, name, arity } => {
                    h = hash2(h, *arity as u32, atom_value(*module), HCONST);
                    h = hash1(h, atom_value(*name), HCONST_14);
                }
                Fun::Closure { code, env } => {
                    // The BEAM mixes the module's atom, then the fun's index
                    // and checksum in its module: zeros and the index here.
                    h = hash2(h, env.len() as u32, 0, HCONST);
                    stack.extend(env.iter().rev().map(Job::Term));
                    stack.push(Job::Fun(code.index, 0));
                }
            },
        }
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_values() {
        // Recorded from Erlang/OTP 25 (`:erlang.phash2(t, 4294967296)`).
        assert_eq!(hash(&Term::Int(0)), 3_175_731_469);
        assert_eq!(hash(&Term::Int(-1)), 1_117_813_597);
        assert_eq!(hash(&Term::EmptyList), NIL_ALONE);
        assert_eq!(hash(&Term::atom("a")), 97);
        assert_eq!(hash(&Term::Float(-0.0)), 423_528_920);
        // `:c.pid(0, 100, 0)` and `:c.pid(0, 32767, 0)`, by `phash2/1`.
        assert_eq!(hash(&Term::Pid(super::super::Pid(100))) & 0x7FF_FFFF, 63_673_685);
        assert_eq!(hash(&Term::Pid(super::super::Pid(32767))) & 0x7FF_FFFF, 91_982_837);
        // `#Ref<0.1.2.3>` by `phash2/1`: only the last number counts.
        assert_eq!(hash1(0, 3, HCONST_7) & 0x7FF_FFFF, 75_004_615);
    }
}
