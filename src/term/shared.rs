//! [`Shared`]: an immutable, reference-counted slice behind a one-word
//! pointer (its length lives in the allocation), so that a [`super::Term`]
//! holding a binary or a tuple stays two words and a result of one fits in
//! registers.

use std::fmt;
use std::ops::Deref;

use triomphe::ThinArc;

/// A shared `[T]` whose handle is one pointer wide.
pub struct Shared<T>(ThinArc<(), T>);

impl<T> Shared<T> {
    /// Whether two handles share one allocation.
    pub fn ptr_eq(a: &Self, b: &Self) -> bool {
        std::ptr::eq(a.0.slice.as_ptr(), b.0.slice.as_ptr()) && a.len() == b.len()
    }
}

impl<T> Deref for Shared<T> {
    type Target = [T];

    #[inline(always)]
    fn deref(&self) -> &[T] {
        &self.0.slice
    }
}

impl<T> AsRef<[T]> for Shared<T> {
    fn as_ref(&self) -> &[T] {
        self
    }
}

impl<T> Clone for Shared<T> {
    #[inline(always)]
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> From<Vec<T>> for Shared<T> {
    fn from(v: Vec<T>) -> Self {
        Shared(ThinArc::from_header_and_iter((), v.into_iter()))
    }
}

impl<T: Clone> From<&[T]> for Shared<T> {
    fn from(s: &[T]) -> Self {
        Shared(ThinArc::from_header_and_iter((), s.iter().cloned()))
    }
}

impl From<&str> for Shared<u8> {
    fn from(s: &str) -> Self {
        Shared::from(s.as_bytes())
    }
}

impl From<String> for Shared<u8> {
    fn from(s: String) -> Self {
        Shared::from(s.into_bytes())
    }
}

impl<T: fmt::Debug> fmt::Debug for Shared<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        (**self).fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_word() {
        assert_eq!(std::mem::size_of::<Shared<u8>>(), std::mem::size_of::<usize>());
    }

    #[test]
    fn slices_round_trip() {
        let a = Shared::from(vec![1, 2, 3]);
        let b = a.clone();
        assert_eq!(&*b, &[1, 2, 3]);
        assert!(Shared::ptr_eq(&a, &b));
        assert!(!Shared::ptr_eq(&a, &Shared::from(&[1, 2, 3][..])));
        assert!(Shared::<u8>::from(Vec::new()).is_empty());
    }
}
