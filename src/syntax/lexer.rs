//! Lexer: source text to a flat `Vec<Token>`, each with its [`Span`].
//!
//! Small recognisers (identifiers, numbers, operators, atoms, whitespace) are
//! nom 7 combinators; the driving loop in [`Lexer::lex_until`] dispatches on
//! the next character and keeps Elixir's terminator stack (`(`, `[`, `{`,
//! `<<`, `do`/`fn` … `end`) so that unbalanced input is reported exactly as
//! Elixir's tokenizer does, and so that a REPL learns when input is merely
//! incomplete. Strings, charlists, sigils and heredocs live in [`strings`].
//!
//! Newlines become [`Tok::Eol`] tokens, except where Elixir ignores them: after
//! a binary operator, a comma, an opening bracket or a keyword key, and before
//! a binary operator other than `+`/`-` (so a line starting with `|>`
//! continues the previous expression).

mod strings;

use nom::IResult;
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while, take_while1};
use nom::character::complete::{char as ch, one_of, satisfy};
use nom::combinator::{opt, recognize, value};
use nom::sequence::{pair, preceded, tuple};

use super::ast::Span;
use super::error::{SyntaxError, SyntaxErrorKind, SyntaxWarning};

pub use strings::unescape;

/// Deepest nesting of brackets, blocks and interpolations accepted.
pub const MAX_NESTING: usize = 1000;

