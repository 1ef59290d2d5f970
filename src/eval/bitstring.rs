//! `<<…>>`: building bitstrings segment by segment, and matching them.
//!
//! Both follow the segment's type (`integer`, `float`, `binary`/`bitstring`,
//! `utf8`/`utf16`/`utf32`), its size times its unit, signedness and
//! endianness (`native` is little) as Erlang does. **Invariants:** building
//! fails with the `ArgumentError` Erlang 25 explains (`construction of binary
//! failed: segment N of type 'T': …`), or `SystemLimitError` for sizes past
//! [`MAX_BITS`], and never allocates before the size is known to be sane;
//! matching never raises: a bad size or a short input is a failed match.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use super::exception as ex;
use super::exec::Proc;
use super::ir::{BitKind, BitSeg, Node, Pat};
use super::{Exc, R};
use crate::term::Term;
use crate::term::bits::{BitView, BitWriter};
use crate::term::inspect::inspect_default;

/// The largest bitstring built (1 GiB): past it construction raises `SystemLimitError`.
pub const MAX_BITS: usize = 1 << 33;

fn type_name(k: BitKind) -> &'static str {
    match k {
        BitKind::Integer => "integer",
        BitKind::Float => "float",
        BitKind::Binary => "binary",
        BitKind::Utf8 => "utf8",
        BitKind::Utf16 => "utf16",
        BitKind::Utf32 => "utf32",
    }
}

/// `construction of binary failed: segment N of type 'T': why`.
fn failed<T>(seg: &BitSeg<Node>, index: usize, why: String) -> R<T> {
    failed_as(seg.kind, index, why)
}

fn failed_as<T>(kind: BitKind, index: usize, why: String) -> R<T> {
    ex::argument_error(format!(
        "construction of binary failed: segment {index} of type '{}': {why}",
        type_name(kind)
    ))
}

/// The error of a `binary` segment (number `index`) given `v`, which is not a binary.
pub fn not_a_binary<T>(index: usize, v: &Term) -> R<T> {
    let why = match v {
        Term::Bin(_) | Term::Bits(_) => "the size of the value {} is not a multiple of the unit for the segment",
        _ => "expected a binary but got: {}",
    };
    failed_as(BitKind::Binary, index, why.replace("{}", &inspect_default(v)))
}

impl Proc {
    pub(super) fn build_bits(&mut self, segs: &[BitSeg<Node>], f: &mut [Term]) -> R<Term> {
        let mut w = BitWriter::default();
        for (i, s) in segs.iter().enumerate() {
            let v = self.eval(&s.value, f)?;
            let size = match &s.size {
                Some(n) => Some(self.eval(n, f)?),
                None => None,
            };
            put_segment(&mut w, s, i + 1, &v, size.as_ref())?;
        }
        Ok(w.into_term())
    }

    /// Matches the whole of `v` against `segs`.
    pub(super) fn match_bitstring(&mut self, segs: &[BitSeg<Pat>], v: &Term, f: &mut [Term]) -> bool {
        match v.as_bitstring() {
            Some(view) => self.match_bits(segs, view, f, false) == Some((view.len, true)),
            None => false,
        }
    }

    /// Matches a prefix of `v` against `segs`: how many bits the segments
    /// take, and whether every value matched. `None` when the segments do not
    /// fit (too few bits, a bad size). Unless `lenient`, a value that does
    /// not match ends the match (`None`); a lenient match goes on to measure
    /// the segments, as a `for` bitstring generator does to skip an element.
    pub(super) fn match_bits(
        &mut self,
        segs: &[BitSeg<Pat>],
        v: BitView,
        f: &mut [Term],
        lenient: bool,
    ) -> Option<(usize, bool)> {
        let mut pos = 0usize;
        let mut all = true;
        for (i, seg) in segs.iter().enumerate() {
            let size = match &seg.size {
                Some(n) => match self.eval(n, f) {
                    Ok(Term::Int(k)) if k >= 0 => Some((k as usize).checked_mul(seg.unit as usize)?),
                    _ => return None,
                },
                None => None,
            };
            let rest = v.sub(pos, v.len - pos);
            let (value, used) = read_segment(seg, size, rest, i + 1 == segs.len())?;
            if !self.match_pat(&seg.value, &value, f) {
                if !lenient {
                    return None;
                }
                all = false;
            }
            pos += used;
        }
        Some((pos, all))
    }
}

