//! `inspect`: terms to text exactly as Elixir 1.14 prints them.
//!
//! [`inspect`] follows `Kernel.inspect/2`: every term becomes an
//! [`algebra`](super::algebra) document, built as Elixir's `Inspect`
//! implementations build theirs (atoms quoted by `Macro.inspect_atom/2`'s rules,
//! strings escaped like `Code.Identifier.escape/4`, charlists when
//! `List.ascii_printable?/2`, keyword lists and atom-keyed maps in `key: value`
//! form, structs as `%Name{...}`, ranges, `MapSet`s, pids, references, funs),
//! then laid out in the width of the options. [`to_string_term`] is `to_string/1`.
//!
//! Struct fields print in their definition order, which a map does not keep:
//! the evaluator tells it with [`register_struct`] (common exceptions are
//! known). A struct whose module was never registered prints as a map
//! (`%{__struct__: Nope, a: 1}`), as Elixir does for a module that does not exist.
//!
//! Maps print in key order (term order). Elixir does the same for maps of up
//! to 32 keys; larger maps print in Erlang's internal hash order, which this
//! module does not reproduce.

use std::collections::HashMap;
use std::sync::{LazyLock, RwLock};

use super::algebra::{self, ContainerBreak, Doc, Item, concat};
use super::bits::BitView;
use super::float::{format_float, inspect_float};
use super::{Atom, Fun, Term};

/// Inspect options (`Inspect.Opts`). `usize::MAX` means `:infinity`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Opts {
    /// Lay out within `width` columns; otherwise the width is infinite.
    pub pretty: bool,
    pub width: usize,
    /// Items shown per collection (lists, tuples, maps, bitstrings).
    pub limit: usize,
    /// Characters shown of printable strings and charlists.
    pub printable_limit: usize,
    /// IEx's default syntax colours.
    pub colors: bool,
    /// The base integers are printed in (`base: :hex` is 16).
    pub base: u32,
    /// `charlists:` — `None` infers, `Some(true)` as charlists, `Some(false)` as lists.
    pub charlists: Option<bool>,
    /// `binaries:` — `None` infers, `Some(true)` as strings, `Some(false)` as binaries.
    pub binaries: Option<bool>,
    /// `structs:` — false shows structs as the maps they are.
    pub structs: bool,
}

impl Opts {
    /// What `inspect/1` uses: width infinity, limit 50.
    pub fn inspect() -> Opts {
        Opts {
            pretty: false,
            width: 80,
            limit: 50,
            printable_limit: 4096,
            colors: false,
            base: 10,
            charlists: None,
            binaries: None,
            structs: true,
        }
    }

    /// What `IO.inspect/1` uses: width 80, limit 50.
    pub fn pretty() -> Opts {
        Opts {
            pretty: true,
            width: 80,
            limit: 50,
            printable_limit: 4096,
            colors: false,
            base: 10,
            charlists: None,
            binaries: None,
            structs: true,
        }
    }

    /// What iex uses to print a result: pretty at width 80 (IEx's default
    /// `:width`, capped by the terminal), limit 50, and its syntax colours.
    pub fn iex(colors: bool) -> Opts {
        Opts {
            colors,
            ..Opts::pretty()
        }
    }

    fn layout_width(&self) -> Option<usize> {
        (self.pretty && self.width != usize::MAX).then_some(self.width)
    }
}

/// `inspect(term, opts)`.
pub fn inspect(t: &Term, opts: &Opts) -> String {
    let doc = to_doc(t, opts, opts.limit).group();
    algebra::format(&doc, opts.layout_width())
}

/// `inspect/1`.
pub fn inspect_default(t: &Term) -> String {
    inspect(t, &Opts::inspect())
}

/// How iex prints a result: [`inspect`] and, with colours, the whole output in
/// IEx's `:eval_result` colour (yellow).
pub fn format_iex_result(t: &Term, opts: &Opts) -> String {
    let s = inspect(t, opts);
    if opts.colors { format!("{YELLOW}{s}{RESET}") } else { s }
}

// ---------------------------------------------------------------------------
// Colours (IO.ANSI.syntax_colors/0 as IEx configures them)

const RESET: &str = "\x1b[0m";
const YELLOW: &str = "\x1b[33m";
/// The `:reset` IEx sets: reset, then back to the `:eval_result` colour.
const IEX_RESET: &str = "\x1b[0m\x1b[33m";

#[derive(Clone, Copy)]
enum Key {
    Atom,
    Binary,
    Boolean,
    Charlist,
    List,
    Map,
    Nil,
    Number,
    String,
    Tuple,
}

fn color(doc: Doc, key: Key, opts: &Opts) -> Doc {
    if !opts.colors {
        return doc;
    }
    let pre = match key {
        Key::Atom => "\x1b[36m",
        Key::Boolean | Key::Nil => "\x1b[35m",
        Key::Charlist | Key::Number => "\x1b[33m",
        Key::String => "\x1b[32m",
        Key::Binary | Key::List | Key::Map | Key::Tuple => "\x1b[39m",
    };
    doc.color(pre, IEX_RESET)
}

fn text(s: impl Into<String>) -> Doc {
    Doc::text(s)
}

fn dec(limit: usize) -> usize {
    if limit == usize::MAX {
        limit
    } else {
        limit.saturating_sub(1)
    }
}

// ---------------------------------------------------------------------------
// Atoms (Macro.inspect_atom/2)

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum AtomClass {
    Alias,
    Identifier,
    UnquotedOperator,
    QuotedOperator,
    NotCallable,
    Other,
}

const UNARY_OPS: &[&str] = &["&", "!", "^", "not", "+", "-", "~~~", "@"];
const BINARY_OPS: &[&str] = &[
    "<-", "\\\\", "when", "::", "|", "=", "||", "|||", "or", "&&", "&&&", "and", "==", "!=", "=~", "===", "!==", "<",
    "<=", ">=", ">", "|>", "<<<", ">>>", "<~", "~>", "<<~", "~>>", "<~>", "<|>", "in", "^^^", "++", "--", "..", "<>",
    "+++", "---", "+", "-", "*", "/", "**", ".",
];

fn classify(name: &str) -> AtomClass {
    if ["%", "%{}", "{}", "<<>>", "...", "..", ".", "..//", "->"].contains(&name) {
        return AtomClass::NotCallable;
    }
    if ["::", "^^^", "~~~", "<|>"].contains(&name) {
        return AtomClass::QuotedOperator;
    }
    if UNARY_OPS.contains(&name) || BINARY_OPS.contains(&name) {
        return AtomClass::UnquotedOperator;
    }
    if valid_alias(name) {
        return AtomClass::Alias;
    }
    tokenize_identifier(name)
}

fn valid_alias(name: &str) -> bool {
    let Some(mut rest) = name.strip_prefix("Elixir") else {
        return false;
    };
    loop {
        if rest.is_empty() {
            return true;
        }
        let mut chars = rest.chars();
        match (chars.next(), chars.next()) {
            (Some('.'), Some(c)) if c.is_ascii_uppercase() => {
                rest = chars
                    .as_str()
                    .trim_start_matches(|c: char| c.is_ascii_alphanumeric() || c == '_');
            }
            _ => return false,
        }
    }
}