/// A piece of a string token: literal text or the tokens of `#{...}`.
#[derive(Clone, Debug, PartialEq)]
pub enum TokPart {
    Lit(String),
    Interp(Vec<Token>, Span),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    Int(i64),
    BigInt(String),
    Float(f64),
    Atom(String),
    /// `:"a#{b}"`: an atom built at run time.
    AtomInterp(Vec<TokPart>),
    Str(Vec<TokPart>),
    Charlist(Vec<TokPart>),
    Sigil {
        name: String,
        parts: Vec<TokPart>,
        modifiers: String,
    },
    Ident(String),
    Alias(String),
    /// `name:` or `"quoted name":` in keyword position.
    KwKey(String),
    /// `&1`
    CaptureArg(u32),
    /// Every operator by its text, including `.`, `when`, `and`, `or`,
    /// `not`, `in`, `not in`, `->`, `=>`, `|`, `&`, `@`.
    Op(&'static str),
    /// `do end fn else after rescue catch`
    Kw(&'static str),
    LParen,
    RParen,
    LBracket,
    RBracket,
    LBrace,
    RBrace,
    /// `<<`
    LBin,
    /// `>>`
    RBin,
    /// `%{`
    MapOpen,
    /// `%` before a struct name
    Percent,
    Comma,
    Semi,
    Eol,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    pub tok: Tok,
    pub span: Span,
    /// Whitespace (or a newline) separates this token from the previous one.
    pub space_before: bool,
}

impl Tok {
    /// How Elixir names this token in `syntax error before: X`.
    pub fn describe(&self) -> String {
        match self {
            Tok::Int(n) => format!("\"{n}\""),
            Tok::BigInt(s) => format!("\"{s}\""),
            Tok::Float(f) => format!("\"{f:?}\""),
            Tok::Atom(a) => a.clone(),
            Tok::Str(parts) | Tok::Charlist(parts) | Tok::AtomInterp(parts) => {
                let mut s = String::new();
                for p in parts {
                    if let TokPart::Lit(l) = p {
                        s.push_str(l);
                    }
                }
                format!("\"{s}\"")
            }
            Tok::Sigil { name, .. } => format!("'~{name}'"),
            Tok::Ident(s) => s.clone(),
            Tok::Alias(s) => format!("'{s}'"),
            Tok::KwKey(s) => format!("'{s}:'"),
            Tok::CaptureArg(n) => format!("'&{n}'"),
            Tok::Op(o) => format!("'{o}'"),
            Tok::Kw(k) => (*k).to_string(),
            Tok::LParen => "'('".into(),
            Tok::RParen => "')'".into(),
            Tok::LBracket => "'['".into(),
            Tok::RBracket => "']'".into(),
            Tok::LBrace => "'{'".into(),
            Tok::RBrace => "'}'".into(),
            Tok::LBin => "'<<'".into(),
            Tok::RBin => "'>>'".into(),
            Tok::MapOpen => "'%{'".into(),
            Tok::Percent => "'%'".into(),
            Tok::Comma => "','".into(),
            Tok::Semi => "';'".into(),
            Tok::Eol => "eol".into(),
        }
    }
}

/// Is `op` usable as a binary operator?
pub fn is_binary_op(op: &str) -> bool {
    !matches!(op, "!" | "^" | "@" | "&" | "not" | "~~~")
}

/// Tokenizes the whole of `src`.
pub fn tokenize(src: &str) -> Result<Vec<Token>, SyntaxError> {
    tokenize_warned(src).map(|(toks, _)| toks)
}

/// [`tokenize`], with the warnings the tokenizer finds (outdented heredocs).
pub fn tokenize_warned(src: &str) -> Result<(Vec<Token>, Vec<SyntaxWarning>), SyntaxError> {
    let mut lx = Lexer::new(src);
    let toks = lx.lex_until(None)?;
    Ok((toks, lx.warnings))
}

/// Byte offset to 1-based (line, column) with columns counted in characters.
/// Remembers the last answer so that sequential queries on one long line
/// stay linear overall.
pub(crate) struct LineIndex {
    starts: Vec<usize>,
    /// (line index, byte offset, 0-based column) of the last query.
    cache: std::cell::Cell<(usize, usize, usize)>,
}

impl LineIndex {
    pub(crate) fn new(src: &str) -> LineIndex {
        let mut starts = vec![0];
        for (i, b) in src.bytes().enumerate() {
            if b == b'\n' {
                starts.push(i + 1);
            }
        }
        LineIndex {
            starts,
            cache: std::cell::Cell::new((0, 0, 0)),
        }
    }

    pub(crate) fn line_col(&self, src: &str, off: usize) -> (u32, u32) {
        let line = match self.starts.binary_search(&off) {
            Ok(l) => l,
            Err(l) => l.saturating_sub(1),
        };
        let start = self.starts.get(line).copied().unwrap_or(0);
        let (cline, coff, ccol) = self.cache.get();
        let (from, base) = if cline == line && coff >= start && coff <= off {
            (coff, ccol)
        } else {
            (start, 0)
        };
        let col = base + src.get(from..off).map_or(off - from, |s| s.chars().count());
        self.cache.set((line, off, col));
        (line as u32 + 1, col as u32 + 1)
    }
}

pub(crate) struct Lexer<'a> {
    pub(crate) src: &'a str,
    pub(crate) pos: usize,
    pub(crate) lines: LineIndex,
    pub(crate) depth: usize,
    /// The tokenizer's warnings, in the order it finds them.
    pub(crate) warnings: Vec<SyntaxWarning>,
}

/// An entry of the terminator stack: the opener's text, its line and column.
struct Open {
    opener: &'static str,
    line: u32,
    col: u32,
}

fn closer_of(opener: &str) -> &'static str {
    match opener {
        "(" => ")",
        "[" => "]",
        "{" => "}",
        "<<" => ">>",
        _ => "end",
    }
}

type Res<'a, T> = IResult<&'a str, T>;

fn is_ident_start(c: char) -> bool {
    c == '_' || c.is_lowercase() || (c.is_alphabetic() && !c.is_uppercase())
}

fn is_ident_char(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

/// `name`, `name?`, `name!` (the suffix is not taken before `=`).
fn identifier(i: &str) -> Res<'_, &str> {
    let (rest, base) = recognize(pair(satisfy(is_ident_start), take_while(is_ident_char)))(i)?;
    let mut chars = rest.chars();
    match (chars.next(), chars.next()) {
        (Some('?' | '!'), next) if next != Some('=') => {
            let len = base.len() + 1;
            Ok((&i[len..], &i[..len]))
        }
        _ => Ok((rest, base)),
    }
}

