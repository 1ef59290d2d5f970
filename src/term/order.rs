//! Erlang's term order, in its two forms.
//!
//! `number < atom < reference < fun < port < pid < tuple < map < list < bitstring`.
//! [`compare`] is the order of `<`, `>`, `==` (`1 == 1.0`); the `Ord` impl on
//! [`Term`] is the exact order of `===` and of map keys, where every integer
//! sorts before every float.

use std::cmp::Ordering;
use std::sync::Arc;

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use super::Term;

/// The order of `<`, `>`, `<=`, `>=` and `==`: integers and floats compare by value.
pub fn compare(a: &Term, b: &Term) -> Ordering {
    cmp(a, b, false)
}

/// `==`: equal by value (`1 == 1.0`).
pub fn equal(a: &Term, b: &Term) -> bool {
    compare(a, b) == Ordering::Equal
}

fn rank(t: &Term) -> u8 {
    match t {
        Term::Int(_) | Term::BigInt(_) | Term::Float(_) => 0,
        Term::Atom(_) => 1,
        Term::Ref(_) => 2,
        Term::Fun(_) => 3,
        Term::Pid(_) => 5,
        Term::Tuple(_) => 6,
        Term::Map(_) => 7,
        Term::EmptyList | Term::Cons(_) => 8,
        Term::Bin(_) | Term::Bits(_) => 9,
    }
}

fn big(t: &Term) -> BigInt {
    match t {
        Term::Int(i) => BigInt::from(*i),
        Term::BigInt(b) => (**b).clone(),
        _ => BigInt::from(0),
    }
}

fn as_f64(t: &Term) -> f64 {
    match t {
        Term::Int(i) => *i as f64,
        Term::BigInt(b) => b.to_f64().unwrap_or(f64::INFINITY),
        Term::Float(f) => *f,
        _ => 0.0,
    }
}

fn cmp_numbers(a: &Term, b: &Term, exact: bool) -> Ordering {
    match (a, b) {
        (Term::Int(x), Term::Int(y)) => x.cmp(y),
        (Term::Float(x), Term::Float(y)) => x.partial_cmp(y).unwrap_or(Ordering::Equal),
        (Term::Float(_), _) | (_, Term::Float(_)) if exact => {
            // Map-key order: every integer before every float.
            if matches!(a, Term::Float(_)) {
                Ordering::Greater
            } else {
                Ordering::Less
            }
        }
        (Term::Float(_), _) | (_, Term::Float(_)) => {
            let (x, y) = (as_f64(a), as_f64(b));
            match x.partial_cmp(&y).unwrap_or(Ordering::Equal) {
                // Equal as floats but maybe not as numbers: compare exactly.
                Ordering::Equal if x.fract() == 0.0 && x.abs() > 9.0e15 => {
                    let fx = if let Term::Float(f) = a {
                        float_to_big(*f)
                    } else {
                        big(a)
                    };
                    let fy = if let Term::Float(f) = b {
                        float_to_big(*f)
                    } else {
                        big(b)
                    };
                    fx.cmp(&fy)
                }
                o => o,
            }
        }
        _ => big(a).cmp(&big(b)),
    }
}

fn float_to_big(f: f64) -> BigInt {
    num_traits::FromPrimitive::from_f64(f).unwrap_or_default()
}

