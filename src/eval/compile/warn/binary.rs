//! The Erlang compiler's view of a binary construction whose parts are
//! constants (after constant propagation), and the warnings it prints.
//!
//! Two passes see a construction (`sys_core_fold` in OTP 25):
//! - a segment whose size is a constant that is not a non-negative integer
//!   makes the construction "fail because the size of a segment is invalid";
//! - the construction is evaluated segment by segment while each segment is
//!   all constants. Each segment is first checked by its type (a binary's
//!   size must fit its value, a float's size must be 16, 32 or 64); a
//!   segment of an unexpected shape, a native-endian one, or one whose
//!   evaluation would fail another way stops the evaluation silently. A
//!   `utf*` segment with a constant value is also evaluated on its own,
//!   wherever it stands.
//!
//! When a construction evaluates completely, its value is a constant too.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use crate::term::Term;
use crate::term::bits::BitWriter;

pub const BAD_SIZE: &str = "binary construction will fail because the size of a segment is invalid";
const BADARG: &str = "binary construction will fail with a 'badarg' exception";

/// A segment's type: the compiled form's, as the run-time builder knows it.
pub use crate::eval::ir::BitKind as Kind;

/// A segment's size as written (or left to its type's default).
pub enum Size {
    /// `all` for a binary, `undefined` for `utf*`, 8 or 64 for numbers.
    Default,
    Const(Term),
    Unknown,
}

pub struct Seg {
    /// The value, when it is a constant.
    pub value: Option<Term>,
    pub kind: Kind,
    pub size: Size,
    pub unit: u32,
    pub little: bool,
    pub native: bool,
}

pub struct Outcome {
    /// A segment's constant size is invalid.
    pub bad_size: bool,
    /// What evaluating the construction reports (at most one, and the
    /// `utf*` segments' own).
    pub failures: Vec<String>,
    /// The value, when the construction evaluates completely.
    pub value: Option<Term>,
}

pub fn check(segs: &[Seg]) -> Outcome {
    let bad_size = segs.iter().any(|s| match &s.size {
        Size::Const(Term::Int(n)) => *n < 0,
        Size::Const(Term::BigInt(n)) => n.is_negative(),
        Size::Const(Term::Atom(a)) => !matches!(&*a.name(), "all" | "undefined"),
        Size::Const(_) => true,
        Size::Default | Size::Unknown => false,
    });
    let mut failures = Vec::new();
    for s in segs {
        if let (Some(v), false) = (&s.value, s.native)
            && matches!(s.kind, Kind::Utf8 | Kind::Utf16 | Kind::Utf32)
            && code_point(v).is_none()
        {
            failures.push(bad_unicode());
        }
    }
    let value = match evaluate(segs) {
        Ok(v) => v,
        Err(Stop::Fails(why)) => {
            failures.push(why);
            None
        }
        Err(Stop::Impossible) => None,
    };
    Outcome {
        bad_size,
        failures,
        value,
    }
}

enum Stop {
    /// The compiler gives up on evaluating it, silently.
    Impossible,
    /// The construction will fail: the warning.
    Fails(String),
}

fn bad_unicode() -> String {
    format!("{BADARG} (invalid Unicode code point in a utf8/utf16/utf32 segment)")
}

/// A valid Unicode scalar value.
fn code_point(v: &Term) -> Option<char> {
    match v {
        Term::Int(n) => u32::try_from(*n).ok().and_then(char::from_u32),
        _ => None,
    }
}

/// A number's value for the size checks (`Sz * Unit` in a guard).
fn numeric(t: &Term) -> Option<f64> {
    match t {
        Term::Int(n) => Some(*n as f64),
        Term::BigInt(n) => n.to_f64(),
        Term::Float(f) => Some(*f),
        _ => None,
    }
}

/// The bits a segment's integer size and unit make, when that is an integer.
fn bits_of(size: &Term, unit: u32) -> Option<BigInt> {
    match size {
        Term::Int(n) => Some(BigInt::from(*n) * unit),
        Term::BigInt(n) => Some(&**n * unit),
        _ => None,
    }
}