fn alias_name(i: &str) -> Res<'_, &str> {
    recognize(pair(satisfy(|c| c.is_ascii_uppercase()), take_while(is_ident_char)))(i)
}

fn digits(radix: u32) -> impl Fn(&str) -> Res<'_, &str> {
    move |i| {
        recognize(pair(
            satisfy(move |c| c.is_digit(radix)),
            take_while(move |c: char| c.is_digit(radix) || c == '_'),
        ))(i)
    }
}

/// A number's radix and text (underscores kept), or a float's text.
enum Num<'a> {
    Int(u32, &'a str),
    Float(&'a str),
}

fn number(i: &str) -> Res<'_, Num<'_>> {
    alt((
        nom::combinator::map(preceded(tag("0x"), digits(16)), |d| Num::Int(16, d)),
        nom::combinator::map(preceded(tag("0b"), digits(2)), |d| Num::Int(2, d)),
        nom::combinator::map(preceded(tag("0o"), digits(8)), |d| Num::Int(8, d)),
        nom::combinator::map(
            recognize(tuple((
                digits(10),
                ch('.'),
                digits(10),
                opt(tuple((one_of("eE"), opt(one_of("+-")), digits(10)))),
            ))),
            Num::Float,
        ),
        nom::combinator::map(digits(10), |d| Num::Int(10, d)),
    ))(i)
}

/// Operators, longest first. `<<` and `>>` are brackets and handled apart.
fn operator(i: &str) -> Res<'_, &'static str> {
    alt((
        alt((
            value("===", tag("===")),
            value("!==", tag("!==")),
            value("<<<", tag("<<<")),
            value(">>>", tag(">>>")),
            value("<<~", tag("<<~")),
            value("~>>", tag("~>>")),
            value("<~>", tag("<~>")),
            value("<|>", tag("<|>")),
            value("^^^", tag("^^^")),
            value("~~~", tag("~~~")),
            value("&&&", tag("&&&")),
            value("|||", tag("|||")),
            value("+++", tag("+++")),
            value("---", tag("---")),
            value("...", tag("...")),
        )),
        alt((
            value("==", tag("==")),
            value("!=", tag("!=")),
            value("=~", tag("=~")),
            value("<=", tag("<=")),
            value(">=", tag(">=")),
            value("&&", tag("&&")),
            value("||", tag("||")),
            value("|>", tag("|>")),
            value("++", tag("++")),
            value("--", tag("--")),
            value("..", tag("..")),
            value("<>", tag("<>")),
            value("**", tag("**")),
            value("//", tag("//")),
            value("::", tag("::")),
            value("<-", tag("<-")),
            value("->", tag("->")),
            value("=>", tag("=>")),
            value("\\\\", tag("\\\\")),
            value("<~", tag("<~")),
            value("~>", tag("~>")),
        )),
        alt((
            value("+", tag("+")),
            value("-", tag("-")),
            value("*", tag("*")),
            value("/", tag("/")),
            value("=", tag("=")),
            value("<", tag("<")),
            value(">", tag(">")),
            value("!", tag("!")),
            value("^", tag("^")),
            value("&", tag("&")),
            value("|", tag("|")),
            value("@", tag("@")),
            value(".", tag(".")),
        )),
    ))(i)
}

/// Operators that may follow `:` to form an atom such as `:+` or `:==`.
fn operator_atom(i: &str) -> Res<'_, &str> {
    alt((
        tag("%{}"),
        tag("<<>>"),
        tag("{}"),
        tag("[]"),
        tag("%"),
        recognize(operator),
    ))(i)
}

