//! Parser: tokens to AST by precedence climbing and recursive descent.
//!
//! **Naming contract.** Each function is named after the grammar production
//! it parses. `parse_x` may find no `x` and then returns `Ok(None)` (or simply
//! parses something optional); `expect_x` requires an `x` and otherwise
//! returns a [`SyntaxError`]. `peek*`/`at_*` look without consuming.
//!
//! Representation choices the evaluator relies on (see also `ast.rs`):
//! - `-1` is `Unary(Neg, Int(1))`: literals are never folded.
//! - `a -1` (identifier, space, `-` glued to its operand) is Elixir's
//!   ambiguous no-paren call: `Call{Local("a"), [Unary(Neg, 1)], parens: false}`;
//!   the evaluator treats it as subtraction when `a` is a bound variable.
//! - `a not in b` is `Binary(NotIn, a, b)`; `not a in b` is `Unary(Not, In(a, b))`.
//! - `&Mod.f/2` is `Unary(Capture, Binary(Div, Call{Remote(Mod, "f"), [], parens: false}, 2))`,
//!   `&f/1` is `Unary(Capture, Binary(Div, Var("f"), 1))`, `&1` is `CaptureArg(1)`.
//! - `?a` is `Int(97)`. Sigil parts are raw text (see [`super::lexer::unescape`]).
//! - `__MODULE__.Sub` is `Alias(["__MODULE__", "Sub"])`; `Elixir.Foo` is
//!   `Alias(["Elixir", "Foo"])`: segments as written.
//! - `def f(x) when g do … end`: the first argument is `Binary(When, Call(f, [x]), g)`.
//! - `foo.bar` is `Call{Remote(foo, "bar"), [], parens: false}`.
//! - `Foo.{A, B}` is `Call{Remote(Foo, "{}"), [A, B], parens: true}`.

mod blocks;
mod calls;
mod containers;
#[cfg(test)]
mod tests;

use super::SyntaxError;
use super::ast::{BinOp, CallTarget, Expr, ExprKind, Span, UnaryOp};
use super::error::{SyntaxErrorKind, SyntaxWarning};
use super::lexer::{self, MAX_NESTING, Tok, TokPart, Token};

/// Parses a whole input into its top-level expressions.
pub fn parse_program(src: &str) -> Result<Vec<Expr>, SyntaxError> {
    parse_program_warned(src).exprs
}

/// A parsed input with the warnings Elixir prints while it reads it.
pub struct Parsed {
    pub exprs: Result<Vec<Expr>, SyntaxError>,
    /// The tokenizer's (outdented heredocs), found before any parsing.
    pub lexer: Vec<SyntaxWarning>,
    /// The parser's (empty `->` bodies), up to a syntax error.
    pub parser: Vec<SyntaxWarning>,
}

/// [`parse_program`], with the warnings.
pub fn parse_program_warned(src: &str) -> Parsed {
    let (toks, lexer) = match lexer::tokenize_warned(src) {
        Ok(t) => t,
        Err(e) => {
            return Parsed {
                exprs: Err(e),
                lexer: Vec::new(),
                parser: Vec::new(),
            };
        }
    };
    let eof = eof_position(src, &toks);
    let mut p = Parser::new(&toks, eof, 0);
    let exprs = p.expect_program();
    Parsed {
        exprs,
        lexer,
        parser: p.warnings,
    }
}

/// Where "expression is incomplete" points: the newline after the last
/// token if there is one, else the last token itself.
fn eof_position(src: &str, toks: &[Token]) -> Span {
    let Some(last) = toks.last() else {
        return Span::default();
    };
    let end = last.span.end as usize;
    let index = lexer::LineIndex::new(src);
    let off = match src.get(end..).and_then(|r| r.find('\n')) {
        Some(n) => end + n,
        None => last.span.start as usize,
    };
    let (line, col) = index.line_col(src, off);
    Span {
        line,
        col,
        start: off as u32,
        end: off as u32,
    }
}

/// Binding power of unary `+ - ! ^ not ~~~`.
const UNARY_PREC: u16 = 300;
/// Binding power of `&`.
const CAPTURE_PREC: u16 = 90;
/// Binding power of `=>` (only inside maps).
pub(crate) const ASSOC_PREC: u16 = 80;