/// Appends one segment's value to `w`.
fn put_segment(w: &mut BitWriter, s: &BitSeg<Node>, index: usize, v: &Term, size: Option<&Term>) -> R<()> {
    let units = match size {
        None => None,
        Some(Term::Int(k)) if *k >= 0 => Some(*k as u64),
        Some(Term::BigInt(b)) if b.is_positive() => {
            return too_large(s, index, &b.to_string());
        }
        Some(_) => return ex::badarg(),
    };
    // Sizes past a small integer are a system limit, as in Erlang; sizes
    // below that but past MAX_BITS are refused only when about to be built.
    let small = |b: u64| (b < 1 << 59).then_some(b as usize);
    let bits = match units.map(|u| u.checked_mul(s.unit as u64).and_then(small)) {
        Some(Some(b)) => Some(b),
        Some(None) => return too_large(s, index, &units.unwrap_or_default().to_string()),
        None => None,
    };
    let grow = |w: &mut BitWriter, n: usize| {
        if w.len().saturating_add(n) > MAX_BITS || !w.try_reserve(n) {
            return too_large(s, index, &units.map_or(n as u64, |u| u).to_string());
        }
        Ok(())
    };
    let shown = || inspect_default(v);
    match s.kind {
        BitKind::Integer => {
            let bits = bits.unwrap_or(8 * s.unit as usize);
            grow(w, bits)?;
            match v {
                Term::Int(x) if !s.little && bits <= 64 => w.push_u64(*x as u64, bits),
                Term::Int(_) | Term::BigInt(_) => put_int(w, &int_be_bytes(v, bits.div_ceil(8)), bits, s.little),
                _ => return failed(s, index, format!("expected an integer but got: {}", shown())),
            }
        }
        BitKind::Float => {
            let x = match v {
                Term::Float(x) => *x,
                Term::Int(i) => *i as f64,
                Term::BigInt(b) => b.to_f64().unwrap_or(f64::INFINITY),
                _ => return failed(s, index, format!("expected a float or an integer but got: {}", shown())),
            };
            let bits = bits.unwrap_or(64);
            let raw = match bits {
                64 => x.to_bits(),
                32 => (x as f32).to_bits() as u64,
                16 => f64_to_f16(x) as u64,
                n => {
                    return failed(
                        s,
                        index,
                        format!("expected one of the supported sizes 16, 32, or 64 but got: {n}"),
                    );
                }
            };
            put_int(w, &raw.to_be_bytes()[8 - bits / 8..], bits, s.little);
        }
        BitKind::Binary => {
            let Some(view) = v.as_bitstring() else {
                return not_a_binary(index, v);
            };
            let n = match bits {
                Some(n) if n > view.len => {
                    return failed(
                        s,
                        index,
                        format!("the value {} is shorter than the size of the segment", shown()),
                    );
                }
                Some(n) => n,
                None if view.len % s.unit as usize != 0 => return not_a_binary(index, v),
                None => view.len,
            };
            grow(w, n)?;
            w.push_view(view.sub(0, n));
        }
        BitKind::Utf8 | BitKind::Utf16 | BitKind::Utf32 => {
            let c = match v {
                Term::Int(c) => u32::try_from(*c).ok().and_then(char::from_u32),
                _ => None,
            };
            let Some(c) = c else {
                return failed(
                    s,
                    index,
                    format!(
                        "expected a non-negative integer encodable as {} but got: {}",
                        type_name(s.kind),
                        shown()
                    ),
                );
            };
            match s.kind {
                BitKind::Utf8 => w.push_bytes(c.encode_utf8(&mut [0; 4]).as_bytes()),
                BitKind::Utf16 => {
                    for unit in c.encode_utf16(&mut [0; 2]) {
                        put_int(w, &unit.to_be_bytes(), 16, s.little);
                    }
                }
                _ => put_int(w, &(c as u32).to_be_bytes(), 32, s.little),
            }
        }
    }
    Ok(())
}

fn too_large<T>(s: &BitSeg<Node>, index: usize, size: &str) -> R<T> {
    Err(Box::new(Exc::Error(
        ex::exception(
            "SystemLimitError",
            vec![(
                "message",
                Term::str(&format!(
                    "construction of binary failed: segment {index} of type '{}': the size {size} is too large",
                    type_name(s.kind)
                )),
            )],
        ),
        Box::default(),
    )))
}

