//! Pattern matching: one matcher for `=`, clause heads, `case`, `receive`, generators.
//!
//! **Invariant:** a failed match may leave slots written; callers treat the
//! frame's bindings as valid only after a successful match.

use super::exec::Proc;
use super::ir::Pat;
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
            Pat::Bits(segs) => self.match_bitstring(segs, v, f),
            Pat::Both(a, b) => self.match_pat(a, v, f) && self.match_pat(b, v, f),
        }
    }
}
