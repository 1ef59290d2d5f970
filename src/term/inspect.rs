//! `inspect`: terms to text exactly as Elixir 1.14 prints them.
//! (Placeholder until the full printer lands.)

use super::Term;

pub struct Opts {
    pub pretty: bool,
    pub width: usize,
    pub limit: usize,
    pub printable_limit: usize,
    pub colors: bool,
}

impl Opts {
    pub fn inspect() -> Opts {
        Opts { pretty: false, width: usize::MAX, limit: 50, printable_limit: 4096, colors: false }
    }
    pub fn pretty() -> Opts {
        Opts { pretty: true, width: 80, limit: 50, printable_limit: 4096, colors: false }
    }
    pub fn iex(colors: bool) -> Opts {
        Opts { colors, ..Opts::pretty() }
    }
}

pub fn inspect(t: &Term, _opts: &Opts) -> String {
    format!("{t:?}")
}

pub fn inspect_default(t: &Term) -> String {
    inspect(t, &Opts::inspect())
}

pub fn to_string_term(t: &Term) -> Option<String> {
    match t {
        Term::Bin(b) => Some(String::from_utf8_lossy(b).into_owned()),
        Term::Int(i) => Some(i.to_string()),
        Term::Atom(a) if *a == super::Atom::NIL => Some(String::new()),
        Term::Atom(a) => Some(a.name().to_string()),
        _ => None,
    }
}