/// `String.Tokenizer.tokenize/1` as `Macro` uses it: the whole atom must be one token.
fn tokenize_identifier(name: &str) -> AtomClass {
    let mut chars = name.chars().peekable();
    let Some(head) = chars.next() else {
        return AtomClass::Other;
    };
    let identifier = if head.is_ascii_uppercase() {
        false
    } else if head.is_ascii_lowercase() || head == '_' {
        true
    } else if head.is_ascii() {
        return AtomClass::Other;
    } else if head.is_uppercase() {
        false
    } else if head.is_alphabetic() {
        true
    } else {
        return AtomClass::Other;
    };
    let mut at = false;
    while let Some(c) = chars.next() {
        match c {
            '!' | '?' => {
                return if chars.next().is_some() {
                    AtomClass::Other
                } else if !identifier || at {
                    AtomClass::NotCallable
                } else {
                    AtomClass::Identifier
                };
            }
            '@' => at = true,
            c if c.is_ascii_alphanumeric() || c == '_' => {}
            c if c.is_ascii() => return AtomClass::Other,
            c if c.is_alphanumeric() || is_mark(c) => {}
            _ => return AtomClass::Other,
        }
    }
    if !identifier || at {
        AtomClass::NotCallable
    } else {
        AtomClass::Identifier
    }
}

/// Combining marks (continue characters of identifiers), roughly.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x300..=0x36F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// `Macro.inspect_atom(:literal, atom)`.
pub fn inspect_atom(a: Atom) -> String {
    let name = a.name();
    if matches!(&*name, "nil" | "true" | "false") {
        return name.to_string();
    }
    match classify(&name) {
        AtomClass::Alias => {
            if name.as_ref() == "Elixir" || name.starts_with("Elixir.Elixir") {
                name.to_string()
            } else {
                name["Elixir.".len()..].to_string()
            }
        }
        AtomClass::QuotedOperator | AtomClass::Other => {
            format!(":\"{}\"", escape(&name, '"', usize::MAX).0)
        }
        _ => format!(":{name}"),
    }
}

/// `Macro.inspect_atom(:key, atom)`: `foo:`, `"foo bar":`.
fn inspect_atom_key(a: Atom) -> String {
    let name = a.name();
    match classify(&name) {
        AtomClass::Alias => format!("\"{name}\":"),
        AtomClass::QuotedOperator | AtomClass::Other => {
            format!("\"{}\":", escape(&name, '"', usize::MAX).0)
        }
        _ => format!("{name}:"),
    }
}

/// `Macro.inspect_atom(:remote_call, atom)`.
fn inspect_atom_remote(a: Atom) -> String {
    let name = a.name();
    match classify(&name) {
        AtomClass::Identifier | AtomClass::UnquotedOperator | AtomClass::QuotedOperator => name.to_string(),
        AtomClass::NotCallable | AtomClass::Alias => format!("\"{name}\""),
        AtomClass::Other => format!("\"{}\"", escape(&name, '"', usize::MAX).0),
    }
}

// ---------------------------------------------------------------------------
// Strings (Code.Identifier.escape/4, String.printable?/2)

/// Escapes up to `limit` characters of `s` for a literal delimited by `quote`;
/// returns the escaped text and whether characters were left over.
fn escape(s: &str, quote: char, limit: usize) -> (String, bool) {
    let mut out = String::with_capacity(s.len() + 2);
    let mut count = 0usize;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if count == limit {
            return (out, true);
        }
        count += 1;
        if c == quote {
            out.push('\\');
            out.push(c);
            continue;
        }
        if c == '#' && chars.peek() == Some(&'{') {
            chars.next();
            out.push_str("\\#{");
            continue;
        }
        match c {
            '\x07' => out.push_str("\\a"),
            '\x08' => out.push_str("\\b"),
            '\x7f' => out.push_str("\\d"),
            '\x1b' => out.push_str("\\e"),
            '\x0c' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\x0b' => out.push_str("\\v"),
            '\\' => out.push_str("\\\\"),
            '\0' => out.push_str("\\0"),
            '\u{FEFF}' => out.push_str("\\uFEFF"),
            c => {
                let n = c as u32;
                if (0x20..=0x7E).contains(&n)
                    || (0xA0..=0xD7FF).contains(&n)
                    || (0xE000..=0xFFFD).contains(&n)
                    || n >= 0x10000
                {
                    out.push(c);
                } else if n < 0x100 {
                    out.push_str(&format!("\\x{n:02X}"));
                } else {
                    out.push_str(&format!("\\x{{{n:04X}}}"));
                }
            }
        }
    }
    (out, false)
}

/// `String.printable?(bin, limit)`.
pub(crate) fn printable(bytes: &[u8], limit: usize) -> bool {
    let mut rest = bytes;
    let mut count = 0usize;
    while count < limit {
        let Some(&b) = rest.first() else { return true };
        if (0x20..=0x7E).contains(&b) || matches!(b, b'\n' | b'\r' | b'\t' | 0x0B | 0x08 | 0x0C | 0x1B | 0x7F | 0x07) {
            rest = &rest[1..];
        } else {
            let Some((c, len)) = decode_utf8(rest) else {
                return false;
            };
            let n = c as u32;
            if !((0xA0..=0xD7FF).contains(&n) || (0xE000..=0xFFFD).contains(&n) || n >= 0x10000) {
                return false;
            }
            rest = &rest[len..];
        }
        count += 1;
    }
    true
}

/// The first UTF-8 character of `b` and its length.
fn decode_utf8(b: &[u8]) -> Option<(char, usize)> {
    let len = match b.first()? {
        0x00..=0x7F => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF7 => 4,
        _ => return None,
    };
    let s = std::str::from_utf8(b.get(..len)?).ok()?;
    s.chars().next().map(|c| (c, len))
}

fn inspect_bin(b: &[u8], opts: &Opts, limit: usize) -> Doc {
    let as_string = opts.base == 10
        && match opts.binaries {
            Some(s) => s && std::str::from_utf8(b).is_ok(),
            None => printable(b, opts.printable_limit),
        };
    if as_string {
        // Printable up to the limit; escape the valid UTF-8 prefix.
        let valid = match std::str::from_utf8(b) {
            Ok(s) => s,
            Err(e) => std::str::from_utf8(&b[..e.valid_up_to()]).unwrap_or(""),
        };
        let (esc, more) = escape(valid, '"', opts.printable_limit);
        let more = more || valid.len() < b.len();
        let s = if more {
            format!("\"{esc}\" <> ...")
        } else {
            format!("\"{esc}\"")
        };
        return color(text(s), Key::String, opts);
    }
    inspect_bitstring(BitView::whole(b, b.len() * 8), opts, limit)
}

/// `<<1, 2, 3::size(4)>>`: whole bytes, then the bits left over with their size.
fn inspect_bitstring(b: BitView, opts: &Opts, limit: usize) -> Doc {
    if b.len == 0 {
        return color(text("<<>>"), Key::Binary, opts);
    }
    let number = |x: u64| color(text(int_in_base(x as i64, opts.base)), Key::Number, opts);
    let mut inner = Vec::new();
    let mut counter = limit;
    let mut pos = 0;
    while pos < b.len {
        if counter == 0 {
            inner.push(text("..."));
            break;
        }
        let left = b.len - pos;
        if left < 8 {
            inner.push(number(b.sub(pos, left).read_u64(left)));
            inner.push(text(format!("::size({left})")));
            break;
        }
        inner.push(number(b.sub(pos, 8).read_u64(8)));
        pos += 8;
        if pos < b.len {
            inner.push(text(","));
            inner.push(Doc::flex_break(" "));
        }
        counter = dec(counter);
    }
    concat(vec![
        color(text("<<"), Key::Binary, opts),
        concat(inner).nest(2),
        color(text(">>"), Key::Binary, opts),
    ])
    .group()
}

// ---------------------------------------------------------------------------
// Lists

