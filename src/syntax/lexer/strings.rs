//! Quoted text: strings, charlists, quoted atoms and keys, sigils, heredocs.
//!
//! Strings and charlists have their escapes processed here. Sigil contents
//! are kept raw, exactly as Elixir's tokenizer does (only `#{...}` is split
//! out, and only for lowercase sigils): the sigil itself decides how to
//! unescape, e.g. with [`unescape`] for `~s`/`~c`/`~w`, not at all for `~r`.

use super::{Lexer, Tok, TokPart};
use crate::syntax::error::{SyntaxError, SyntaxErrorKind, SyntaxWarning};

/// How a quoted body is read.
struct Spec {
    /// The closing character (for a heredoc, the character tripled).
    term: char,
    heredoc: bool,
    interp: bool,
    /// Keep `\x` escapes as written (sigils) instead of processing them.
    raw: bool,
    /// The "missing terminator" message.
    missing: String,
    /// Where the quoted text starts (a heredoc's outdent warning points there).
    start: usize,
}

/// Decodes the escape after a backslash: the character (None for a line
/// continuation) and how many bytes of `body` it used.
pub(crate) fn escape_char(body: &str) -> Option<(Option<char>, usize)> {
    let c = body.chars().next()?;
    let simple = |ch: char| Some((Some(ch), 1));
    match c {
        'n' => simple('\n'),
        't' => simple('\t'),
        'r' => simple('\r'),
        'e' => simple('\x1b'),
        '0' => simple('\0'),
        'a' => simple('\x07'),
        'b' => simple('\x08'),
        'f' => simple('\x0c'),
        'v' => simple('\x0b'),
        's' => simple(' '),
        'd' => simple('\x7f'),
        '\n' => Some((None, 1)),
        '\r' if body[1..].starts_with('\n') => Some((None, 2)),
        'x' => {
            let hex: String = body[1..]
                .chars()
                .take(2)
                .take_while(|c| c.is_ascii_hexdigit())
                .collect();
            let n = u32::from_str_radix(&hex, 16).ok()?;
            Some((char::from_u32(n), 1 + hex.len()))
        }
        'u' => {
            if let Some(inner) = body[1..].strip_prefix('{') {
                let end = inner.find('}')?;
                let hex = &inner[..end];
                if hex.is_empty() || hex.len() > 6 {
                    return None;
                }
                let n = u32::from_str_radix(hex, 16).ok()?;
                Some((Some(char::from_u32(n)?), 3 + end))
            } else {
                let hex = body.get(1..5)?;
                let n = u32::from_str_radix(hex, 16).ok()?;
                Some((Some(char::from_u32(n)?), 5))
            }
        }
        other => Some((Some(other), other.len_utf8())),
    }
}

/// Processes backslash escapes as in a double-quoted string (for sigils such
/// as `~s` whose raw text the parser hands over). Invalid escapes stay as written.
pub fn unescape(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut i = 0;
    while let Some(c) = raw[i..].chars().next() {
        if c == '\\'
            && let Some((ch, len)) = escape_char(&raw[i + 1..])
        {
            if let Some(ch) = ch {
                out.push(ch);
            }
            i += 1 + len;
            continue;
        }
        out.push(c);
        i += c.len_utf8();
    }
    out
}

fn closing_delimiter(open: char) -> Option<char> {
    Some(match open {
        '(' => ')',
        '[' => ']',
        '{' => '}',
        '<' => '>',
        '"' | '\'' | '|' | '/' => open,
        _ => return None,
    })
}