/// Spaces, tabs, `\` line continuations and comments (not newlines).
fn blank(i: &str) -> Res<'_, &str> {
    recognize(nom::multi::many0_count(alt((
        take_while1(|c| c == ' ' || c == '\t'),
        tag("\\\r\n"),
        tag("\\\n"),
        recognize(pair(ch('#'), take_while(|c| c != '\n'))),
    ))))(i)
}

impl<'a> Lexer<'a> {
    pub(crate) fn new(src: &'a str) -> Lexer<'a> {
        Lexer {
            src,
            pos: 0,
            lines: LineIndex::new(src),
            depth: 0,
            warnings: Vec::new(),
        }
    }

    pub(crate) fn rest(&self) -> &'a str {
        self.src.get(self.pos..).unwrap_or("")
    }

    pub(crate) fn line_col(&self, off: usize) -> (u32, u32) {
        self.lines.line_col(self.src, off)
    }

    pub(crate) fn span(&self, start: usize, end: usize) -> Span {
        let (line, col) = self.line_col(start);
        Span {
            line,
            col,
            start: start as u32,
            end: end as u32,
        }
    }

    pub(crate) fn error_at(
        &self,
        off: usize,
        kind: SyntaxErrorKind,
        message: impl Into<String>,
        incomplete: bool,
    ) -> SyntaxError {
        let (line, col) = self.line_col(off);
        SyntaxError {
            kind,
            line,
            col,
            message: message.into(),
            incomplete,
        }
    }

    fn syntax_error(&self, off: usize, message: impl Into<String>) -> SyntaxError {
        self.error_at(off, SyntaxErrorKind::Syntax, message, false)
    }

    /// Lexes tokens until end of input or, inside an interpolation, until the
    /// `}` closing it (which is consumed). `interp_eof` is the message for end
    /// of input inside an interpolation (the enclosing string is unterminated).
    pub(crate) fn lex_until(&mut self, interp_eof: Option<(&str, usize)>) -> Result<Vec<Token>, SyntaxError> {
        let mut toks: Vec<Token> = Vec::new();
        let mut stack: Vec<Open> = Vec::new();
        loop {
            let before = self.pos;
            if let Ok((rest, _)) = blank(self.rest()) {
                self.pos = self.src.len() - rest.len();
            }
            let space = self.pos > before;
            let rest = self.rest();
            let Some(c) = rest.chars().next() else {
                if let Some(open) = stack.last() {
                    let msg = format!(
                        "missing terminator: {} (for \"{}\" starting at line {})",
                        closer_of(open.opener),
                        open.opener,
                        open.line
                    );
                    return Err(self.error_at(self.pos, SyntaxErrorKind::TokenMissing, msg, true));
                }
                if let Some((msg, off)) = interp_eof {
                    return Err(self.error_at(off, SyntaxErrorKind::TokenMissing, msg, true));
                }
                return Ok(finish_eols(toks));
            };
            let start = self.pos;
            if c == '\n' || rest.starts_with("\r\n") {
                self.pos += if c == '\n' { 1 } else { 2 };
                if !matches!(toks.last().map(|t| &t.tok), None | Some(Tok::Eol | Tok::Semi)) {
                    toks.push(Token {
                        tok: Tok::Eol,
                        span: self.span(start, start + 1),
                        space_before: true,
                    });
                }
                continue;
            }
            let prev_is_dot = matches!(toks.last(), Some(Token { tok: Tok::Op("."), .. }));
            let tok = self.lex_token(c, prev_is_dot, &mut stack, &toks)?;
            let Some(tok) = tok else {
                // the `}` that ends an interpolation
                return Ok(finish_eols(toks));
            };
            if stack.len() > MAX_NESTING || self.depth > MAX_NESTING {
                return Err(self.syntax_error(start, nesting_message()));
            }
            toks.push(Token {
                tok,
                span: self.span(start, self.pos),
                space_before: space,
            });
        }
    }

    fn open(&self, stack: &mut Vec<Open>, opener: &'static str, start: usize) {
        let (line, col) = self.line_col(start);
        stack.push(Open { opener, line, col });
    }