/// `List.ascii_printable?(list, limit)`.
fn ascii_printable(t: &Term, limit: usize) -> bool {
    let mut cur = t;
    let mut count = 0usize;
    loop {
        if count == limit {
            return true;
        }
        match cur {
            Term::EmptyList => return true,
            Term::Cons(c) => match c.head {
                Term::Int(n) if (7..=13).contains(&n) || n == 27 || (32..=126).contains(&n) => {
                    cur = &c.tail;
                    count += 1;
                }
                _ => return false,
            },
            _ => return false,
        }
    }
}

/// `IO.chardata_to_string/1` (and `List.to_string/1`): code points, binaries
/// and nested lists, with an optional binary tail.
fn chardata_to_string(t: &Term, out: &mut String) -> bool {
    let mut stack = vec![t];
    while let Some(t) = stack.pop() {
        match t {
            Term::Int(n) => match u32::try_from(*n).ok().and_then(char::from_u32) {
                Some(c) => out.push(c),
                None => return false,
            },
            Term::Bin(b) => match std::str::from_utf8(b) {
                Ok(s) => out.push_str(s),
                Err(_) => return false,
            },
            Term::EmptyList => {}
            Term::Cons(c) => {
                let mut items = vec![];
                let mut cur = t;
                while let Term::Cons(c) = cur {
                    items.push(&c.head);
                    cur = &c.tail;
                }
                match cur {
                    Term::EmptyList => {}
                    Term::Bin(_) => items.push(cur),
                    _ => return false,
                }
                let _ = c;
                stack.extend(items.into_iter().rev());
            }
            _ => return false,
        }
    }
    true
}

/// `Inspect.List.keyword?/1`.
fn is_keyword(items: &[&Term]) -> bool {
    items.iter().all(|t| match t.as_tuple() {
        Some([Term::Atom(a), _]) => !a.name().starts_with("Elixir."),
        _ => false,
    })
}

fn keyword_item(key: Atom, value: &Term, opts: &Opts, limit: usize) -> Doc {
    concat(vec![
        color(text(inspect_atom_key(key)), Key::Atom, opts),
        text(" "),
        to_doc(value, opts, limit),
    ])
}

fn kw_doc(t: &Term, opts: &Opts, limit: usize) -> Doc {
    match t.as_tuple() {
        Some([Term::Atom(k), v]) => keyword_item(*k, v, opts, limit),
        _ => to_doc(t, opts, limit),
    }
}

fn inspect_list(t: &Term, opts: &Opts, limit: usize) -> Doc {
    if matches!(t, Term::EmptyList) {
        return color(text("[]"), Key::List, opts);
    }
    let as_charlist = match opts.charlists {
        Some(c) => {
            c && t
                .iter_list()
                .all(|c| matches!(c, Term::Int(n) if char::from_u32(*n as u32).is_some()))
        }
        None => ascii_printable(t, opts.printable_limit),
    };
    if as_charlist {
        let mut s = String::new();
        if chardata_to_string(t, &mut s) {
            let (esc, more) = escape(&s, '\'', opts.printable_limit);
            let s = if more {
                format!("'{esc}' ++ ...")
            } else {
                format!("'{esc}'")
            };
            return color(text(s), Key::Charlist, opts);
        }
    }
    let open = color(text("["), Key::List, opts);
    let sep = color(text(","), Key::List, opts);
    let close = color(text("]"), Key::List, opts);
    let mut iter = t.iter_list();
    let cells: Vec<&Term> = iter.by_ref().collect();
    let tail = iter.tail();
    let proper = matches!(tail, Term::EmptyList);
    if proper && is_keyword(&cells) {
        let items = limited(&cells, limit, |t, l| kw_doc(t, opts, l));
        return algebra::container_doc(open, items, close, sep, ContainerBreak::Strict);
    }
    let mut items = Vec::new();
    let mut l = limit;
    for (i, cell) in cells.iter().enumerate() {
        if l == 0 {
            items.push(Item::Ellipsis);
            break;
        }
        l = dec(l);
        if i + 1 == cells.len() && !proper {
            items.push(Item::Tail(to_doc(cell, opts, l), to_doc(tail, opts, l)));
        } else {
            items.push(Item::Doc(to_doc(cell, opts, l)));
        }
    }
    algebra::container_doc(open, items, close, sep, ContainerBreak::Maybe)
}

/// `container_each`: each item gets the limit left after it, `...` when it runs out.
fn limited<T>(items: &[T], limit: usize, mut f: impl FnMut(&T, usize) -> Doc) -> Vec<Item> {
    let mut out = Vec::with_capacity(items.len().min(limit.saturating_add(1)));
    let mut l = limit;
    for it in items {
        if l == 0 {
            out.push(Item::Ellipsis);
            break;
        }
        l = dec(l);
        out.push(Item::Doc(f(it, l)));
    }
    out
}

// ---------------------------------------------------------------------------
// Maps and structs

static STRUCT_FIELDS: LazyLock<RwLock<HashMap<Atom, Vec<Atom>>>> = LazyLock::new(|| {
    let known: &[(&str, &[&str])] = &[
        ("RuntimeError", &["message"]),
        ("ArgumentError", &["message"]),
        ("ArithmeticError", &["message"]),
        ("SystemLimitError", &["message"]),
        ("KeyError", &["key", "term", "message"]),
        ("MatchError", &["term"]),
        ("CaseClauseError", &["term"]),
        ("CondClauseError", &[]),
        ("TryClauseError", &["term"]),
        ("WithClauseError", &["term"]),
        (
            "FunctionClauseError",
            &["module", "function", "arity", "kind", "args", "clauses"],
        ),
        (
            "UndefinedFunctionError",
            &["module", "function", "arity", "reason", "message"],
        ),
        ("BadMapError", &["term"]),
        ("BadBooleanError", &["term", "operator"]),
        ("BadArityError", &["function", "args"]),
        ("BadFunctionError", &["term"]),
        ("BadStructError", &["struct", "term"]),
        ("Protocol.UndefinedError", &["protocol", "value", "description"]),
        ("ErlangError", &["original", "reason"]),
        ("CompileError", &["file", "line", "description"]),
        ("File.Error", &["reason", "path", "action"]),
        ("Enum.EmptyError", &["message"]),
        ("Enum.OutOfBoundsError", &["message"]),
        ("UnicodeConversionError", &["encoded", "message"]),
        ("URI.Error", &["action", "reason", "part"]),
        ("IO.Stream", &["device", "raw", "line_or_bytes"]),
        ("IO.StreamError", &["reason", "message"]),
    ];
    let map = known
        .iter()
        .map(|(m, fs)| (Atom::alias(m), fs.iter().map(|f| Atom::new(f)).collect()))
        .collect();
    RwLock::new(map)
});

/// Declares a struct's fields in definition order (`defstruct`/`defexception`),
/// so its values print as `%Name{...}` in that order.
pub fn register_struct(module: Atom, fields: &[Atom]) {
    let fields = fields
        .iter()
        .copied()
        .filter(|f| *f != Atom::STRUCT && *f != Atom::EXCEPTION)
        .collect();
    STRUCT_FIELDS
        .write()
        .unwrap_or_else(|e| e.into_inner())
        .insert(module, fields);
}

/// Structs whose `@derive {Inspect, only: …}` or `except:` shows only some
/// fields, with those fields in definition order.
static DERIVED: LazyLock<RwLock<HashMap<Atom, Vec<Atom>>>> = LazyLock::new(Default::default);

/// Declares that a struct's derived `Inspect` shows only `fields`, as
/// `#Name<field: value, ..., ...>`.
pub fn register_derived(module: Atom, fields: Vec<Atom>) {
    DERIVED
        .write()
        .unwrap_or_else(|e| e.into_inner())
        .insert(module, fields);
}