/// The integer `v` modulo 2^(8·len) as `len` big-endian bytes (two's complement).
fn int_be_bytes(v: &Term, len: usize) -> Vec<u8> {
    let (bytes, negative) = match v {
        Term::Int(x) => (x.to_be_bytes().to_vec(), *x < 0),
        Term::BigInt(b) => (b.to_signed_bytes_be(), b.is_negative()),
        _ => (vec![], false),
    };
    let mut out = vec![if negative { 0xff } else { 0 }; len];
    let n = bytes.len().min(len);
    out[len - n..].copy_from_slice(&bytes[bytes.len() - n..]);
    out
}

/// Appends the low `bits` bits of the big-endian number `be`; little-endian
/// puts the low bytes first and the leftover high bits last, as Erlang does.
fn put_int(w: &mut BitWriter, be: &[u8], bits: usize, little: bool) {
    let view = BitView::whole(be, be.len() * 8);
    if !little {
        return w.push_view(view.sub(be.len() * 8 - bits, bits));
    }
    for k in 0..bits / 8 {
        w.push_u64(be[be.len() - 1 - k] as u64, 8);
    }
    let r = bits % 8;
    if r > 0 {
        w.push_u64(be[be.len() - 1 - bits / 8] as u64, r);
    }
}

/// The number in the first `bits` bits of `v`, as big-endian bytes.
fn get_int(v: BitView, bits: usize, little: bool) -> Vec<u8> {
    if !little {
        return v.read_be_bytes(bits);
    }
    let (whole, r) = (bits / 8, bits % 8);
    let mut be = Vec::with_capacity(whole + 1);
    if r > 0 {
        be.push(v.sub(whole * 8, r).read_u64(r) as u8);
    }
    be.extend((0..whole).rev().map(|k| v.sub(k * 8, 8).read_u64(8) as u8));
    be
}

/// Reads one segment from the front of `v`: its value and the bits it takes.
fn read_segment(seg: &BitSeg<Pat>, size: Option<usize>, v: BitView, last: bool) -> Option<(Term, usize)> {
    match seg.kind {
        BitKind::Integer => {
            let bits = size.unwrap_or(8 * seg.unit as usize);
            if bits > v.len {
                return None;
            }
            let value = if bits <= 64 && !seg.little {
                let x = v.read_u64(bits);
                small_int(x, bits, seg.signed)
            } else {
                let be = get_int(v, bits, seg.little);
                let mut n = BigInt::from_bytes_be(num_bigint::Sign::Plus, &be);
                if seg.signed && bits > 0 && n.bit(bits as u64 - 1) {
                    n -= BigInt::from(1) << bits;
                }
                Term::from_bigint(n)
            };
            Some((value, bits))
        }
        BitKind::Float => {
            let bits = size.unwrap_or(64);
            if bits > v.len || !matches!(bits, 16 | 32 | 64) {
                return None;
            }
            let be = get_int(v, bits, seg.little);
            let mut raw = [0u8; 8];
            raw[8 - be.len()..].copy_from_slice(&be);
            let raw = u64::from_be_bytes(raw);
            let x = match bits {
                64 => f64::from_bits(raw),
                32 => f32::from_bits(raw as u32) as f64,
                _ => f16_to_f64(raw as u16),
            };
            x.is_finite().then_some((Term::Float(x), bits))
        }
        BitKind::Binary => {
            let bits = match size {
                Some(n) => n,
                None if last => v.len,
                None => return None,
            };
            if bits > v.len || bits % seg.unit as usize != 0 {
                return None;
            }
            Some((v.sub(0, bits).to_term(), bits))
        }
        BitKind::Utf8 => {
            let first = (v.len >= 8).then(|| v.read_u64(8) as u8)?;
            let n = match first {
                0x00..=0x7f => 1,
                0xc0..=0xdf => 2,
                0xe0..=0xef => 3,
                0xf0..=0xf7 => 4,
                _ => return None,
            };
            if v.len < 8 * n {
                return None;
            }
            let bytes: Vec<u8> = (0..n).map(|k| v.sub(8 * k, 8).read_u64(8) as u8).collect();
            let c = std::str::from_utf8(&bytes).ok()?.chars().next()?;
            Some((Term::Int(c as i64), 8 * n))
        }
        BitKind::Utf16 => {
            let unit = |k: usize| (v.len >= 16 * (k + 1)).then(|| get_int(v.sub(16 * k, 16), 16, seg.little));
            let word = |b: Vec<u8>| u16::from_be_bytes([b[0], b[1]]);
            let hi = word(unit(0)?);
            if (0xd800..0xdc00).contains(&hi) {
                let lo = word(unit(1)?);
                let c = char::decode_utf16([hi, lo]).next()?.ok()?;
                return Some((Term::Int(c as i64), 32));
            }
            let c = char::from_u32(hi as u32)?;
            Some((Term::Int(c as i64), 16))
        }
        BitKind::Utf32 => {
            if v.len < 32 {
                return None;
            }
            let b = get_int(v, 32, seg.little);
            let c = char::from_u32(u32::from_be_bytes([b[0], b[1], b[2], b[3]]))?;
            Some((Term::Int(c as i64), 32))
        }
    }
}