    fn close(&self, stack: &mut Vec<Open>, closer: &str, start: usize) -> Result<(), SyntaxError> {
        let word = if closer == "end" { "reserved word" } else { "token" };
        match stack.pop() {
            Some(open) if closer_of(open.opener) == closer => Ok(()),
            Some(open) => {
                let msg = format!(
                    "unexpected {word}: {closer}. The \"{}\" at line {} is missing terminator \"{}\"",
                    open.opener,
                    open.line,
                    closer_of(open.opener)
                );
                let _ = open.col;
                Err(self.error_at(start, SyntaxErrorKind::MismatchedDelimiter, msg, false))
            }
            None if closer == "end" => Err(self.error_at(
                start,
                SyntaxErrorKind::UnexpectedEnd,
                "unexpected reserved word: end",
                false,
            )),
            None => Err(self.syntax_error(start, format!("unexpected {word}: {closer}"))),
        }
    }

    /// Lexes one token starting with `c`; `None` means the interpolation ended.
    fn lex_token(
        &mut self,
        c: char,
        prev_is_dot: bool,
        stack: &mut Vec<Open>,
        toks: &[Token],
    ) -> Result<Option<Tok>, SyntaxError> {
        let start = self.pos;
        let rest = self.rest();
        let tok = match c {
            '0'..='9' => self.lex_number()?,
            '"' | '\'' => self.lex_quoted(c)?,
            '~' if rest[1..].starts_with(|c: char| c.is_ascii_alphabetic()) => self.lex_sigil()?,
            ':' if !rest.starts_with("::") => self.lex_atom()?,
            '?' => self.lex_char()?,
            '(' => {
                self.pos += 1;
                self.open(stack, "(", start);
                Tok::LParen
            }
            '[' => {
                self.pos += 1;
                self.open(stack, "[", start);
                Tok::LBracket
            }
            '{' => {
                self.pos += 1;
                self.open(stack, "{", start);
                Tok::LBrace
            }
            ')' | ']' => {
                self.pos += 1;
                self.close(stack, &rest[..1], start)?;
                if c == ')' { Tok::RParen } else { Tok::RBracket }
            }
            '}' => {
                if stack.is_empty() && self.depth > 0 {
                    self.pos += 1;
                    return Ok(None);
                }
                self.pos += 1;
                self.close(stack, "}", start)?;
                Tok::RBrace
            }
            ',' => {
                self.pos += 1;
                Tok::Comma
            }
            ';' => {
                self.pos += 1;
                Tok::Semi
            }
            '%' if rest.starts_with("%{") => {
                self.pos += 2;
                self.open(stack, "{", start + 1);
                Tok::MapOpen
            }
            '%' => {
                self.pos += 1;
                Tok::Percent
            }
            '&' if rest[1..].starts_with(|c: char| c.is_ascii_digit()) => {
                let (r, d) = digits(10)(&rest[1..]).map_err(|_| self.bad_char(start, c))?;
                self.pos = self.src.len() - r.len();
                let n = d.replace('_', "").parse::<u32>().unwrap_or(u32::MAX);
                Tok::CaptureArg(n)
            }
            '<' if rest.starts_with("<<") && !rest.starts_with("<<<") && !rest.starts_with("<<~") => {
                self.pos += 2;
                self.open(stack, "<<", start);
                Tok::LBin
            }
            '>' if rest.starts_with(">>")
                && !rest.starts_with(">>>")
                && matches!(stack.last(), Some(Open { opener: "<<", .. })) =>
            {
                self.pos += 2;
                self.close(stack, ">>", start)?;
                Tok::RBin
            }
            c if is_ident_start(c) => {
                let (r, word) = identifier(rest).map_err(|_| self.bad_char(start, c))?;
                self.pos = self.src.len() - r.len();
                if r.starts_with(':') && !r.starts_with("::") {
                    self.pos += 1;
                    return Ok(Some(Tok::KwKey(word.to_string())));
                }
                if prev_is_dot {
                    return Ok(Some(Tok::Ident(word.to_string())));
                }
                match word {
                    "true" | "false" | "nil" => Tok::Atom(word.to_string()),
                    "do" => {
                        self.open(stack, "do", start);
                        Tok::Kw("do")
                    }
                    "fn" => {
                        self.open(stack, "fn", start);
                        Tok::Kw("fn")
                    }
                    "end" => {
                        self.close(stack, "end", start)?;
                        Tok::Kw("end")
                    }
                    "else" => Tok::Kw("else"),
                    "after" => Tok::Kw("after"),
                    "rescue" => Tok::Kw("rescue"),
                    "catch" => Tok::Kw("catch"),
                    "when" => Tok::Op("when"),
                    "and" => Tok::Op("and"),
                    "or" => Tok::Op("or"),
                    "in" => Tok::Op("in"),
                    "not" => {
                        let after = r.trim_start_matches([' ', '\t']);
                        if after.len() < r.len()
                            && after.starts_with("in")
                            && !after[2..].starts_with(is_ident_char)
                            && !after[2..].starts_with([':', '?', '!'])
                        {
                            self.pos = self.src.len() - after.len() + 2;
                            Tok::Op("not in")
                        } else {
                            Tok::Op("not")
                        }
                    }
                    _ => Tok::Ident(word.to_string()),
                }
            }
            c if c.is_ascii_uppercase() => {
                let (r, word) = alias_name(rest).map_err(|_| self.bad_char(start, c))?;
                self.pos = self.src.len() - r.len();
                if r.starts_with(':') && !r.starts_with("::") {
                    self.pos += 1;
                    return Ok(Some(Tok::KwKey(word.to_string())));
                }
                Tok::Alias(word.to_string())
            }
            _ => match operator(rest) {
                Ok((r, op)) => {
                    self.pos = self.src.len() - r.len();
                    let _ = toks;
                    Tok::Op(op)
                }
                Err(_) => return Err(self.bad_char(start, c)),
            },
        };
        Ok(Some(tok))
    }