impl Lexer<'_> {
    /// `"..."`, `"""..."""`, `'...'`, `'''...'''`, and `"key":`.
    pub(crate) fn lex_quoted(&mut self, q: char) -> Result<Tok, SyntaxError> {
        let start = self.pos;
        let triple: String = std::iter::repeat_n(q, 3).collect();
        let (line, _) = self.line_col(start);
        let parts = if self.rest().starts_with(&triple) {
            self.pos += 3;
            self.heredoc_open(start)?;
            let spec = Spec {
                term: q,
                heredoc: true,
                interp: true,
                raw: false,
                missing: format!("missing terminator: {triple} (for heredoc starting at line {line})"),
                start,
            };
            self.body(&spec)?
        } else {
            self.pos += 1;
            let spec = Spec {
                term: q,
                heredoc: false,
                interp: true,
                raw: false,
                missing: format!("missing terminator: {q} (for string starting at line {line})"),
                start,
            };
            let parts = self.body(&spec)?;
            let r = self.rest();
            if r.starts_with(':') && !r.starts_with("::") {
                self.pos += 1;
                return Ok(Tok::KwKey(self.literal_only(parts, start, "keyword key")?));
            }
            parts
        };
        Ok(if q == '"' {
            Tok::Str(parts)
        } else {
            Tok::Charlist(parts)
        })
    }

    /// The body of `:"..."`; `self.pos` is at the opening quote.
    pub(crate) fn lex_plain_string(&mut self, q: char, what: &str, start: usize) -> Result<Vec<TokPart>, SyntaxError> {
        let (line, _) = self.line_col(start);
        self.pos += 1;
        let spec = Spec {
            term: q,
            heredoc: false,
            interp: true,
            raw: false,
            missing: format!("missing terminator: {q} (for {what} starting at line {line})"),
            start,
        };
        self.body(&spec)
    }

    /// `~x(...)mods`; `self.pos` is at the `~`.
    pub(crate) fn lex_sigil(&mut self) -> Result<Tok, SyntaxError> {
        let start = self.pos;
        let (line, _) = self.line_col(start);
        let rest = self.rest();
        let mut chars = rest[1..].chars();
        let name = chars.next().unwrap_or('s');
        let open = chars.next();
        let upper = name.is_ascii_uppercase();
        self.pos += 2;
        let Some(open) = open else {
            return Err(self.error_at(
                self.pos,
                SyntaxErrorKind::TokenMissing,
                "syntax error: expression is incomplete",
                true,
            ));
        };
        let Some(close) = closing_delimiter(open) else {
            return Err(self.error_at(
                start,
                SyntaxErrorKind::Syntax,
                format!(
                    "invalid sigil delimiter: \"{open}\" (column {}, code point U+{:04X}). The \
                     following delimiters are supported: \", ', (, ), [, ], {{, }}, <, >, |, /",
                    self.line_col(self.pos).1,
                    open as u32
                ),
                false,
            ));
        };
        let triple: String = std::iter::repeat_n(open, 3).collect();
        let heredoc = (open == '"' || open == '\'') && self.rest().starts_with(&triple);
        let spec = if heredoc {
            self.pos += 3;
            self.heredoc_open(start)?;
            Spec {
                term: open,
                heredoc: true,
                interp: !upper,
                raw: true,
                missing: format!("missing terminator: {triple} (for sigil ~{name}{triple} starting at line {line})"),
                start,
            }
        } else {
            self.pos += open.len_utf8();
            Spec {
                term: close,
                heredoc: false,
                interp: !upper,
                raw: true,
                missing: format!("missing terminator: {close} (for sigil ~{name}{open} starting at line {line})"),
                start,
            }
        };
        let parts = self.body(&spec)?;
        let mods: String = self.rest().chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
        self.pos += mods.len();
        Ok(Tok::Sigil {
            name: name.to_string(),
            parts,
            modifiers: mods,
        })
    }

    /// After an opening `"""`: only blanks may follow on that line.
    fn heredoc_open(&mut self, start: usize) -> Result<(), SyntaxError> {
        let rest = self.rest();
        let blanks = rest.len() - rest.trim_start_matches([' ', '\t']).len();
        let after = &rest[blanks..];
        if after.starts_with('\n') {
            self.pos += blanks + 1;
            Ok(())
        } else if after.starts_with("\r\n") {
            self.pos += blanks + 2;
            Ok(())
        } else if after.is_empty() {
            Err(self.error_at(
                self.src.len(),
                SyntaxErrorKind::TokenMissing,
                format!(
                    "missing terminator: \"\"\" (for heredoc starting at line {})",
                    self.line_col(start).0
                ),
                true,
            ))
        } else {
            Err(self.error_at(
                start,
                SyntaxErrorKind::Syntax,
                "heredoc allows only zero or more whitespace characters followed by a new line after \"\"\"",
                false,
            ))
        }
    }

    /// The indentation of a heredoc's closing line, found by looking ahead.
    fn heredoc_indent(&self, term: char) -> Option<usize> {
        let triple: String = std::iter::repeat_n(term, 3).collect();
        for line in self.rest().split('\n') {
            let trimmed = line.trim_start_matches([' ', '\t']);
            if trimmed.starts_with(&triple) {
                return Some(line.len() - trimmed.len());
            }
        }
        None
    }

    fn missing(&self, spec: &Spec) -> SyntaxError {
        self.error_at(
            self.src.len(),
            SyntaxErrorKind::TokenMissing,
            spec.missing.clone(),
            true,
        )
    }

    /// Reads a quoted body up to and including its terminator.
    fn body(&mut self, spec: &Spec) -> Result<Vec<TokPart>, SyntaxError> {
        let mut parts = Vec::new();
        let mut buf = String::new();
        let indent = if spec.heredoc {
            Some(self.heredoc_indent(spec.term).ok_or_else(|| self.missing(spec))?)
        } else {
            None
        };
        let mut line_start = spec.heredoc;
        // The first line of a heredoc indented less than its closing line.
        let mut outdented = None;
        loop {
            if let Some(indent) = indent.filter(|_| line_start) {
                line_start = false;
                let rest = self.rest();
                let trimmed = rest.trim_start_matches([' ', '\t']);
                let ws = rest.len() - trimmed.len();
                if trimmed.starts_with(spec.term)
                    && trimmed[1..].starts_with(spec.term)
                    && trimmed[2..].starts_with(spec.term)
                {
                    self.pos += ws + 3;
                    break;
                }
                // Elixir's tokenizer trims each line up to the next newline
                // or interpolation: only a line with text there is outdented.
                let blank = trimmed.is_empty()
                    || trimmed.starts_with('\n')
                    || trimmed.starts_with("\r\n")
                    || (spec.interp && trimmed.starts_with("#{"));
                if ws < indent && !blank && outdented.is_none() {
                    outdented = Some(self.pos);
                }
                self.pos += ws.min(indent);
            }
            let rest = self.rest();
            let Some(c) = rest.chars().next() else {
                return Err(self.missing(spec));
            };
            if c == spec.term && !spec.heredoc {
                self.pos += c.len_utf8();
                break;
            }
            if c == '\n' {
                buf.push('\n');
                self.pos += 1;
                line_start = true;
                continue;
            }
            if c == '\\' {
                let body = &rest[1..];
                if spec.raw {
                    buf.push('\\');
                    self.pos += 1;
                    if let Some(next) = body.chars().next() {
                        buf.push(next);
                        self.pos += next.len_utf8();
                        line_start = next == '\n';
                    }
                    continue;
                }
                let (ch, len) = escape_char(body).ok_or_else(|| {
                    self.error_at(
                        self.pos,
                        SyntaxErrorKind::Syntax,
                        "invalid escape sequence in string",
                        false,
                    )
                })?;
                if let Some(ch) = ch {
                    buf.push(ch);
                }
                self.pos += 1 + len;
                continue;
            }
            if spec.interp && rest.starts_with("#{") {
                let start = self.pos;
                self.pos += 2;
                if !buf.is_empty() {
                    parts.push(TokPart::Lit(std::mem::take(&mut buf)));
                }
                if self.depth >= super::MAX_NESTING {
                    return Err(self.error_at(start, SyntaxErrorKind::Syntax, super::nesting_message(), false));
                }
                self.depth += 1;
                let what = spec.missing.find(" (for ").map_or("", |i| &spec.missing[i..]);
                let missing = format!("missing interpolation terminator: \"}}\"{what}");
                let toks = stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.lex_until(Some((&missing, start))));
                self.depth -= 1;
                let toks = toks?;
                parts.push(TokPart::Interp(toks, self.span(start, self.pos)));
                continue;
            }
            buf.push(c);
            self.pos += c.len_utf8();
        }
        if !buf.is_empty() || parts.is_empty() {
            parts.push(TokPart::Lit(buf));
        }
        if let Some(at) = outdented {
            self.warn_outdented(at, spec);
        }
        Ok(parts)
    }

    /// Elixir's warning for a heredoc line indented less than its closing
    /// line: at that line, and the column where the heredoc starts.
    fn warn_outdented(&mut self, at: usize, spec: &Spec) {
        let triple: String = std::iter::repeat_n(spec.term, 3).collect();
        let (line, _) = self.line_col(at);
        let (_, col) = self.line_col(spec.start);
        let message = format!(
            "outdented heredoc line. The contents inside the heredoc should be indented at the same level \
             as the closing {triple}. The following is forbidden:\n\n    def text do\n      \"\"\"\n    \
             contents\n      \"\"\"\n    end\n\nInstead make sure the contents are indented as much as the \
             heredoc closing:\n\n    def text do\n      \"\"\"\n      contents\n      \"\"\"\n    end\n\n\
             The current heredoc line is indented too little"
        );
        self.warnings.push(SyntaxWarning { line, col, message });
    }
}