/// An integer of `bits ≤ 64` bits read as `x`.
fn small_int(x: u64, bits: usize, signed: bool) -> Term {
    if signed && bits > 0 && (x >> (bits - 1)) & 1 == 1 {
        if bits == 64 {
            return Term::Int(x as i64);
        }
        return Term::Int(x as i64 - (1i64 << (bits - 1)) * 2);
    }
    match i64::try_from(x) {
        Ok(i) => Term::Int(i),
        Err(_) => Term::from_bigint(BigInt::from(x)),
    }
}

/// IEEE half precision, rounded to nearest even; too large is infinity.
fn f64_to_f16(x: f64) -> u16 {
    let bits = x.to_bits();
    let sign = ((bits >> 48) & 0x8000) as u16;
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let man = bits & ((1 << 52) - 1);
    if exp == 0x7ff {
        return sign | 0x7c00 | if man != 0 { 0x200 } else { 0 };
    }
    let e = exp - 1023 + 15;
    if e >= 0x1f {
        return sign | 0x7c00;
    }
    let (m, shift, base) = if e <= 0 {
        if e < -10 {
            return sign;
        }
        (man | (1 << 52), (43 - e) as u32, 0u16)
    } else {
        (man, 42, (e as u16) << 10)
    };
    let mut r = base | (m >> shift) as u16;
    let rem = m & ((1u64 << shift) - 1);
    let half = 1u64 << (shift - 1);
    if rem > half || (rem == half && r & 1 == 1) {
        r += 1;
    }
    sign | r
}

fn f16_to_f64(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let e = ((h >> 10) & 0x1f) as i32;
    let m = (h & 0x3ff) as f64;
    match e {
        0 => sign * m * 2f64.powi(-24),
        0x1f if m == 0.0 => sign * f64::INFINITY,
        0x1f => f64::NAN,
        _ => sign * (1.0 + m / 1024.0) * 2f64.powi(e - 15),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_floats_round_trip() {
        for x in [1.5, -2.0, 0.0, 65504.0, 6.1035e-5, 5.96e-8] {
            let h = f64_to_f16(x);
            assert!((f16_to_f64(h) - x).abs() <= x.abs() * 1e-3, "{x}");
        }
        assert_eq!(f64_to_f16(1.5), 0x3e00);
        assert_eq!(f64_to_f16(100000.0), 0x7c00);
    }

    #[test]
    fn little_endian_keeps_the_high_bits_last() {
        let mut w = BitWriter::default();
        put_int(&mut w, &int_be_bytes(&Term::Int(0x101), 2), 12, true);
        let t = w.into_term();
        let v = t.as_bitstring().unwrap();
        assert_eq!((v.data, v.len), (&[1u8, 0x10][..], 12));
        assert_eq!(get_int(v, 12, true), vec![1, 1]);
    }

    #[test]
    fn signed_reads() {
        assert!(matches!(small_int(0xf, 4, true), Term::Int(-1)));
        assert!(matches!(small_int(u64::MAX, 64, true), Term::Int(-1)));
        assert!(matches!(small_int(u64::MAX, 64, false), Term::BigInt(_)));
    }
}
