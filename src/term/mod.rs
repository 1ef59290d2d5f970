//! Terms: the immutable values every process computes with and sends.
//!
//! **Invariants:** a `Term` is `Send + Sync` and never mutated after it is
//! built, so a message crosses threads by cloning an `Arc`, not by copying.
//! Integers that fit in `i64` are always `Int`; `BigInt` only holds values
//! outside that range (see [`Term::from_bigint`]). Long lists drop iteratively.

pub mod algebra;
pub mod atom;
pub mod bits;
pub mod float;
pub mod hamt;
pub mod inspect;
pub mod order;
pub mod phash;
pub mod shared;

use std::sync::Arc;

use num_bigint::BigInt;
use num_traits::ToPrimitive;
pub use shared::Shared;

pub use atom::Atom;

/// A process identifier, printed `#PID<0.N.0>`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct Pid(pub u64);

/// A reference from `make_ref/0` or `Process.monitor/1`, printed `#Reference<0.…>`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct Ref(pub u64);

/// One cell of a list: `[head | tail]`. The tail of a proper list ends in `Term::EmptyList`.
#[derive(Debug)]
pub struct Cons {
    pub head: Term,
    pub tail: Term,
}

/// A map, ordered by exact term order (integers before floats), as Erlang orders map keys.
pub type MapT = imbl::OrdMap<Term, Term>;

/// A value of the Elixir language.
#[derive(Clone, Debug)]
pub enum Term {
    Int(i64),
    /// Only integers outside the `i64` range.
    BigInt(Arc<BigInt>),
    Float(f64),
    Atom(Atom),
    /// A binary; Elixir strings are UTF-8 binaries.
    Bin(Shared<u8>),
    /// A bitstring that is not a whole number of bytes (see [`bits`]).
    Bits(Arc<bits::Bits>),
    /// `[]`.
    EmptyList,
    Cons(triomphe::Arc<Cons>),
    Tuple(Shared<Term>),
    Map(Arc<MapT>),
    Pid(Pid),
    Ref(Ref),
    Fun(Arc<Fun>),
}

/// A function value: a closure made by `fn`/`&` or a capture of a named function.
#[derive(Debug)]
pub enum Fun {
    /// A compiled `fn` with the values it captured.
    Closure {
        code: Arc<crate::eval::Lambda>,
        env: Box<[Term]>,
    },
    /// `&Mod.fun/arity`.
    External { module: Atom, name: Atom, arity: usize },
}

impl Fun {
    /// How many arguments the function takes.
    pub fn arity(&self) -> usize {
        match self {
            Fun::Closure { code, .. } => code.arity,
            Fun::External { arity, .. } => *arity,
        }
    }
}

impl Drop for Cons {
    fn drop(&mut self) {
        // Unlink cells one at a time so neither a list of millions of elements
        // nor a list nested thousands deep in its heads recurses once per cell.
        // Nested heads wait in `pending`, which allocates only if there are any.
        // A cell unlinked below is dropped with no list in it: it returns here.
        if !matches!(self.tail, Term::Cons(_)) && !matches!(self.head, Term::Cons(_)) {
            return;
        }
        let mut pending: Vec<Term> = Vec::new();
        if matches!(self.head, Term::Cons(_)) {
            pending.push(std::mem::replace(&mut self.head, Term::EmptyList));
        }
        let mut next = std::mem::replace(&mut self.tail, Term::EmptyList);
        loop {
            while let Term::Cons(cell) = next {
                match triomphe::Arc::try_unwrap(cell) {
                    Ok(mut c) => {
                        if matches!(c.head, Term::Cons(_)) {
                            pending.push(std::mem::replace(&mut c.head, Term::EmptyList));
                        }
                        next = std::mem::replace(&mut c.tail, Term::EmptyList);
                    }
                    Err(_) => break,
                }
            }
            match pending.pop() {
                Some(t) => next = t,
                None => break,
            }
        }
    }
}

impl Term {
    pub const NIL: Term = Term::Atom(Atom::NIL);
    pub const TRUE: Term = Term::Atom(Atom::TRUE);
    pub const FALSE: Term = Term::Atom(Atom::FALSE);
    pub const OK: Term = Term::Atom(Atom::OK);

    pub fn atom(name: &str) -> Term {
        Term::Atom(Atom::new(name))
    }

    pub fn bool(b: bool) -> Term {
        if b { Term::TRUE } else { Term::FALSE }
    }

    pub fn str(s: &str) -> Term {
        Term::Bin(Shared::from(s))
    }

    pub fn bytes(b: &[u8]) -> Term {
        Term::Bin(Shared::from(b))
    }

    pub fn tuple(items: Vec<Term>) -> Term {
        Term::Tuple(Shared::from(items))
    }

    /// An integer, normalised: `Int` when it fits in `i64`.
    pub fn from_bigint(b: BigInt) -> Term {
        match b.to_i64() {
            Some(i) => Term::Int(i),
            None => Term::BigInt(Arc::new(b)),
        }
    }