    fn bad_char(&self, off: usize, c: char) -> SyntaxError {
        let (line, col) = self.line_col(off);
        self.syntax_error(
            off,
            format!(
                "unexpected token: \"{c}\" (column {col}, code point U+{:04X})",
                c as u32
            ),
        )
        .with_line(line)
    }

    fn lex_number(&mut self) -> Result<Tok, SyntaxError> {
        let start = self.pos;
        let rest = self.rest();
        let (r, num) = number(rest).map_err(|_| self.syntax_error(start, "invalid number"))?;
        let text = &rest[..rest.len() - r.len()];
        if let Some(bad) = r.chars().next().filter(|c| is_ident_char(*c)) {
            let msg = format!(
                "invalid character \"{bad}\" after number {text}. If you intended to write a \
                 number, make sure to separate the number from the character (using comma, \
                 space, etc). If you meant to write a function name or a variable, note that \
                 identifiers in Elixir cannot start with numbers. Unexpected token: {bad}"
            );
            return Err(self.syntax_error(start, msg));
        }
        self.pos = self.src.len() - r.len();
        Ok(match num {
            Num::Float(f) => {
                let clean = f.replace('_', "");
                Tok::Float(clean.parse::<f64>().unwrap_or(f64::INFINITY))
            }
            Num::Int(radix, d) => {
                let clean = d.replace('_', "");
                match i64::from_str_radix(&clean, radix) {
                    Ok(n) => Tok::Int(n),
                    Err(_) => {
                        let big = num_bigint::BigInt::parse_bytes(clean.as_bytes(), radix)
                            .map(|b| b.to_string())
                            .unwrap_or(clean);
                        Tok::BigInt(big)
                    }
                }
            }
        })
    }