/// A user's `Inspect` implementation, called for a struct: the document it
/// gives, or `None` when the struct has none. The evaluator installs it
/// ([`set_user_inspect`]); until one is defined it is never called.
pub type UserInspect = fn(&Term, &Opts) -> Option<Doc>;

static USER_INSPECT: std::sync::OnceLock<UserInspect> = std::sync::OnceLock::new();
static USER_INSPECT_ON: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Installs the hook for user `Inspect` implementations; `active` says
/// whether any exists yet (printing a struct asks only then).
pub fn set_user_inspect(f: UserInspect, active: bool) {
    let _ = USER_INSPECT.set(f);
    if active {
        USER_INSPECT_ON.store(true, std::sync::atomic::Ordering::Relaxed);
    }
}

/// The document `inspect` makes of `t` (`Inspect.Algebra.to_doc/2`).
pub fn doc_of(t: &Term, opts: &Opts) -> Doc {
    to_doc(t, opts, opts.limit)
}

/// The fields of a struct, in definition order, if known.
pub fn struct_fields(module: Atom) -> Option<Vec<Atom>> {
    STRUCT_FIELDS
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .get(&module)
        .cloned()
}

fn inspect_map(t: &Term, opts: &Opts, limit: usize) -> Doc {
    let Some(m) = t.as_map() else { return Doc::Nil };
    if let Some(name) = t.struct_name().filter(|_| opts.structs)
        && let Some(doc) = inspect_struct(t, name, opts, limit)
    {
        return doc;
    }
    let pairs: Vec<(&Term, &Term)> = super::hamt::entries(m).collect();
    let keyword = pairs
        .iter()
        .all(|(k, _)| matches!(k, Term::Atom(a) if !a.name().starts_with("Elixir.")));
    let items = if keyword {
        limited(&pairs, limit, |(k, v), l| match k {
            Term::Atom(a) => keyword_item(*a, v, opts, l),
            _ => Doc::Nil,
        })
    } else {
        limited(&pairs, limit, |(k, v), l| {
            concat(vec![
                to_doc(k, opts, l),
                color(text(" => "), Key::Map, opts),
                to_doc(v, opts, l),
            ])
        })
    };
    map_container(String::new(), items, opts)
}

fn map_container(name: String, items: Vec<Item>, opts: &Opts) -> Doc {
    let open = color(text(format!("%{name}{{")), Key::Map, opts);
    let sep = color(text(","), Key::Map, opts);
    let close = color(text("}"), Key::Map, opts);
    algebra::container_doc(open, items, close, sep, ContainerBreak::Strict)
}

fn inspect_struct(t: &Term, name: Atom, opts: &Opts, limit: usize) -> Option<Doc> {
    let m = t.as_map()?;
    let get = |k: &str| t.map_get(Atom::new(k));
    match name.name().as_ref() {
        "Elixir.Range" => {
            let (first, last) = (get("first")?, get("last")?);
            let step = get("step").cloned().unwrap_or_else(|| {
                let down = super::order::compare(first, last) == std::cmp::Ordering::Greater;
                Term::Int(if down { -1 } else { 1 })
            });
            let mut parts = vec![to_doc(first, opts, limit), text(".."), to_doc(last, opts, limit)];
            let ascending = super::order::compare(last, first) != std::cmp::Ordering::Less;
            if !(matches!(step, Term::Int(1)) && ascending) {
                parts.push(text("//"));
                parts.push(to_doc(&step, opts, limit));
            }
            return Some(concat(parts));
        }
        "Elixir.MapSet" => {
            if let Some(Term::Map(set)) = get("map") {
                let list = Term::list(super::hamt::entries(set).map(|(k, _)| k.clone()).collect::<Vec<_>>());
                return Some(concat(vec![
                    text("MapSet.new("),
                    inspect_list(&list, opts, limit),
                    text(")"),
                ]));
            }
        }
        "Elixir.Date" => {
            if let (Some(Term::Int(y)), Some(Term::Int(mo)), Some(Term::Int(d))) =
                (get("year"), get("month"), get("day"))
            {
                return Some(text(format!("~D[{y:04}-{mo:02}-{d:02}]")));
            }
        }
        "Elixir.Stream" => {
            use crate::stdlib::stream::{ShownSource, shown};
            let (source, funs) = shown(t)?;
            let source = match source {
                ShownSource::Fun(f) if funs.is_empty() => return Some(text(f)),
                ShownSource::Fun(f) => text(f),
                ShownSource::Term(t) => to_doc(t, opts, dec(limit)),
            };
            // Elixir shows `[enum: …, funs: […]]` inside `#Stream<…>`.
            let list = |items| {
                let open = color(text("["), Key::List, opts);
                let sep = color(text(","), Key::List, opts);
                let close = color(text("]"), Key::List, opts);
                (open, items, close, sep)
            };
            let (open, items, close, sep) = list(limited(&funs, dec(dec(limit)), |f, _| text(*f)));
            let funs = algebra::container_doc(open, items, close, sep, ContainerBreak::Maybe);
            let key = |k: &str, v: Doc| concat(vec![color(text(k), Key::Atom, opts), text(" "), v]);
            let kw = vec![Item::Doc(key("enum:", source)), Item::Doc(key("funs:", funs))];
            let (open, items, close, sep) = list(kw);
            return Some(concat(vec![
                text("#Stream<"),
                algebra::container_doc(open, items, close, sep, ContainerBreak::Strict),
                text(">"),
            ]));
        }
        "Elixir.Regex" => {
            if let (Some(Term::Bin(source)), Some(Term::Bin(mods))) = (get("source"), get("opts")) {
                let text_of = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
                return Some(text(format!("~r/{}/{}", text_of(source), text_of(mods))));
            }
        }
        _ => {}
    }
    if USER_INSPECT_ON.load(std::sync::atomic::Ordering::Relaxed)
        && let Some(hook) = USER_INSPECT.get()
    {
        let o = Opts { limit, ..opts.clone() };
        if let Some(doc) = hook(t, &o) {
            return Some(doc);
        }
    }
    let derived = DERIVED.read().unwrap_or_else(|e| e.into_inner()).get(&name).cloned();
    if let Some(shown) = derived {
        // `Inspect.Any.inspect/4`: `#Name<…>`, always ending in `...`.
        let mut items = limited(&shown, limit, |f, l| {
            keyword_item(*f, m.get(&Term::Atom(*f)).unwrap_or(&Term::NIL), opts, l)
        });
        if !matches!(items.last(), Some(Item::Ellipsis)) {
            items.push(Item::Ellipsis);
        }
        let open = color(text(format!("#{}<", inspect_atom(name))), Key::Map, opts);
        let sep = color(text(","), Key::Map, opts);
        let close = color(text(">"), Key::Map, opts);
        return Some(algebra::container_doc(open, items, close, sep, ContainerBreak::Strict));
    }
    let mut fields = struct_fields(name)?;
    // `%URI{}` derives Inspect with `authority` optional: shown only when set.
    if name == Atom::alias("URI") && get("authority").is_some_and(|a| *a == Term::NIL) {
        let authority = Atom::new("authority");
        fields.retain(|f| *f != authority);
        return Some(struct_doc(m, name, &fields, opts, limit));
    }
    let keys: Vec<&Term> = m
        .keys()
        .filter(|k| !matches!(k, Term::Atom(a) if *a == Atom::STRUCT || *a == Atom::EXCEPTION))
        .collect();
    if keys.len() != fields.len() || !fields.iter().all(|f| m.contains_key(&Term::Atom(*f))) {
        return None;
    }
    Some(struct_doc(m, name, &fields, opts, limit))
}

