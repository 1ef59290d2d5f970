//! Bitstrings whose length is not a whole number of bytes, and the bit-level
//! reading and writing that `<<…>>` construction and matching are built on.
//!
//! **Invariants:** a [`Bits`] never holds a whole number of bytes (such a
//! value is a `Term::Bin`, see [`Term::bitstring`]), and the unused low bits
//! of its last byte are zero, so two equal bitstrings have equal bytes.

use std::cmp::Ordering;
use std::sync::Arc;

use super::Term;

/// A bitstring of `len` bits, `len % 8 != 0`, packed big-endian into `data`.
#[derive(Debug, PartialEq, Eq)]
pub struct Bits {
    data: Box<[u8]>,
    len: usize,
}

impl Bits {
    /// The packed bytes; the last one holds `len % 8` bits in its high end.
    pub fn data(&self) -> &[u8] {
        &self.data
    }

    /// The length in bits.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Never true: an empty bitstring is the empty binary.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// A borrowed bitstring: `len` bits of `data` starting at bit `start`.
#[derive(Clone, Copy, Debug)]
pub struct BitView<'a> {
    pub data: &'a [u8],
    pub start: usize,
    pub len: usize,
}

impl<'a> BitView<'a> {
    pub fn whole(data: &'a [u8], len: usize) -> Self {
        BitView { data, start: 0, len }
    }

    /// The bits from `from` (relative) for `n` bits.
    pub fn sub(&self, from: usize, n: usize) -> BitView<'a> {
        BitView {
            data: self.data,
            start: self.start + from,
            len: n,
        }
    }

    /// The bit at relative position `i` (0 or 1).
    pub fn bit(&self, i: usize) -> u8 {
        let p = self.start + i;
        (self.data[p / 8] >> (7 - p % 8)) & 1
    }

    /// The byte-aligned bytes of the view, when it starts on a byte and is whole bytes.
    pub fn as_bytes(&self) -> Option<&'a [u8]> {
        (self.start.is_multiple_of(8) && self.len.is_multiple_of(8))
            .then(|| &self.data[self.start / 8..(self.start + self.len) / 8])
    }

    /// The first `n ≤ 64` bits as an unsigned number.
    pub fn read_u64(&self, n: usize) -> u64 {
        let mut x: u64 = 0;
        let mut i = 0;
        while i < n {
            let p = self.start + i;
            let off = p % 8;
            let take = (8 - off).min(n - i);
            let byte = self.data[p / 8] as u64;
            let chunk = (byte >> (8 - off - take)) & ((1u64 << take) - 1);
            x = (x << take) | chunk;
            i += take;
        }
        x
    }

    /// The first `n` bits as big-endian bytes holding the number right-aligned.
    pub fn read_be_bytes(&self, n: usize) -> Vec<u8> {
        let lead = (8 - n % 8) % 8;
        let mut w = BitWriter::with_capacity(n.div_ceil(8));
        w.push_u64(0, lead);
        w.push_view(self.sub(0, n));
        w.buf
    }

    /// A new term holding these bits.
    pub fn to_term(&self) -> Term {
        if let Some(b) = self.as_bytes() {
            return Term::bytes(b);
        }
        let mut w = BitWriter::with_capacity(self.len.div_ceil(8));
        w.push_view(*self);
        w.into_term()
    }
}

/// Builds a bitstring bit by bit, with a fast path while it is byte-aligned.
#[derive(Default)]
pub struct BitWriter {
    buf: Vec<u8>,
    bits: usize,
}

impl BitWriter {
    pub fn with_capacity(bytes: usize) -> Self {
        BitWriter {
            buf: Vec::with_capacity(bytes),
            bits: 0,
        }
    }

    /// Length so far, in bits.
    pub fn len(&self) -> usize {
        self.bits
    }

    pub fn is_empty(&self) -> bool {
        self.bits == 0
    }

    /// Makes room for `bits` more bits, or says no (for sizes the allocator refuses).
    pub fn try_reserve(&mut self, bits: usize) -> bool {
        let want = (self.bits + bits).div_ceil(8);
        self.buf.try_reserve(want.saturating_sub(self.buf.len())).is_ok()
    }

    /// Appends the low `n ≤ 64` bits of `x`.
    pub fn push_u64(&mut self, x: u64, n: usize) {
        let mut left = n;
        while left > 0 {
            let off = self.bits % 8;
            if off == 0 {
                self.buf.push(0);
            }
            let room = 8 - off;
            let take = room.min(left);
            let chunk = ((x >> (left - take)) & ((1u64 << take) - 1)) as u8;
            let last = self.buf.len() - 1;
            self.buf[last] |= chunk << (room - take);
            left -= take;
            self.bits += take;
        }
    }