    /// `:name`, `:"quoted"`, `:+`
    fn lex_atom(&mut self) -> Result<Tok, SyntaxError> {
        let start = self.pos;
        let after = &self.rest()[1..];
        if after.starts_with('"') || after.starts_with('\'') {
            self.pos += 1;
            let q = if after.starts_with('"') { '"' } else { '\'' };
            let parts = self.lex_plain_string(q, "atom", start)?;
            if parts.iter().any(|p| matches!(p, TokPart::Interp(..))) {
                return Ok(Tok::AtomInterp(parts));
            }
            return Ok(Tok::Atom(self.literal_only(parts, start, "atom")?));
        }
        let word: Res<'_, &str> = alt((
            recognize(pair(alias_name, nom::multi::many0_count(preceded(ch('.'), alias_name)))),
            identifier,
            operator_atom,
        ))(after);
        match word {
            Ok((r, w)) => {
                // In an atom `@` continues a name (`:node@host`), up to a final `?` or `!`.
                let name_like = w.starts_with(|c: char| c.is_alphabetic() || c == '_');
                let r = if name_like && r.starts_with('@') && !w.contains('.') && !w.ends_with(['?', '!']) {
                    let tail = r.trim_start_matches(|c: char| c == '@' || is_ident_char(c));
                    tail.strip_prefix(['?', '!']).unwrap_or(tail)
                } else {
                    r
                };
                let w = &after[..after.len() - r.len()];
                self.pos = self.src.len() - r.len();
                Ok(Tok::Atom(w.to_string()))
            }
            Err(_) => Err(self.bad_char(start, ':')),
        }
    }

    /// `?a`, `?\n`
    fn lex_char(&mut self) -> Result<Tok, SyntaxError> {
        let start = self.pos;
        let mut chars = self.rest()[1..].chars();
        match chars.next() {
            None => Err(self.bad_char(start, '?')),
            Some('\\') => {
                let body = &self.rest()[2..];
                let (value, len) = strings::escape_char(body)
                    .ok_or_else(|| self.syntax_error(start, "invalid escape in char literal"))?;
                self.pos += 2 + len;
                Ok(Tok::Int(value.map_or(0, |c| c as i64)))
            }
            Some(c) if c.is_whitespace() => Err(self.bad_char(start, '?')),
            Some(c) => {
                self.pos += 1 + c.len_utf8();
                Ok(Tok::Int(c as i64))
            }
        }
    }

    /// Joins the parts of a string that must not interpolate (atoms, keys).
    pub(crate) fn literal_only(&self, parts: Vec<TokPart>, start: usize, what: &str) -> Result<String, SyntaxError> {
        let mut s = String::new();
        for p in parts {
            match p {
                TokPart::Lit(l) => s.push_str(&l),
                TokPart::Interp(..) => {
                    return Err(self.syntax_error(start, format!("interpolation is not supported in {what}s")));
                }
            }
        }
        Ok(s)
    }
}

pub(crate) fn nesting_message() -> String {
    format!("nesting is too deep (more than {MAX_NESTING} levels)")
}

impl SyntaxError {
    fn with_line(mut self, line: u32) -> SyntaxError {
        self.line = line;
        self
    }
}

/// Drops the newlines Elixir ignores (see the module docs).
fn finish_eols(toks: Vec<Token>) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::with_capacity(toks.len());
    let mut iter = toks.into_iter().peekable();
    while let Some(t) = iter.next() {
        if t.tok == Tok::Eol {
            let after_joiner = matches!(
                out.last().map(|t| &t.tok),
                Some(
                    Tok::Op(_)
                        | Tok::Comma
                        | Tok::LParen
                        | Tok::LBracket
                        | Tok::LBrace
                        | Tok::LBin
                        | Tok::MapOpen
                        | Tok::KwKey(_)
                )
            );
            let before_op = matches!(
                iter.peek().map(|t| &t.tok),
                Some(Tok::Op(op)) if is_binary_op(op) && !matches!(*op, "+" | "-" | "..." )
            );
            if after_joiner || before_op {
                continue;
            }
        }
        out.push(t);
    }
    out
}

#[cfg(test)]
mod tests;