/// `%Name{field: value, …}` with `fields` in that order.
fn struct_doc(m: &super::MapT, name: Atom, fields: &[Atom], opts: &Opts, limit: usize) -> Doc {
    let items = limited(fields, limit, |f, l| {
        keyword_item(*f, m.get(&Term::Atom(*f)).unwrap_or(&Term::NIL), opts, l)
    });
    map_container(inspect_atom(name), items, opts)
}

// ---------------------------------------------------------------------------
// Everything else

fn inspect_fun(f: &Fun) -> String {
    match f {
        Fun::External { module, name, arity } => {
            format!("&{}.{}/{}", inspect_atom(*module), inspect_atom_remote(*name), arity)
        }
        // A script's top level is compiled into a module `elixir_compiler_N`,
        // whose `fn`s Elixir names by the script's file.
        Fun::Closure { code, .. } if code.context.starts_with(":elixir_compiler_") => {
            format!(
                "#Function<{}.{} in file:{}>",
                code.index,
                fun_uniq(&code.context),
                code.file
            )
        }
        Fun::Closure { code, .. } => {
            // erl_eval (OTP 25) makes a prompt's `fn` from one of its own funs, chosen by arity.
            let index = if code.context.starts_with(":erl_eval.") && code.arity <= 20 {
                43 - code.arity as u32
            } else {
                code.index
            };
            format!(
                "#Function<{}.{}/{} in {}>",
                index,
                fun_uniq(&code.context),
                code.arity,
                code.context
            )
        }
    }
}

/// The `uniq` number of a closure: Erlang derives it from the module's code.
/// `fn`s typed at the prompt belong to `:erl_eval`, whose number on OTP 25 is
/// 3316493; for modules a stable hash of the module name stands in.
fn fun_uniq(context: &str) -> u32 {
    if context.starts_with(":erl_eval.") {
        return 3_316_493;
    }
    let module = context.rsplit_once('.').map_or(context, |(m, _)| m);
    // FNV-1a, folded to 27 bits like the typical size of Erlang's numbers.
    let mut h: u32 = 0x811c_9dc5;
    for b in module.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h & 0x07FF_FFFF
}

/// `#Reference<0.a.b.c>` numbers for `Ref(n)`: deterministic and distinct for n < 2^50,
/// as wide as the BEAM's (10, 10 and 6 digits), so values wrap where Elixir wraps them.
pub(crate) fn ref_numbers(n: u64) -> (u64, u64, u64) {
    (
        (1_471_664_229 ^ (n >> 18)) & 0xFFFF_FFFF,
        2_995_257_346,
        100_000 + (n & 0x3FFFF),
    )
}

fn to_doc(t: &Term, opts: &Opts, limit: usize) -> Doc {
    stacker::maybe_grow(64 * 1024, 1024 * 1024, || to_doc_inner(t, opts, limit))
}

fn to_doc_inner(t: &Term, opts: &Opts, limit: usize) -> Doc {
    match t {
        Term::Int(i) => color(text(int_in_base(*i, opts.base)), Key::Number, opts),
        Term::BigInt(b) => color(text(bigint_in_base(b, opts.base)), Key::Number, opts),
        Term::Float(f) => color(text(inspect_float(*f)), Key::Number, opts),
        Term::Atom(a) => {
            let key = match *a {
                Atom::NIL => Key::Nil,
                Atom::TRUE | Atom::FALSE => Key::Boolean,
                _ => Key::Atom,
            };
            color(text(inspect_atom(*a)), key, opts)
        }
        Term::Bin(b) => inspect_bin(b, opts, limit),
        Term::Bits(b) => inspect_bitstring(BitView::whole(b.data(), b.len()), opts, limit),
        Term::EmptyList | Term::Cons(_) => inspect_list(t, opts, limit),
        Term::Tuple(items) => {
            let open = color(text("{"), Key::Tuple, opts);
            let sep = color(text(","), Key::Tuple, opts);
            let close = color(text("}"), Key::Tuple, opts);
            let items = limited(items, limit, |t, l| to_doc(t, opts, l));
            algebra::container_doc(open, items, close, sep, ContainerBreak::Flex)
        }
        Term::Map(_) => inspect_map(t, opts, limit),
        Term::Pid(p) => text(format!("#PID<0.{}.0>", p.0)),
        Term::Ref(r) => {
            let (a, b, c) = ref_numbers(r.0);
            text(format!("#Reference<0.{a}.{b}.{c}>"))
        }
        Term::Fun(f) => text(inspect_fun(f)),
    }
}

/// An integer as `inspect` writes it in `base` (`0xFF`, `0b101`, `0o17`).
fn int_in_base(i: i64, base: u32) -> String {
    let (prefix, digits) = match base {
        16 => ("0x", format!("{:X}", i.unsigned_abs())),
        8 => ("0o", format!("{:o}", i.unsigned_abs())),
        2 => ("0b", format!("{:b}", i.unsigned_abs())),
        _ => return i.to_string(),
    };
    format!("{}{prefix}{digits}", if i < 0 { "-" } else { "" })
}

/// A big integer as `inspect` writes it in `base`, as [`int_in_base`].
fn bigint_in_base(b: &num_bigint::BigInt, base: u32) -> String {
    let prefix = match base {
        16 => "0x",
        8 => "0o",
        2 => "0b",
        _ => return b.to_string(),
    };
    let sign = if b.sign() == num_bigint::Sign::Minus { "-" } else { "" };
    format!("{sign}{prefix}{}", b.magnitude().to_str_radix(base).to_uppercase())
}

/// `to_string/1` (`String.Chars`, also string interpolation), or `None` where
/// Elixir raises: tuples, maps, pids, references, funs, and lists that are not
/// chardata.
pub fn to_string_term(t: &Term) -> Option<String> {
    match t {
        Term::Bin(b) => Some(String::from_utf8_lossy(b).into_owned()),
        Term::Atom(a) if *a == Atom::NIL => Some(String::new()),
        Term::Atom(a) => Some(a.name().to_string()),
        Term::Int(i) => Some(i.to_string()),
        Term::BigInt(b) => Some(b.to_string()),
        Term::Float(f) => Some(format_float(*f)),
        Term::EmptyList | Term::Cons(_) => {
            let mut s = String::new();
            chardata_to_string(t, &mut s).then_some(s)
        }
        _ => None,
    }
}

/// `to_string/1` of a binary as bytes (binaries need not be UTF-8).
pub fn to_string_bytes(t: &Term) -> Option<Vec<u8>> {
    match t {
        Term::Bin(b) => Some(b.to_vec()),
        Term::EmptyList | Term::Cons(_) => to_iodata_bytes(t),
        _ => to_string_term(t).map(String::into_bytes),
    }
}

