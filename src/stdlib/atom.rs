//! `Atom` and the `:erlang` conversions between atoms and text, which
//! interpolated atoms (`:"key_#{i}"`) compile to.

use super::Registry;
use crate::eval::exception::{self as ex, R};
use crate::term::{Atom, Term};

/// The longest atom the BEAM accepts, in characters.
const MAX_ATOM_CHARS: usize = 255;

/// `:erlang.binary_to_atom(text, :utf8)`: a new atom, or `SystemLimitError` past 255 characters.
pub fn text_to_atom(text: &str) -> R<Term> {
    if text.chars().count() > MAX_ATOM_CHARS {
        return ex::system_limit();
    }
    Ok(Term::Atom(Atom::new(text)))
}

fn atom_arg(t: &Term) -> R<Atom> {
    t.as_atom().map_or_else(|| ex::badarg_at(1, "not an atom"), Ok)
}

fn text_arg(t: &Term) -> R<Term> {
    match t.as_str() {
        Some(s) => text_to_atom(s),
        None => ex::badarg_at(1, "not a binary"),
    }
}

pub fn register(r: &mut Registry) {
    // `Atom.to_string/1` and `to_charlist/1` are inlined to these builtins,
    // whose frames their errors carry.
    for (m, f, arity) in [(":erlang", "binary_to_atom", 1), (":erlang", "binary_to_atom", 2)] {
        r.add(m, f, arity, |_, a| {
            ex::in_bif(text_arg(&a[0]), "binary_to_atom", || a.to_vec())
        });
    }
    for (m, f, arity) in [
        (":erlang", "atom_to_binary", 1),
        (":erlang", "atom_to_binary", 2),
        ("Atom", "to_string", 1),
    ] {
        r.add(m, f, arity, |_, a| {
            let r = atom_arg(&a[0]).map(|x| Term::str(&x.name()));
            ex::in_bif(r, "atom_to_binary", || a.to_vec())
        });
    }
    for (m, f) in [(":erlang", "atom_to_list"), ("Atom", "to_charlist")] {
        r.add(m, f, 1, |_, a| {
            let r = atom_arg(&a[0]).map(|x| Term::charlist(&x.name()));
            ex::in_bif(r, "atom_to_list", || a.to_vec())
        });
    }
    r.same_as("Atom", "to_char_list", 1, "to_charlist");
}