/// Precedence, right-associativity and operator of a binary operator token.
fn binary_op(op: &str) -> Option<(u16, bool, BinOp)> {
    use BinOp::*;
    Some(match op {
        "\\\\" => (40, false, Default),
        "<-" => (40, false, LArrow),
        "when" => (50, true, When),
        "::" => (60, true, Type),
        "|" => (70, true, Bar),
        "=" => (100, true, Match),
        "||" => (120, false, OrOr),
        "|||" => (120, false, BOr),
        "or" => (120, false, Or),
        "&&" => (130, false, AndAnd),
        "&&&" => (130, false, BAnd),
        "and" => (130, false, And),
        "==" => (140, false, Eq),
        "!=" => (140, false, Ne),
        "=~" => (140, false, Match2),
        "===" => (140, false, StrictEq),
        "!==" => (140, false, StrictNe),
        "<" => (150, false, Lt),
        ">" => (150, false, Gt),
        "<=" => (150, false, Le),
        ">=" => (150, false, Ge),
        "|>" => (160, false, Pipe),
        "<<<" => (160, false, BSl),
        ">>>" => (160, false, BSr),
        "<<~" | "~>>" | "<~" | "~>" | "<~>" | "<|>" => (160, false, Custom(custom_name(op))),
        "in" => (170, false, In),
        "not in" => (170, false, NotIn),
        "^^^" => (180, false, BXor),
        "//" => (190, true, StepRange),
        "++" => (200, true, ListConcat),
        "--" => (200, true, ListSub),
        "+++" | "---" => (200, true, Custom(custom_name(op))),
        ".." => (200, true, Range),
        "<>" => (200, true, Concat),
        "+" => (210, false, Add),
        "-" => (210, false, Sub),
        "*" => (220, false, Mul),
        "/" => (220, false, Div),
        "**" => (230, false, Pow),
        _ => return None,
    })
}

fn custom_name(op: &str) -> &'static str {
    match op {
        "<<~" => "<<~",
        "~>>" => "~>>",
        "<~" => "<~",
        "~>" => "~>",
        "<~>" => "<~>",
        "<|>" => "<|>",
        "+++" => "+++",
        _ => "---",
    }
}

fn unary_op(op: &str) -> Option<UnaryOp> {
    Some(match op {
        "-" => UnaryOp::Neg,
        "+" => UnaryOp::Plus,
        "!" => UnaryOp::Bang,
        "^" => UnaryOp::Pin,
        "not" => UnaryOp::Not,
        "~~~" => UnaryOp::BNot,
        _ => return None,
    })
}

pub(crate) struct Parser<'t> {
    toks: &'t [Token],
    pos: usize,
    /// Position reported for errors at end of input.
    eof: Span,
    /// Inside the arguments of a no-paren call: `do` belongs to that call.
    no_do: bool,
    depth: usize,
    /// Set for an interpolation's tokens: the `}` that ends them.
    closing_brace: Option<Span>,
    /// The parser's warnings, in the order it finds them.
    warnings: Vec<SyntaxWarning>,
}

pub(crate) fn join(a: Span, b: Span) -> Span {
    Span {
        line: a.line,
        col: a.col,
        start: a.start,
        end: b.end.max(a.end),
    }
}

fn boxed(e: Expr) -> Box<Expr> {
    Box::new(e)
}

impl<'t> Parser<'t> {
    fn new(toks: &'t [Token], eof: Span, depth: usize) -> Parser<'t> {
        Parser {
            toks,
            pos: 0,
            eof,
            no_do: false,
            depth,
            closing_brace: None,
            warnings: Vec::new(),
        }
    }

    fn warn(&mut self, at: Span, message: &str) {
        self.warnings.push(SyntaxWarning {
            line: at.line,
            col: at.col,
            message: message.into(),
        });
    }

    // ---- token helpers -------------------------------------------------

    fn peek(&self) -> Option<&'t Token> {
        self.toks.get(self.pos)
    }