fn cmp(a: &Term, b: &Term, exact: bool) -> Ordering {
    let (ra, rb) = (rank(a), rank(b));
    if ra != rb {
        return ra.cmp(&rb);
    }
    match (a, b) {
        (Term::Atom(x), Term::Atom(y)) => {
            if x == y {
                Ordering::Equal
            } else {
                x.name().as_bytes().cmp(y.name().as_bytes())
            }
        }
        (Term::Ref(x), Term::Ref(y)) => x.cmp(y),
        (Term::Pid(x), Term::Pid(y)) => x.cmp(y),
        (Term::Fun(x), Term::Fun(y)) => (Arc::as_ptr(x) as usize).cmp(&(Arc::as_ptr(y) as usize)),
        (Term::Tuple(x), Term::Tuple(y)) => x.len().cmp(&y.len()).then_with(|| {
            for (p, q) in x.iter().zip(y.iter()) {
                let o = cmp(p, q, exact);
                if o != Ordering::Equal {
                    return o;
                }
            }
            Ordering::Equal
        }),
        (Term::Map(x), Term::Map(y)) => x.len().cmp(&y.len()).then_with(|| {
            for (p, q) in x.keys().zip(y.keys()) {
                // Keys always compare in exact order.
                let o = p.cmp(q);
                if o != Ordering::Equal {
                    return o;
                }
            }
            for (p, q) in x.values().zip(y.values()) {
                let o = cmp(p, q, exact);
                if o != Ordering::Equal {
                    return o;
                }
            }
            Ordering::Equal
        }),
        (Term::Bin(x), Term::Bin(y)) => x.cmp(y),
        (Term::Bin(_) | Term::Bits(_), Term::Bin(_) | Term::Bits(_)) => match (a.as_bitstring(), b.as_bitstring()) {
            (Some(x), Some(y)) => super::bits::compare(x, y),
            _ => Ordering::Equal,
        },
        (Term::EmptyList | Term::Cons(_), Term::EmptyList | Term::Cons(_)) => {
            let (mut p, mut q) = (a, b);
            loop {
                match (p, q) {
                    (Term::EmptyList, Term::EmptyList) => return Ordering::Equal,
                    (Term::EmptyList, _) => return Ordering::Less,
                    (_, Term::EmptyList) => return Ordering::Greater,
                    (Term::Cons(c), Term::Cons(d)) => {
                        if triomphe::Arc::ptr_eq(c, d) {
                            return Ordering::Equal;
                        }
                        let o = cmp(&c.head, &d.head, exact);
                        if o != Ordering::Equal {
                            return o;
                        }
                        p = &c.tail;
                        q = &d.tail;
                    }
                    // Improper tails compare as terms.
                    _ => return cmp(p, q, exact),
                }
            }
        }
        _ => cmp_numbers(a, b, exact),
    }
}

impl Ord for Term {
    /// Exact term order (`===`, map keys).
    fn cmp(&self, other: &Term) -> Ordering {
        cmp(self, other, true)
    }
}

impl PartialOrd for Term {
    fn partial_cmp(&self, other: &Term) -> Option<Ordering> {
        Some(Ord::cmp(self, other))
    }
}

impl PartialEq for Term {
    /// `===`.
    fn eq(&self, other: &Term) -> bool {
        match (self, other) {
            (Term::Int(a), Term::Int(b)) => a == b,
            (Term::Atom(a), Term::Atom(b)) => a == b,
            _ => Ord::cmp(self, other) == Ordering::Equal,
        }
    }
}

impl Eq for Term {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_order_as_erlang_orders_them() {
        let ordered = [
            Term::Int(1),
            Term::atom("a"),
            Term::Ref(crate::term::Ref(1)),
            Term::Pid(crate::term::Pid(1)),
            Term::tuple(vec![]),
            Term::map(Default::default()),
            Term::EmptyList,
            Term::str(""),
        ];
        for w in ordered.windows(2) {
            assert_eq!(compare(&w[0], &w[1]), Ordering::Less, "{:?} < {:?}", w[0], w[1]);
        }
    }

    #[test]
    fn integers_and_floats() {
        assert!(equal(&Term::Int(1), &Term::Float(1.0)));
        assert_ne!(Term::Int(1), Term::Float(1.0));
        assert!(Term::Int(5) < Term::Float(1.0), "map-key order puts integers first");
        assert_eq!(compare(&Term::Int(5), &Term::Float(1.0)), Ordering::Greater);
    }

    #[test]
    fn lists_compare_elementwise() {
        let a = Term::list(vec![Term::Int(1), Term::Int(2)]);
        let b = Term::list(vec![Term::Int(1), Term::Int(3)]);
        let c = Term::list(vec![Term::Int(1)]);
        assert_eq!(compare(&a, &b), Ordering::Less);
        assert_eq!(compare(&c, &a), Ordering::Less);
    }
}