    pub fn push_bytes(&mut self, b: &[u8]) {
        if self.bits.is_multiple_of(8) {
            self.buf.extend_from_slice(b);
            self.bits += 8 * b.len();
        } else {
            for &x in b {
                self.push_u64(x as u64, 8);
            }
        }
    }

    pub fn push_view(&mut self, v: BitView) {
        if let Some(b) = v.as_bytes() {
            return self.push_bytes(b);
        }
        let mut i = 0;
        while i < v.len {
            let n = (v.len - i).min(56);
            self.push_u64(v.sub(i, n).read_u64(n), n);
            i += n;
        }
    }

    pub fn into_term(self) -> Term {
        Term::bitstring(self.buf, self.bits)
    }
}

impl Term {
    /// The bitstring of the first `len` bits of `data`: a `Bin` when `len` is
    /// a whole number of bytes. Bits past `len` are cleared.
    pub fn bitstring(mut data: Vec<u8>, len: usize) -> Term {
        data.truncate(len.div_ceil(8));
        if len.is_multiple_of(8) {
            return Term::Bin(data.into());
        }
        if let Some(last) = data.last_mut() {
            *last &= 0xffu8 << (8 - len % 8);
        }
        Term::Bits(Arc::new(Bits {
            data: data.into_boxed_slice(),
            len,
        }))
    }

    /// Any bitstring (binaries included) as a view of its bits.
    pub fn as_bitstring(&self) -> Option<BitView<'_>> {
        match self {
            Term::Bin(b) => Some(BitView::whole(b, b.len() * 8)),
            Term::Bits(b) => Some(BitView::whole(&b.data, b.len)),
            _ => None,
        }
    }
}

/// Erlang's order of bitstrings: bit by bit, a prefix before what extends it.
pub fn compare(a: BitView, b: BitView) -> Ordering {
    let n = a.len.min(b.len);
    if a.start == 0 && b.start == 0 {
        let whole = n / 8;
        let o = a.data[..whole].cmp(&b.data[..whole]);
        if o != Ordering::Equal || n.is_multiple_of(8) {
            return o.then(a.len.cmp(&b.len));
        }
        let r = n % 8;
        let o = a.sub(whole * 8, r).read_u64(r).cmp(&b.sub(whole * 8, r).read_u64(r));
        return o.then(a.len.cmp(&b.len));
    }
    for i in 0..n {
        let o = a.bit(i).cmp(&b.bit(i));
        if o != Ordering::Equal {
            return o;
        }
    }
    a.len.cmp(&b.len)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bits(t: &Term) -> (Vec<u8>, usize) {
        let v = t.as_bitstring().unwrap();
        (v.data.to_vec(), v.len)
    }

    #[test]
    fn writer_packs_bits_big_endian() {
        let mut w = BitWriter::default();
        w.push_u64(1, 4);
        w.push_u64(2, 4);
        w.push_u64(0b101, 3);
        assert_eq!(bits(&w.into_term()), (vec![0x12, 0b1010_0000], 11));
    }

    #[test]
    fn whole_bytes_are_binaries() {
        let mut w = BitWriter::default();
        w.push_u64(0xabcd, 16);
        assert!(matches!(w.into_term(), Term::Bin(b) if *b == [0xab, 0xcd]));
    }

    #[test]
    fn views_read_across_bytes() {
        let data = [0b1010_1100, 0b0101_0011];
        let v = BitView::whole(&data, 16);
        assert_eq!(v.sub(3, 8).read_u64(8), 0b0110_0010);
        assert_eq!(v.sub(3, 8).read_be_bytes(8), vec![0b0110_0010]);
        assert_eq!(v.sub(2, 10).read_be_bytes(10), vec![0b10, 0b1100_0101]);
        assert_eq!(bits(&v.sub(1, 9).to_term()), (vec![0b0101_1000, 0b1000_0000], 9));
    }

    #[test]
    fn order_is_bitwise_then_by_length() {
        let t = |d: Vec<u8>, n| Term::bitstring(d, n);
        let cmp = |a: &Term, b: &Term| compare(a.as_bitstring().unwrap(), b.as_bitstring().unwrap());
        assert_eq!(cmp(&t(vec![0x10], 4), &t(vec![1], 8)), Ordering::Greater);
        assert_eq!(cmp(&t(vec![0x80, 0], 9), &t(vec![0x80], 8)), Ordering::Greater);
        assert_eq!(cmp(&t(vec![], 0), &t(vec![0], 1)), Ordering::Less);
    }
}