/// `List.to_string/1` as bytes: binaries are copied as they are.
fn to_iodata_bytes(t: &Term) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut stack = vec![t];
    while let Some(t) = stack.pop() {
        match t {
            Term::Int(n) => {
                let c = u32::try_from(*n).ok().and_then(char::from_u32)?;
                let mut buf = [0u8; 4];
                out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            }
            Term::Bin(b) => out.extend_from_slice(b),
            Term::EmptyList => {}
            Term::Cons(_) => {
                let mut items = vec![];
                let mut cur = t;
                while let Term::Cons(c) = cur {
                    items.push(&c.head);
                    cur = &c.tail;
                }
                match cur {
                    Term::EmptyList => {}
                    Term::Bin(_) => items.push(cur),
                    _ => return None,
                }
                stack.extend(items.into_iter().rev());
            }
            _ => return None,
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::term::{MapT, Pid, Ref};
    use num_bigint::BigInt;
    use std::sync::Arc;

    // A tiny term builder for the recorded cases.
    fn i(n: i64) -> Term {
        Term::Int(n)
    }
    fn big(s: &str) -> Term {
        Term::from_bigint(s.parse::<BigInt>().expect("bigint"))
    }
    fn fl(f: f64) -> Term {
        Term::Float(f)
    }
    fn a(s: &str) -> Term {
        Term::atom(s)
    }
    fn al(s: &str) -> Term {
        Term::Atom(Atom::alias(s))
    }
    fn s(x: &str) -> Term {
        Term::str(x)
    }
    fn b(x: &[u8]) -> Term {
        Term::bytes(x)
    }
    fn l(v: Vec<Term>) -> Term {
        Term::list(v)
    }
    fn lt(v: Vec<Term>, tail: Term) -> Term {
        Term::list_with_tail(v, tail)
    }
    fn t(v: Vec<Term>) -> Term {
        Term::tuple(v)
    }
    fn m(v: Vec<(Term, Term)>) -> Term {
        Term::map(v.into_iter().collect::<MapT>())
    }
    fn kw(v: Vec<(&str, Term)>) -> Term {
        l(v.into_iter().map(|(k, v)| t(vec![a(k), v])).collect())
    }
    fn am(v: Vec<(&str, Term)>) -> Term {
        m(v.into_iter().map(|(k, v)| (a(k), v)).collect())
    }
    fn cl(x: &str) -> Term {
        Term::charlist(x)
    }
    fn st(name: &str, v: Vec<(&str, Term)>) -> Term {
        let mut pairs: Vec<(Term, Term)> = v.into_iter().map(|(k, v)| (a(k), v)).collect();
        pairs.push((Term::Atom(Atom::STRUCT), al(name)));
        m(pairs)
    }
    fn exc(name: &str, v: Vec<(&str, Term)>) -> Term {
        let mut v = v;
        v.push(("__exception__", Term::TRUE));
        st(name, v)
    }
    fn range(f: i64, la: i64, step: i64) -> Term {
        st("Range", vec![("first", i(f)), ("last", i(la)), ("step", i(step))])
    }
    fn ints(r: std::ops::RangeInclusive<i64>) -> Vec<Term> {
        r.map(i).collect()
    }
    fn ext(module: Term, name: &str, arity: usize) -> Term {
        let module = module.as_atom().unwrap_or(Atom::NIL);
        Term::Fun(Arc::new(Fun::External {
            module,
            name: Atom::new(name),
            arity,
        }))
    }
    fn closure(index: u32, arity: usize, context: &str) -> Term {
        let code = Arc::new(crate::eval::Lambda {
            arity,
            index,
            held: 0,
            context: context.to_string(),
            clauses: vec![],
            slots: 0,
            capture_slots: vec![],
            file: Arc::from("test"),
            line: 1,
            pure: None,
        });
        Term::Fun(Arc::new(Fun::Closure {
            code,
            env: Box::new([]),
        }))
    }
    fn nested_map() -> Term {
        am(vec![
            ("name", s("A fairly long name for a thing")),
            (
                "address",
                am(vec![
                    ("street", s("123 Some Long Street Name")),
                    ("city", s("Somewhere")),
                    ("zip", s("12345")),
                ]),
            ),
            (
                "tags",
                l(["alpha", "beta", "gamma", "delta", "epsilon"]
                    .into_iter()
                    .map(a)
                    .collect()),
            ),
            ("scores", t(ints(1..=3))),
        ])
    }
    fn s_struct(z: Term, av: Term) -> Term {
        st("S", vec![("z", z), ("a", av), ("b", i(2))])
    }

    const INF: usize = usize::MAX;

    /// The term of a recorded case and its option overrides (limit, printable_limit, width).
    fn case(name: &str) -> Option<(Term, [Option<usize>; 3])> {
        let none = [None, None, None];
        let lim = |n: usize| [Some(n), None, None];
        let plim = |n: usize| [None, Some(n), None];
        let term = match name {
            "int_zero" => i(0),
            "int_pos" => i(42),
            "int_neg" => i(-7),
            "int_i64_max" => i(i64::MAX),
            "int_i64_min" => i(i64::MIN),
            "bigint_2_64" => big("18446744073709551616"),
            "bigint_neg" => big("-1180591620717411303424"),
            "bigint_long" => big("123456789012345678901234567890"),
            "float_one" => fl(1.0),
            "float_negzero" => fl(-0.0),
            "float_1e16" => fl(1.0e16),
            "float_1e15" => fl(1.0e15),
            "float_tenth" => fl(0.1),
            "float_small" => fl(1.0e-5),
            "float_frac" => fl(123456789.123),
            "float_thousand" => fl(1000.0),
            "float_neg" => fl(-2.5),
            "atom_foo" => a("foo"),
            "atom_space" => a("foo bar"),
            "atom_q" => a("foo?"),
            "atom_bang" => a("foo!"),
            "atom_plus" => a("+"),
            "atom_digit" => a("9a"),
            "atom_nil" => Term::NIL,
            "atom_true" => Term::TRUE,
            "atom_false" => Term::FALSE,
            "atom_elixir" => a("Elixir"),
            "atom_alias" => al("Foo.Bar"),
            "atom_alias1" => al("String"),
            "atom_elixir_lower" => a("Elixir.foo"),
            "atom_elixir_elixir" => a("Elixir.Elixir.Foo"),
            "atom_at" => a("@"),
            "atom_dash" => a("foo-bar"),
            "atom_node" => a("foo@bar"),
            "atom_upper" => a("Foo"),
            "atom_colons" => a("::"),
            "atom_dots3" => a("..."),
            "atom_dots2" => a(".."),
            "atom_concat" => a("<>"),
            "atom_qmid" => a("foo?bar"),
            "atom_quote" => a("with\"quote"),
            "atom_unicode" => a("ünïcödé"),
            "atom_underscore" => a("_"),
            "atom_underfoo" => a("_foo"),
            "atom_empty" => a(""),
            "atom_newline" => a("a\nb"),
            "atom_map" => a("%{}"),
            "atom_amp" => a("&"),
            "atom_when" => a("when"),
            "atom_pipe" => a("|>"),
            "atom_slashslash" => a("//"),
            "atom_stepop" => a("..//"),
            "atom_erlang" => a("erlang"),
            "str_empty" => s(""),
            "str_hello" => s("hello"),
            "str_newline" => s("a\nb"),
            "str_escape" => s("\x1b[0m"),
            "str_quote" => s("quote\"s"),
            "str_interp" => s("#{x}"),
            "str_hash" => s("# not interp"),
            "str_tab" => s("tab\there"),
            "str_controls" => s("\x07\x08\x0b\x0c\r\x7f"),
            "str_unicode" => s("olá ünicode"),
            "str_cjk" => s("日本語"),
            "str_emoji" => s("😀"),
            "str_nbsp" => s("a\u{A0}b"),
            "str_bom" => s("\u{FEFF}"),
            "str_backslash" => s("back\\slash"),
            "bin_zero_one" => b(&[0, 1]),
            "bin_255" => b(&[255]),
            "bin_nul_suffix" => b(b"a\0"),
            "bin_invalid_utf8" => b(b"abc\xc8"),
            "bin_c1" => b(&[0xC2, 0x80]),
            "bin_long" => b(&[1; 60]),
            "cl_abc" => cl("abc"),
            "cl_newline" => cl("a\nb"),
            "cl_bell" => l(ints(7..=9)),
            "cl_words" => cl("hello world"),
            "cl_zero" => l(vec![i(0)]),
            "cl_small" => l(ints(1..=3)),
            "cl_latin1" => cl("é"),
            "cl_escape" => cl("\x1b[0m"),
            "cl_quote" => cl("it's"),
            "cl_improper" => lt(vec![i(97)], i(98)),
            "list_empty" => Term::EmptyList,
            "list_ints" => l(ints(1..=3)),
            "list_mixed" => l(vec![i(1), a("a"), s("b"), fl(2.0)]),
            "list_improper" => lt(vec![i(1)], i(2)),
            "list_improper2" => lt(vec![i(1), i(2)], i(3)),
            "list_improper_str" => lt(vec![s("a")], s("b")),
            "list_nested" => l(vec![l(vec![i(1)]), l(vec![i(2), l(vec![i(3)])])]),
            "list_of_empty" => l(vec![Term::EmptyList]),
            "list_iodata" => l(vec![cl("ab"), s("cd"), i(101)]),
            "kw_simple" => kw(vec![("a", i(1)), ("b", i(2))]),
            "kw_quoted" => kw(vec![("foo bar", i(1)), ("ok", i(2))]),
            "kw_not_atom" => l(vec![t(vec![a("a"), i(1)]), t(vec![s("b"), i(2)])]),
            "kw_alias_key" => l(vec![t(vec![al("Foo"), i(1)])]),
            "kw_nested" => kw(vec![("a", kw(vec![("b", kw(vec![("c", i(1))]))]))]),
            "kw_digit" => kw(vec![("9a", i(1))]),
            "kw_ops" => kw(vec![("+", i(1)), ("?", i(2)), ("foo?", i(3))]),
            "kw_special" => kw(vec![("nil", i(1)), ("true", i(2))]),
            "kw_upper" => kw(vec![("Foo", i(1))]),
            "kw_triple" => l(vec![t(vec![a("a"), i(1), i(2)])]),
            "tuple_empty" => t(vec![]),
            "tuple_one" => t(vec![i(1)]),
            "tuple_two" => t(vec![i(1), i(2)]),
            "tuple_ok" => t(vec![a("ok"), s("x")]),
            "tuple_nested" => t(vec![a("a"), t(vec![a("b"), t(vec![a("c")])])]),
            "tuple_kw" => t(vec![a("ok"), kw(vec![("a", i(1))])]),
            "map_empty" => m(vec![]),
            "map_atoms" => am(vec![("a", i(1)), ("b", i(2))]),
            "map_assoc" => m(vec![(i(1), i(2)), (s("a"), a("b"))]),
            "map_mixed" => m(vec![(a("a"), i(1)), (s("b"), i(2))]),
            "map_alias_key" => m(vec![(al("Foo"), i(1))]),
            "map_quoted_key" => am(vec![("foo bar", i(1))]),
            "map_list_key" => m(vec![(l(vec![i(1)]), t(vec![i(2)]))]),
            "map_num_keys" => m(vec![(fl(1.0), a("f")), (i(1), a("i"))]),
            "map_nested" => am(vec![("a", am(vec![("b", am(vec![("c", i(1))]))]))]),
            "map_32" => m((1..=32).map(|n| (i(n), i(n * 2))).collect()),
            "map_atom_order" => am(vec![("zeta", i(1)), ("alpha", i(2)), ("mid", i(3))]),
            "struct_runtime_error" => exc("RuntimeError", vec![("message", s("boom"))]),
            "struct_key_error" => exc(
                "KeyError",
                vec![("key", a("a")), ("term", m(vec![])), ("message", Term::NIL)],
            ),
            "struct_argument_error" => exc("ArgumentError", vec![("message", s("argument error"))]),
            "struct_user" => s_struct(Term::NIL, Term::NIL),
            "struct_user_vals" => s_struct(l(ints(1..=2)), am(vec![("x", i(1))])),
            "struct_missing_field" => st("S", vec![("z", Term::NIL), ("b", i(2))]),
            "struct_unknown" => st("Nope", vec![("a", i(1))]),
            "range" => range(1, 10, 1),
            "range_step" => range(1, 10, 2),
            "range_down" => range(10, 1, -1),
            "range_empty" => range(5, 1, 1),
            "range_neg" => range(-3, -1, 1),
            "mapset" => st(
                "MapSet",
                vec![
                    (
                        "map",
                        m(ints(1..=3).into_iter().map(|k| (k, Term::EmptyList)).collect()),
                    ),
                    ("version", i(2)),
                ],
            ),
            "mapset_empty" => st("MapSet", vec![("map", m(vec![])), ("version", i(2))]),
            "pid" => Term::Pid(Pid(123)),
            "pid_big" => Term::Pid(Pid(32767)),
            "ref_1" => Term::Ref(Ref(1)),
            "ref_12345" => Term::Ref(Ref(12345)),
            "ref_big" => Term::Ref(Ref(123_456_789_012)),
            "fun_ext_erlang" => ext(a("lists"), "map", 2),
            "fun_ext_elixir" => ext(al("Enum"), "map", 2),
            "fun_ext_operator" => ext(a("erlang"), "+", 2),
            "fun_ext_weird" => ext(al("M"), "weird name", 1),
            "fun_closure_mod" => closure(0, 1, "M.f/0"),
            "fun_closure_mod0" => closure(1, 0, "M.g/1"),
            "in_list" => l(vec![Term::Pid(Pid(1)), Term::Ref(Ref(7)), ext(al("M"), "f", 0)]),
            "limit_default_list" => l(ints(1..=60)),
            "limit_list3" => return Some((l(ints(1..=5)), lim(3))),
            "limit_tuple3" => return Some((t(ints(1..=5)), lim(3))),
            "limit_map2" => return Some((am(vec![("a", i(1)), ("b", i(2)), ("c", i(3))]), lim(2))),
            "limit_map_assoc2" => {
                return Some((m((1..=3).map(|n| (i(n), i(n))).collect()), lim(2)));
            }
            "limit_nested" => {
                return Some((l(vec![l(ints(1..=4)), l(ints(5..=8)), l(ints(9..=12))]), lim(5)));
            }
            "limit_kw" => return Some((kw(vec![("a", i(1)), ("b", i(2)), ("c", i(3))]), lim(1))),
            "limit_bin" => return Some((b(&[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]), lim(3))),
            "limit_improper" => return Some((lt(vec![i(1), i(2)], i(3)), lim(1))),
            "limit_struct" => return Some((s_struct(Term::NIL, Term::NIL), lim(1))),
            "limit_exact" => return Some((l(ints(1..=3)), lim(3))),
            "limit_zero_tuple" => return Some((t(vec![i(1), t(vec![i(2), i(3)])]), lim(1))),
            "printable_str" => return Some((s("hello world"), plim(5))),
            "printable_cl" => return Some((cl("hello world"), plim(3))),
            "printable_exact" => return Some((s("hello"), plim(5))),
            "printable_invalid" => return Some((b(b"hello\xff"), plim(3))),
            "printable_long_default" => s(&"ab".repeat(2100)),
            "pretty_floats40" => l((1..=40).map(|n| fl(n as f64)).collect()),
            "pretty_ints100" => return Some((l(ints(1..=100)), lim(INF))),
            "pretty_ints50" => l(ints(1..=50)),
            "pretty_strings" => l((1..=30).map(|n| s(&format!("string number {n}"))).collect()),
            "pretty_atoms" => l((1..=25).map(|n| a(&format!("atom_{n}"))).collect()),
            "pretty_nested_map" => nested_map(),
            "pretty_list_of_maps" => l(vec![nested_map(), am(vec![("a", i(1))])]),
            "pretty_kw_long" => kw(vec![
                ("first", s("a long value here")),
                ("second", s("another long value")),
                ("third", l(ints(1..=3))),
                ("fourth", a("ok")),
            ]),
            "pretty_tuple_long" => t(vec![
                a("ok"),
                s("a long string value in a tuple"),
                l(ints(1..=10)),
                am(vec![("key", s("value"))]),
            ]),
            "pretty_tuple_ints" => t(ints(1..=40)),
            "pretty_list_tuples" => l((1..=12).map(|n| t(vec![i(n), s(&format!("item {n}"))])).collect()),
            "pretty_map_assoc_long" => m((1..=15).map(|n| (s(&format!("key_{n}")), i(n))).collect()),
            "pretty_struct_long" => s_struct(s(&"z".repeat(50)), l(ints(1..=30))),
            "pretty_deep" => {
                let mut x = l(vec![s(&"x".repeat(70))]);
                for _ in 0..9 {
                    x = l(vec![x]);
                }
                x
            }
            "pretty_improper_long" => lt(ints(1..=30), i(31)),
            "pretty_long_string_in_list" => l(vec![s(&"a".repeat(100)), s(&"b".repeat(100))]),
            "pretty_kw_nested_lists" => kw(vec![
                ("numbers", l(ints(1..=30))),
                (
                    "letters",
                    l((b'a'..=b'z').map(|c| s(&(c as char).to_string())).collect()),
                ),
            ]),
            "pretty_map_of_lists" => am(vec![
                ("evens", l((1..=60).filter(|n| n % 2 == 0).map(i).collect())),
                ("odds", l((1..=60).filter(|n| n % 2 == 1).map(i).collect())),
            ]),
            "pretty_bin_long" => b(&[200; 40]),
            "pretty_mixed_simple" => {
                let mut v = vec![
                    i(1),
                    s("two"),
                    a("three"),
                    fl(4.0),
                    cl("five"),
                    t(vec![i(6)]),
                    l(vec![i(7)]),
                    m(vec![(i(8), i(8))]),
                ];
                v.extend(ints(9..=30));
                l(v)
            }
            "pretty_width_unicode" => l((1..=10).map(|_| s("ünïcödé")).collect()),
            "pretty_charlists" => l((1..=12).map(|n| cl(&format!("charlist {n}"))).collect()),
            "pretty_ranges" => l((1..=12).map(|n| range(n, n * 100, 1)).collect()),
            "pretty_errors" => l(vec![
                exc("RuntimeError", vec![("message", s(&"m".repeat(40)))]),
                exc(
                    "KeyError",
                    vec![
                        ("key", a("some_key")),
                        ("term", am(vec![("a", i(1))])),
                        ("message", Term::NIL),
                    ],
                ),
            ]),
            "pretty_width_40" => return Some((l(ints(1..=30)), [None, None, Some(40)])),
            "pretty_width_0" => {
                return Some((l(vec![i(1), l(ints(2..=3)), t(vec![i(4)])]), [None, None, Some(0)]));
            }
            _ => return None,
        };
        Some((term, none))
    }

    fn apply(mut o: Opts, ov: &[Option<usize>; 3], width: bool) -> Opts {
        if let Some(n) = ov[0] {
            o.limit = n;
        }
        if let Some(n) = ov[1] {
            o.printable_limit = n;
        }
        if width && let Some(n) = ov[2] {
            o.width = n;
        }
        o
    }

    /// Replaces the `uniq` of `#Function<index.uniq/...` (it depends on the module's code).
    fn normalize_funs(s: &str) -> String {
        let mut out = String::new();
        let mut rest = s;
        while let Some(p) = rest.find("#Function<") {
            let (head, tail) = rest.split_at(p + "#Function<".len());
            out.push_str(head);
            let dot = tail.find('.').unwrap_or(0);
            out.push_str(&tail[..=dot.min(tail.len().saturating_sub(1))]);
            out.push_str("UNIQ");
            let after = &tail[dot + 1..];
            rest = after.trim_start_matches(|c: char| c.is_ascii_digit());
        }
        out.push_str(rest);
        out
    }

    struct Recorded {
        name: String,
        sections: HashMap<String, String>,
    }

    fn recorded() -> Vec<Recorded> {
        let data = include_str!("../../tests/inspect/cases.out");
        let mut cases: Vec<Recorded> = Vec::new();
        let mut section: Option<String> = None;
        for line in data.lines() {
            if let Some(name) = line.strip_prefix("== ") {
                cases.push(Recorded {
                    name: name.to_string(),
                    sections: HashMap::new(),
                });
                section = None;
            } else if let Some(sec) = line.strip_prefix("-- ") {
                section = Some(sec.to_string());
            } else if let (Some(c), Some(sec)) = (cases.last_mut(), &section) {
                let e = c.sections.entry(sec.clone()).or_default();
                if !e.is_empty() {
                    e.push('\n');
                }
                e.push_str(line);
            }
        }
        cases
    }

    fn hex(b: &[u8]) -> String {
        b.iter().map(|x| format!("{x:02X}")).collect()
    }

    #[test]
    fn recorded_cases_match_elixir() {
        register_struct(Atom::alias("S"), &[Atom::new("z"), Atom::new("a"), Atom::new("b")]);
        let cases = recorded();
        assert!(cases.len() >= 150, "only {} recorded cases", cases.len());
        let mut failures = Vec::new();
        for c in &cases {
            let Some((term, ov)) = case(&c.name) else {
                failures.push(format!("no Rust term for case {}", c.name));
                continue;
            };
            let got = [
                ("inspect", inspect(&term, &apply(Opts::inspect(), &ov, false))),
                ("io", inspect(&term, &apply(Opts::pretty(), &ov, true))),
                (
                    "iex",
                    format_iex_result(&term, &apply(Opts::iex(true), &ov, true)).replace('\x1b', "⎋"),
                ),
                (
                    "to_string",
                    to_string_bytes(&term).map_or("!error".to_string(), |b| hex(&b)),
                ),
            ];
            for (sec, got) in got {
                let want = c.sections.get(sec).cloned().unwrap_or_default();
                let (want, got) = (normalize_funs(&want), normalize_funs(&got));
                if want != got {
                    failures.push(format!("case {} [{sec}]:\n  want: {want}\n  got:  {got}", c.name));
                }
            }
        }
        assert!(
            failures.is_empty(),
            "{} mismatches:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    #[test]
    fn convenience_functions() {
        assert_eq!(inspect_default(&a("foo")), ":foo");
        assert_eq!(to_string_term(&Term::NIL).as_deref(), Some(""));
        assert_eq!(to_string_term(&Term::Pid(Pid(1))), None);
        assert_eq!(to_string_term(&t(vec![])), None);
        assert_eq!(to_string_term(&l(vec![i(-1)])), None);
        assert_eq!(to_string_term(&cl("abc")).as_deref(), Some("abc"));
        assert_eq!(to_string_term(&fl(1.0e3)).as_deref(), Some("1.0e3"));
        assert_eq!(
            inspect_default(&closure(42, 1, ":erl_eval.expr/6")),
            "#Function<42.3316493/1 in :erl_eval.expr/6>"
        );
        // A script's `fn`s are named by its file, without their arity.
        let shown = inspect_default(&closure(3, 1, ":elixir_compiler_0.__FILE__/1"));
        assert!(
            shown.starts_with("#Function<3.") && shown.ends_with(" in file:test>"),
            "{shown}"
        );
    }

    #[test]
    fn deep_and_long_terms_do_not_overflow() {
        let mut x = Term::EmptyList;
        for _ in 0..5_000 {
            x = l(vec![x]);
        }
        let out = inspect(&x, &Opts::pretty());
        assert!(out.starts_with('[') && out.contains("..."));
        let long = l(ints(1..=200_000));
        let opts = Opts {
            limit: INF,
            ..Opts::pretty()
        };
        assert!(inspect(&long, &opts).ends_with("200000]"));
    }
}