    pub fn cons(head: Term, tail: Term) -> Term {
        Term::Cons(triomphe::Arc::new(Cons { head, tail }))
    }

    /// A proper list of `items`.
    pub fn list(items: impl IntoIterator<Item = Term, IntoIter: DoubleEndedIterator>) -> Term {
        Term::list_with_tail(items, Term::EmptyList)
    }

    /// A list of `items` ending in `tail` (improper unless `tail` is a list).
    pub fn list_with_tail(items: impl IntoIterator<Item = Term, IntoIter: DoubleEndedIterator>, tail: Term) -> Term {
        items.into_iter().rev().fold(tail, |acc, t| Term::cons(t, acc))
    }

    pub fn map(m: MapT) -> Term {
        Term::Map(Arc::new(m))
    }

    /// A charlist (list of code points) of `s`.
    pub fn charlist(s: &str) -> Term {
        Term::list(s.chars().map(|c| Term::Int(c as i64)).collect::<Vec<_>>())
    }

    pub fn is_truthy(&self) -> bool {
        !matches!(self, Term::Atom(a) if *a == Atom::NIL || *a == Atom::FALSE)
    }

    pub fn as_atom(&self) -> Option<Atom> {
        match self {
            Term::Atom(a) => Some(*a),
            _ => None,
        }
    }

    pub fn as_int(&self) -> Option<i64> {
        match self {
            Term::Int(i) => Some(*i),
            _ => None,
        }
    }

    /// The bytes of a binary.
    pub fn as_bin(&self) -> Option<&[u8]> {
        match self {
            Term::Bin(b) => Some(b),
            _ => None,
        }
    }

    /// The text of a binary that is valid UTF-8.
    pub fn as_str(&self) -> Option<&str> {
        self.as_bin().and_then(|b| std::str::from_utf8(b).ok())
    }

    pub fn as_tuple(&self) -> Option<&[Term]> {
        match self {
            Term::Tuple(t) => Some(t),
            _ => None,
        }
    }

    pub fn as_map(&self) -> Option<&MapT> {
        match self {
            Term::Map(m) => Some(m),
            _ => None,
        }
    }

    pub fn is_list(&self) -> bool {
        matches!(self, Term::EmptyList | Term::Cons(_))
    }

    /// The elements of a proper list, or `None` for an improper list or a non-list.
    pub fn list_to_vec(&self) -> Option<Vec<Term>> {
        let mut out = Vec::new();
        let mut cur = self;
        loop {
            match cur {
                Term::EmptyList => return Some(out),
                Term::Cons(c) => {
                    out.push(c.head.clone());
                    cur = &c.tail;
                }
                _ => return None,
            }
        }
    }

    /// Iterates the cells of a list; the iterator's `tail()` tells how it ended.
    pub fn iter_list(&self) -> ListIter<'_> {
        ListIter { cur: self }
    }

    /// The module atom of a struct (`%Name{}`), if this is a struct.
    pub fn struct_name(&self) -> Option<Atom> {
        match self.as_map()?.get(&Term::Atom(Atom::STRUCT))? {
            Term::Atom(a) => Some(*a),
            _ => None,
        }
    }

    /// Looks up an atom key in a map.
    pub fn map_get(&self, key: Atom) -> Option<&Term> {
        self.as_map()?.get(&Term::Atom(key))
    }
}

/// Walks a list cell by cell; after the walk, [`ListIter::tail`] is `[]` for a proper list.
pub struct ListIter<'a> {
    cur: &'a Term,
}

impl<'a> ListIter<'a> {
    /// What is left: `[]` after a proper list, the improper tail otherwise.
    pub fn tail(&self) -> &'a Term {
        self.cur
    }
}

impl<'a> Iterator for ListIter<'a> {
    type Item = &'a Term;
    fn next(&mut self) -> Option<&'a Term> {
        match self.cur {
            Term::Cons(c) => {
                self.cur = &c.tail;
                Some(&c.head)
            }
            _ => None,
        }
    }
}

impl From<i64> for Term {
    fn from(i: i64) -> Term {
        Term::Int(i)
    }
}

impl From<Atom> for Term {
    fn from(a: Atom) -> Term {
        Term::Atom(a)
    }
}

impl From<bool> for Term {
    fn from(b: bool) -> Term {
        Term::bool(b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_stay_two_words() {
        assert_eq!(std::mem::size_of::<Term>(), 16);
    }

    #[test]
    fn terms_are_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Term>();
    }

    #[test]
    fn long_lists_drop_without_overflow() {
        let l = Term::list((0..2_000_000).map(Term::Int).collect::<Vec<_>>());
        drop(l);
    }

    #[test]
    fn deeply_nested_lists_drop_without_overflow() {
        let mut t = Term::EmptyList;
        for _ in 0..1_000_000 {
            t = Term::list(vec![t]);
        }
        drop(t);
    }

    #[test]
    fn big_integers_normalise() {
        assert!(matches!(Term::from_bigint(BigInt::from(5)), Term::Int(5)));
        assert!(matches!(Term::from_bigint(BigInt::from(i64::MAX) * 2), Term::BigInt(_)));
    }
}