/// Evaluates the segments in order; `Ok(None)` when all evaluate but the
/// value is not one this pass builds (it is then no constant).
fn evaluate(segs: &[Seg]) -> Result<Option<Term>, Stop> {
    let mut acc = Some(BitWriter::default());
    for s in segs {
        let Some(v) = &s.value else {
            return Err(Stop::Impossible);
        };
        let size = match &s.size {
            Size::Default => None,
            Size::Const(t) => Some(t),
            Size::Unknown => return Err(Stop::Impossible),
        };
        match s.kind {
            Kind::Binary => {
                let Some(view) = v.as_bitstring() else {
                    return Err(Stop::Impossible);
                };
                let take = match size {
                    None => {
                        if !(view.len as u64).is_multiple_of(u64::from(s.unit)) {
                            return Err(Stop::Fails(format!(
                                "{BADARG} (size {} cannot be evenly divided by unit {})",
                                view.len, s.unit
                            )));
                        }
                        view.len
                    }
                    Some(t) => {
                        let fits = numeric(t).is_some_and(|n| n * f64::from(s.unit) <= view.len as f64);
                        if !fits {
                            return Err(Stop::Fails(format!(
                                "{BADARG} (field size for binary/bitstring greater than actual size)"
                            )));
                        }
                        match bits_of(t, s.unit).and_then(|b| b.to_usize()) {
                            Some(n) => n,
                            None => return Err(Stop::Impossible),
                        }
                    }
                };
                if let Some(w) = &mut acc {
                    w.push_view(view.sub(0, take));
                }
            }
            Kind::Integer => {
                let n = match size {
                    None => BigInt::from(8),
                    Some(t) => bits_of(t, s.unit).ok_or(Stop::Impossible)?,
                };
                let int = match v {
                    Term::Int(i) => BigInt::from(*i),
                    Term::BigInt(b) => (**b).clone(),
                    _ => return Err(Stop::Impossible),
                };
                // Up to 256 bits always; wider only when the value needs
                // about half of them.
                let needed = 64 * (int.abs().bits().div_ceil(64) + 1);
                if n > BigInt::from(256) && BigInt::from(2 * needed) < n {
                    return Err(Stop::Impossible);
                }
                if s.native || n.is_negative() {
                    return Err(Stop::Impossible);
                }
                let n = n.to_usize().ok_or(Stop::Impossible)?;
                match (&mut acc, int.to_i64()) {
                    (Some(w), Some(i)) if n <= 64 && !s.little => w.push_u64(i as u64, n),
                    _ => acc = None,
                }
            }
            Kind::Float => {
                let Term::Float(f) = v else {
                    return Err(Stop::Impossible);
                };
                let n = match size {
                    None => Some(64),
                    Some(t) => bits_of(t, s.unit).and_then(|b| b.to_u32()),
                };
                let n = match n {
                    Some(n @ (16 | 32 | 64)) => n,
                    _ => return Err(Stop::Fails(format!("{BADARG} (invalid size for a float segment)"))),
                };
                if s.native {
                    return Err(Stop::Impossible);
                }
                let fits = match n {
                    16 => f.abs() <= 65504.0,
                    32 => f.abs() <= f64::from(f32::MAX),
                    _ => true,
                };
                if !fits {
                    return Err(Stop::Impossible);
                }
                match &mut acc {
                    Some(w) if n == 64 && !s.little => w.push_u64(f.to_bits(), 64),
                    Some(w) if n == 32 && !s.little => w.push_u64(u64::from((*f as f32).to_bits()), 32),
                    _ => acc = None,
                }
            }
            Kind::Utf8 | Kind::Utf16 | Kind::Utf32 => {
                if s.native {
                    return Err(Stop::Impossible);
                }
                let Some(c) = code_point(v) else {
                    return Err(Stop::Fails(bad_unicode()));
                };
                match (&mut acc, s.kind) {
                    (Some(w), Kind::Utf8) => w.push_bytes(c.encode_utf8(&mut [0; 4]).as_bytes()),
                    (Some(w), Kind::Utf16) if !s.little => {
                        for u in c.encode_utf16(&mut [0; 2]) {
                            w.push_u64(u64::from(*u), 16);
                        }
                    }
                    (Some(w), Kind::Utf32) if !s.little => w.push_u64(u64::from(c as u32), 32),
                    _ => acc = None,
                }
            }
        }
    }
    Ok(acc.map(BitWriter::into_term))
}