    fn peek_tok(&self) -> Option<&'t Tok> {
        self.peek().map(|t| &t.tok)
    }

    fn peek_at(&self, n: usize) -> Option<&'t Token> {
        self.toks.get(self.pos + n)
    }

    fn at(&self, tok: &Tok) -> bool {
        self.peek_tok() == Some(tok)
    }

    fn at_op(&self, op: &str) -> bool {
        matches!(self.peek_tok(), Some(Tok::Op(o)) if *o == op)
    }

    fn at_kw(&self, kw: &str) -> bool {
        matches!(self.peek_tok(), Some(Tok::Kw(k)) if *k == kw)
    }

    fn advance(&mut self) -> Option<&'t Token> {
        let t = self.toks.get(self.pos);
        if t.is_some() {
            self.pos += 1;
        }
        t
    }

    /// The span of the last consumed token.
    fn prev_span(&self) -> Span {
        self.pos
            .checked_sub(1)
            .and_then(|i| self.toks.get(i))
            .map_or(self.eof, |t| t.span)
    }

    fn span_from(&self, start: Span) -> Span {
        join(start, self.prev_span())
    }

    fn skip_eols(&mut self) {
        while self.at(&Tok::Eol) {
            self.pos += 1;
        }
    }

    fn skip_separators(&mut self) {
        while matches!(self.peek_tok(), Some(Tok::Eol | Tok::Semi)) {
            self.pos += 1;
        }
    }

    // ---- errors --------------------------------------------------------

    fn error(&self, span: Span, kind: SyntaxErrorKind, msg: String, incomplete: bool) -> SyntaxError {
        SyntaxError {
            kind,
            line: span.line,
            col: span.col,
            message: msg,
            incomplete,
        }
    }

    /// The error for the next token, which no rule accepts here.
    fn unexpected(&self) -> SyntaxError {
        match self.peek() {
            None => {
                if let Some(brace) = self.closing_brace {
                    let last = self.prev_span();
                    let at = if self.pos == 0 { brace } else { last };
                    return self.error(
                        at,
                        SyntaxErrorKind::TokenMissing,
                        "syntax error: expression is incomplete".into(),
                        false,
                    );
                }
                self.error(
                    self.eof,
                    SyntaxErrorKind::TokenMissing,
                    "syntax error: expression is incomplete".into(),
                    true,
                )
            }
            Some(t) => {
                let mut msg = format!("syntax error before: {}", t.tok.describe());
                if let Tok::Kw(k) = t.tok {
                    msg.push_str(&format!(
                        ". \"{k}\" is a reserved word in Elixir and therefore its usage is \
                         limited. For instance, it can't be used as a variable or be defined \
                         nor invoked as a regular function"
                    ));
                }
                self.error(t.span, SyntaxErrorKind::Syntax, msg, false)
            }
        }
    }

    fn expect(&mut self, tok: &Tok) -> Result<Span, SyntaxError> {
        if self.at(tok) {
            Ok(self.advance().map_or(self.eof, |t| t.span))
        } else {
            Err(self.unexpected())
        }
    }

    fn expect_op(&mut self, op: &str) -> Result<Span, SyntaxError> {
        if self.at_op(op) {
            Ok(self.advance().map_or(self.eof, |t| t.span))
        } else {
            Err(self.unexpected())
        }
    }

    fn too_deep(&self) -> SyntaxError {
        let span = self.peek().map_or(self.eof, |t| t.span);
        self.error(span, SyntaxErrorKind::Syntax, lexer::nesting_message(), false)
    }

    // ---- program and blocks --------------------------------------------

    /// program := separators? (expr (separator+ expr)*)? separators?
    fn expect_program(&mut self) -> Result<Vec<Expr>, SyntaxError> {
        self.expect_statements(|_| false)
    }

    /// Expressions separated by newlines or `;`, up to a token `stop` accepts
    /// (not consumed) or the end of the tokens.
    fn expect_statements(&mut self, stop: impl Fn(&Tok) -> bool) -> Result<Vec<Expr>, SyntaxError> {
        let mut out = Vec::new();
        loop {
            self.skip_separators();
            match self.peek_tok() {
                None => break,
                Some(t) if stop(t) => break,
                _ => {}
            }
            out.push(self.expect_expr(0)?);
            match self.peek_tok() {
                None | Some(Tok::Eol | Tok::Semi) => {}
                Some(t) if stop(t) => {}
                _ => return Err(self.unexpected()),
            }
        }
        Ok(out)
    }

    // ---- expressions ---------------------------------------------------

    /// expr := unary (binop expr)*, binding operators of precedence >= `min`.
    pub(crate) fn expect_expr(&mut self, min: u16) -> Result<Expr, SyntaxError> {
        if self.depth >= MAX_NESTING {
            return Err(self.too_deep());
        }
        self.depth += 1;
        let r = stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.expect_binary(min));
        self.depth -= 1;
        r
    }

    fn expect_binary(&mut self, min: u16) -> Result<Expr, SyntaxError> {
        let mut lhs = self.expect_unary()?;
        let mut chain = 0;
        while let Some(Token {
            tok: Tok::Op(op),
            span: op_span,
            ..
        }) = self.peek()
        {
            let Some((prec, right, bop)) = binary_op(op) else {
                break;
            };
            if prec < min {
                break;
            }
            chain += 1;
            if self.depth + chain >= MAX_NESTING {
                return Err(self.too_deep());
            }
            self.advance();
            self.skip_eols();
            let rhs = self.expect_expr(if right { prec } else { prec + 1 })?;
            let span = join(lhs.span, rhs.span);
            let kind = if bop == BinOp::StepRange {
                if !matches!(lhs.kind, ExprKind::Binary(BinOp::Range, ..)) {
                    return Err(self.error(
                        *op_span,
                        SyntaxErrorKind::Syntax,
                        "the range step operator (//) must immediately follow the range \
                         definition operator (..), for example: 1..9//2. If you wanted to \
                         define a default argument, use (\\\\) instead. Syntax error before: '//'"
                            .into(),
                        false,
                    ));
                }
                ExprKind::Binary(BinOp::StepRange, boxed(lhs), boxed(rhs))
            } else {
                ExprKind::Binary(bop, boxed(lhs), boxed(rhs))
            };
            lhs = Expr::new(kind, span);
        }
        Ok(lhs)
    }

    /// unary := (unary_op | '&') expr | '@' primary postfix | primary postfix
    fn expect_unary(&mut self) -> Result<Expr, SyntaxError> {
        let Some(tok) = self.peek() else {
            return Err(self.unexpected());
        };
        let start = tok.span;
        match &tok.tok {
            Tok::Op("&") => {
                self.advance();
                // `&+/2`: the capture of an operator.
                if let (Some(op), Some(slash), Some(arity)) = (self.peek_at(0), self.peek_at(1), self.peek_at(2))
                    && let (Tok::Op(name), Tok::Op("/"), Tok::Int(_)) = (&op.tok, &slash.tok, &arity.tok)
                {
                    let fun = Expr::new(ExprKind::Var((*name).to_string()), op.span);
                    self.advance();
                    self.advance();
                    let n = self.expect_unary()?;
                    let div = Expr::new(
                        ExprKind::Binary(BinOp::Div, boxed(fun), boxed(n.clone())),
                        join(op.span, n.span),
                    );
                    return Ok(Expr::new(
                        ExprKind::Unary(UnaryOp::Capture, boxed(div)),
                        join(start, n.span),
                    ));
                }
                let operand = self.expect_expr(CAPTURE_PREC + 1)?;
                let span = join(start, operand.span);
                Ok(Expr::new(ExprKind::Unary(UnaryOp::Capture, boxed(operand)), span))
            }
            Tok::Op("@") => {
                self.advance();
                let (operand, postfix) = self.expect_primary()?;
                let span = join(start, operand.span);
                let at = Expr::new(ExprKind::Unary(UnaryOp::At, boxed(operand)), span);
                if postfix { self.parse_postfix(at) } else { Ok(at) }
            }
            Tok::Op(op) if unary_op(op).is_some() => {
                let uop = unary_op(op).unwrap_or(UnaryOp::Neg);
                self.advance();
                self.skip_eols();
                let operand = self.expect_expr(UNARY_PREC + 1)?;
                if matches!(uop, UnaryOp::Not | UnaryOp::Bang) && self.at_op("in") {
                    // `not a in b` means `not(a in b)`
                    self.advance();
                    let rhs = self.expect_expr(171)?;
                    let span = join(operand.span, rhs.span);
                    let inner = Expr::new(ExprKind::Binary(BinOp::In, boxed(operand), boxed(rhs)), span);
                    let span = join(start, inner.span);
                    return Ok(Expr::new(ExprKind::Unary(uop, boxed(inner)), span));
                }
                let span = join(start, operand.span);
                Ok(Expr::new(ExprKind::Unary(uop, boxed(operand)), span))
            }
            _ => {
                let (e, postfix) = self.expect_primary()?;
                if postfix { self.parse_postfix(e) } else { Ok(e) }
            }
        }
    }

    /// primary := literal | identifier call? | alias | container | fn | '(' block ')'.
    /// Also says whether postfix `.x`/`[k]` may follow (not after a no-paren call).
    fn expect_primary(&mut self) -> Result<(Expr, bool), SyntaxError> {
        let Some(tok) = self.peek() else {
            return Err(self.unexpected());
        };
        let span = tok.span;
        let lit = |k: ExprKind| Ok((Expr::new(k, span), true));
        match &tok.tok {
            Tok::Int(n) => {
                self.advance();
                lit(ExprKind::Int(*n))
            }
            Tok::BigInt(s) => {
                self.advance();
                lit(ExprKind::BigInt(s.clone()))
            }
            Tok::Float(f) => {
                self.advance();
                lit(ExprKind::Float(*f))
            }
            Tok::Atom(a) => {
                self.advance();
                lit(ExprKind::Atom(a.clone()))
            }
            Tok::CaptureArg(n) => {
                self.advance();
                lit(ExprKind::CaptureArg(*n))
            }
            Tok::Str(parts) => {
                self.advance();
                let parts = self.expect_str_parts(parts)?;
                lit(ExprKind::Str(parts))
            }
            Tok::Charlist(parts) => {
                self.advance();
                let parts = self.expect_str_parts(parts)?;
                lit(ExprKind::Charlist(parts))
            }
            Tok::AtomInterp(parts) => {
                // As Elixir expands it: `:erlang.binary_to_atom("a#{b}", :utf8)`.
                self.advance();
                let parts = self.expect_str_parts(parts)?;
                let erlang = Box::new(Expr::new(ExprKind::Atom("erlang".into()), span));
                lit(ExprKind::Call {
                    target: CallTarget::Remote(erlang, "binary_to_atom".into()),
                    args: vec![
                        Expr::new(ExprKind::Str(parts), span),
                        Expr::new(ExprKind::Atom("utf8".into()), span),
                    ],
                    parens: true,
                })
            }
            Tok::Sigil { name, parts, modifiers } => {
                self.advance();
                let parts = self.expect_str_parts(parts)?;
                lit(ExprKind::Sigil {
                    name: name.clone(),
                    parts,
                    modifiers: modifiers.clone(),
                })
            }
            Tok::Alias(a) => {
                self.advance();
                lit(ExprKind::Alias(vec![a.clone()]))
            }
            Tok::Ident(name) => {
                self.advance();
                self.expect_identifier_call(name, span)
            }
            Tok::LParen => Ok((self.expect_parens()?, true)),
            Tok::LBracket => Ok((self.expect_list()?, true)),
            Tok::LBrace => Ok((self.expect_tuple()?, true)),
            Tok::MapOpen => Ok((self.expect_map()?, true)),
            Tok::Percent => Ok((self.expect_struct()?, true)),
            Tok::LBin => Ok((self.expect_bitstring()?, true)),
            Tok::Kw("fn") => Ok((self.expect_fn()?, true)),
            _ => Err(self.unexpected()),
        }
    }

    /// The parts of a string token, parsing each interpolation's tokens.
    fn expect_str_parts(&mut self, parts: &[TokPart]) -> Result<Vec<super::ast::StrPart>, SyntaxError> {
        use super::ast::StrPart;
        let mut out = Vec::with_capacity(parts.len());
        for p in parts {
            match p {
                TokPart::Lit(s) => out.push(StrPart::Lit(s.clone())),
                TokPart::Interp(toks, span) => {
                    let brace = Span {
                        line: span.line,
                        col: span.col,
                        start: span.end.saturating_sub(1),
                        end: span.end,
                    };
                    let mut sub = Parser::new(toks, brace, self.depth + 1);
                    sub.closing_brace = Some(brace);
                    let exprs = stacker::maybe_grow(64 * 1024, 1024 * 1024, || sub.expect_program());
                    self.warnings.append(&mut sub.warnings);
                    let exprs = exprs?;
                    out.push(StrPart::Interp(block_of(exprs, *span)));
                }
            }
        }
        Ok(out)
    }
}

/// Several expressions as one: none is an empty block, one is itself.
pub(crate) fn block_of(mut exprs: Vec<Expr>, span: Span) -> Expr {
    match exprs.len() {
        0 => Expr::new(ExprKind::Block(vec![]), span),
        1 => exprs.pop().unwrap_or_else(|| Expr::new(ExprKind::Block(vec![]), span)),
        _ => {
            let first = exprs.first().map_or(span, |e| e.span);
            let last = exprs.last().map_or(span, |e| e.span);
            Expr::new(ExprKind::Block(exprs), join(first, last))
        }
    }
}
