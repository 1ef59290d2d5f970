//! Pattern matching: one matcher for `=`, clause heads, `case`, `receive`, generators.
//!
//! **Invariant:** a failed match may leave slots written; callers treat the
//! frame's bindings as valid only after a successful match.

use super::exec::Proc;
use super::ir::{BitKind, BitSeg, Pat};
use crate::term::Term;

impl Proc {
    /// Matches `v` against `p`, binding variables into `f`.
    pub fn match_pat(&mut self, p: &Pat, v: &Term, f: &mut [Term]) -> bool {
        match p {
            Pat::Any => true,
            Pat::Bind(s) => {
                f[*s] = v.clone();
                true
            }
            Pat::Same(s) => f[*s] == *v,
            Pat::Lit(t) => t == v,
            Pat::Tuple(ps) => match v {
                Term::Tuple(items) => {
                    items.len() == ps.len() && ps.iter().zip(items.iter()).all(|(p, x)| self.match_pat(p, x, f))
                }
                _ => false,
            },
            Pat::List(heads, tail) => {
                let mut cur = v;
                for h in heads {
                    match cur {
                        Term::Cons(c) => {
                            if !self.match_pat(h, &c.head, f) {
                                return false;
                            }
                            cur = &c.tail;
                        }
                        _ => return false,
                    }
                }
                self.match_pat(tail, cur, f)
            }
            Pat::Map(pairs) => {
                let Term::Map(m) = v else { return false };
                for (k, p) in pairs {
                    let Ok(key) = self.eval(k, f) else { return false };
                    match m.get(&key) {
                        Some(x) => {
                            if !self.match_pat(p, x, f) {
                                return false;
                            }
                        }
                        None => return false,
                    }
                }
                true
            }
            Pat::BinPrefix(prefix, rest) => match v {
                Term::Bin(b) if b.starts_with(prefix) => self.match_pat(rest, &Term::bytes(&b[prefix.len()..]), f),
                _ => false,
            },
            Pat::Bits(segs) => match v {
                Term::Bin(b) => self.match_bits(segs, b, f),
                _ => false,
            },
            Pat::Both(a, b) => self.match_pat(a, v, f) && self.match_pat(b, v, f),
        }
    }

    fn match_bits(&mut self, segs: &[BitSeg<Pat>], bytes: &[u8], f: &mut [Term]) -> bool {
        let mut pos = 0usize;
        for (i, seg) in segs.iter().enumerate() {
            let last = i + 1 == segs.len();
            let size = match &seg.size {
                Some(n) => match self.eval(n, f) {
                    Ok(Term::Int(k)) if k >= 0 => Some(k as usize),
                    _ => return false,
                },
                None => None,
            };
            let rest = &bytes[pos..];
            let (value, used) = match seg.kind {
                BitKind::Integer => {
                    let bits = size.unwrap_or(8);
                    if bits % 8 != 0 || rest.len() < bits / 8 {
                        return false;
                    }
                    let n = bits / 8;
                    let mut x: i64 = 0;
                    for b in &rest[..n.min(8)] {
                        x = (x << 8) | *b as i64;
                    }
                    (Term::Int(x), n)
                }
                BitKind::Binary => {
                    let n = match size {
                        Some(n) => n,
                        None if last => rest.len(),
                        None => return false,
                    };
                    if rest.len() < n {
                        return false;
                    }
                    (Term::bytes(&rest[..n]), n)
                }
                BitKind::Utf8 => {
                    let s = match std::str::from_utf8(&rest[..rest.len().min(4)]) {
                        Ok(s) => s,
                        Err(e) => match std::str::from_utf8(&rest[..e.valid_up_to()]) {
                            Ok(s) => s,
                            Err(_) => return false,
                        },
                    };
                    match s.chars().next() {
                        Some(c) => (Term::Int(c as i64), c.len_utf8()),
                        None => return false,
                    }
                }
                BitKind::Float => {
                    if rest.len() < 8 {
                        return false;
                    }
                    let mut a = [0u8; 8];
                    a.copy_from_slice(&rest[..8]);
                    (Term::Float(f64::from_be_bytes(a)), 8)
                }
            };
            if !self.match_pat(&seg.value, &value, f) {
                return false;
            }
            pos += used;
        }
        pos == bytes.len()
    }
}
