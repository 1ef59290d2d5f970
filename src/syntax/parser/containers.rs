//! Bracketed productions: call arguments, keyword lists, lists, tuples,
//! maps, structs, bitstrings and parenthesised blocks.

use super::{ASSOC_PREC, Parser, block_of, join};
use crate::syntax::SyntaxError;
use crate::syntax::ast::{BinOp, Expr, ExprKind, Span, UnaryOp};
use crate::syntax::error::SyntaxErrorKind;
use crate::syntax::lexer::{Tok, Token};

const KW_NOT_LAST: &str = "unexpected expression after keyword list. Keyword lists must always \
                           come last in lists and maps. Therefore, this is not allowed:\n\n    \
                           [some: :value, :another]\n    %{some: :value, another => value}\n\n\
                           Instead, reorder it to be the last entry:\n\n    \
                           [:another, some: :value]\n    %{another => value, some: :value}\n\n\
                           Syntax error after: ','";

pub(crate) const KW_NOT_LAST_ARG: &str = "unexpected expression after keyword list. Keyword lists must \
                           always come as the last argument. Therefore, this is not allowed:\n\n    \
                           function_call(1, some: :option, 2)\n\nInstead, wrap the keyword in \
                           brackets:\n\n    function_call(1, [some: :option], 2)\n\nSyntax error after: ','";

fn tuple2(k: Expr, v: Expr) -> Expr {
    let span = join(k.span, v.span);
    Expr::new(ExprKind::Tuple(vec![k, v]), span)
}

impl Parser<'_> {
    /// Runs `f` with `do` blocks allowed again (inside brackets).
    pub(super) fn nested<T>(&mut self, f: impl FnOnce(&mut Self) -> Result<T, SyntaxError>) -> Result<T, SyntaxError> {
        let saved = self.no_do;
        self.no_do = false;
        let r = f(self);
        self.no_do = saved;
        r
    }

    /// kw_list := kw_key expr (',' kw_key expr)* — as a `List` of 2-tuples.
    pub(crate) fn expect_kw_list(&mut self) -> Result<Expr, SyntaxError> {
        let start = self.peek().map_or(self.eof, |t| t.span);
        let mut items = Vec::new();
        loop {
            let Some(Token {
                tok: Tok::KwKey(k),
                span,
                ..
            }) = self.peek()
            else {
                return Err(self.unexpected());
            };
            self.advance();
            self.skip_eols();
            let key = Expr::new(ExprKind::Atom(k.clone()), *span);
            let value = self.expect_expr(0)?;
            items.push(tuple2(key, value));
            if self.at(&Tok::Comma) && matches!(self.peek_at(1).map(|t| &t.tok), Some(Tok::KwKey(_))) {
                self.advance();
                continue;
            }
            break;
        }
        let span = self.span_from(start);
        Ok(Expr::new(ExprKind::List { items, tail: None }, span))
    }

    /// items := (expr (',' expr)*)? (',' kw_list)? ','? close
    /// Returns the positional items and the keyword pairs; consumes `close`.
    fn expect_items(&mut self, close: &Tok, trailing_ok: bool) -> Result<(Vec<Expr>, Vec<Expr>), SyntaxError> {
        self.nested(|p| {
            let mut items = Vec::new();
            let mut kw = Vec::new();
            let mut after_comma = false;
            loop {
                p.skip_eols();
                if p.at(close) {
                    if after_comma && !trailing_ok {
                        return Err(p.unexpected());
                    }
                    break;
                }
                if let Some(Tok::KwKey(_)) = p.peek_tok() {
                    if let ExprKind::List { items: pairs, .. } = p.expect_kw_list()?.kind {
                        kw = pairs;
                    }
                    p.skip_eols();
                    if p.at(&Tok::Comma) {
                        let comma = p.advance().map_or(p.eof, |t| t.span);
                        p.skip_eols();
                        if !p.at(close) {
                            if p.peek().is_none() {
                                return Err(p.unexpected());
                            }
                            let msg = if trailing_ok { KW_NOT_LAST } else { KW_NOT_LAST_ARG };
                            return Err(p.error(comma, SyntaxErrorKind::Syntax, msg.into(), false));
                        }
                        if !trailing_ok {
                            return Err(p.unexpected());
                        }
                    }
                    break;
                }
                items.push(p.expect_expr(0)?);
                p.skip_eols();
                if p.at(&Tok::Comma) {
                    p.advance();
                    after_comma = true;
                    continue;
                }
                break;
            }
            p.skip_eols();
            p.expect(close)?;
            Ok((items, kw))
        })
    }

    /// call_args := '(' items ')' — keyword pairs become one trailing `List`.
    pub(crate) fn expect_call_args(&mut self) -> Result<Vec<Expr>, SyntaxError> {
        self.expect(&Tok::LParen)?;
        let (mut items, kw) = self.expect_items(&Tok::RParen, false)?;
        push_kw(&mut items, kw);
        Ok(items)
    }

    /// list := '[' items ('|' tail)? ']'
    pub(crate) fn expect_list(&mut self) -> Result<Expr, SyntaxError> {
        let start = self.expect(&Tok::LBracket)?;
        let (mut items, kw) = self.expect_items(&Tok::RBracket, true)?;
        let mut tail = None;
        if kw.is_empty()
            && let Some(last) = items.pop()
        {
            match last.kind {
                ExprKind::Binary(BinOp::Bar, head, t) => {
                    items.push(*head);
                    tail = Some(t);
                }
                kind => items.push(Expr::new(kind, last.span)),
            }
        }
        items.extend(kw);
        Ok(Expr::new(ExprKind::List { items, tail }, self.span_from(start)))
    }

    /// tuple := '{' items '}'
    pub(crate) fn expect_tuple(&mut self) -> Result<Expr, SyntaxError> {
        let start = self.expect(&Tok::LBrace)?;
        let (mut items, kw) = self.expect_items(&Tok::RBrace, true)?;
        push_kw(&mut items, kw);
        Ok(Expr::new(ExprKind::Tuple(items), self.span_from(start)))
    }

    /// '{' items '}' after a `.`: the items and keyword pairs.
    pub(crate) fn expect_tuple_items(&mut self) -> Result<(Vec<Expr>, Vec<Expr>), SyntaxError> {
        self.expect(&Tok::LBrace)?;
        self.expect_items(&Tok::RBrace, true)
    }

    /// bitstring := '<<' items '>>'
    pub(crate) fn expect_bitstring(&mut self) -> Result<Expr, SyntaxError> {
        let start = self.expect(&Tok::LBin)?;
        let (items, kw) = self.expect_items(&Tok::RBin, true)?;
        if !kw.is_empty() {
            return Err(self.error(
                start,
                SyntaxErrorKind::Syntax,
                "syntax error before: '>>'".into(),
                false,
            ));
        }
        Ok(Expr::new(ExprKind::Bitstring(items), self.span_from(start)))
    }

    /// parens := '(' statements ')'
    pub(crate) fn expect_parens(&mut self) -> Result<Expr, SyntaxError> {
        if self.parens_hold_clauses() {
            return self.expect_paren_clauses();
        }
        let start = self.expect(&Tok::LParen)?;
        let exprs = self.nested(|p| p.expect_statements(|t| *t == Tok::RParen))?;
        self.expect(&Tok::RParen)?;
        let span = self.span_from(start);
        let mut e = block_of(exprs, span);
        e.span = span;
        Ok(e)
    }

    /// map := '%{' map_body '}'
    pub(crate) fn expect_map(&mut self) -> Result<Expr, SyntaxError> {
        let start = self.expect(&Tok::MapOpen)?;
        let (base, pairs) = self.nested(|p| p.expect_map_body())?;
        Ok(Expr::new(ExprKind::Map { base, pairs }, self.span_from(start)))
    }

    /// struct := '%' name '{' map_body '}'
    pub(crate) fn expect_struct(&mut self) -> Result<Expr, SyntaxError> {
        let start = self.expect(&Tok::Percent)?;
        let name = self.expect_struct_name()?;
        if !self.at(&Tok::LBrace) {
            return Err(self.unexpected());
        }
        self.advance();
        let (base, pairs) = self.nested(|p| p.expect_map_body())?;
        Ok(Expr::new(
            ExprKind::Struct {
                name: Box::new(name),
                base,
                pairs,
            },
            self.span_from(start),
        ))
    }

    /// struct_name := alias ('.' alias)* | '__MODULE__' ('.' alias)* | var | '@' name
    fn expect_struct_name(&mut self) -> Result<Expr, SyntaxError> {
        let Some(tok) = self.peek() else {
            return Err(self.unexpected());
        };
        let start = tok.span;
        let mut segs = match &tok.tok {
            Tok::Alias(a) => vec![a.clone()],
            Tok::Ident(v) if v == "__MODULE__" => vec![v.clone()],
            Tok::Ident(v) => {
                self.advance();
                return Ok(Expr::new(ExprKind::Var(v.clone()), start));
            }
            Tok::Op("@") => {
                self.advance();
                let Some(Token {
                    tok: Tok::Ident(v),
                    span,
                    ..
                }) = self.peek()
                else {
                    return Err(self.unexpected());
                };
                self.advance();
                let var = Expr::new(ExprKind::Var(v.clone()), *span);
                return Ok(Expr::new(
                    ExprKind::Unary(UnaryOp::At, Box::new(var)),
                    self.span_from(start),
                ));
            }
            _ => return Err(self.unexpected()),
        };
        self.advance();
        while self.at_op(".") {
            let Some(Token { tok: Tok::Alias(a), .. }) = self.peek_at(1) else {
                break;
            };
            segs.push(a.clone());
            self.pos += 2;
        }
        let span = self.span_from(start);
        if segs.len() == 1 && segs[0] == "__MODULE__" {
            return Ok(Expr::new(ExprKind::Var(segs.remove(0)), span));
        }
        Ok(Expr::new(ExprKind::Alias(segs), span))
    }

    /// map_body := (expr '|')? (pair (',' pair)*)? (',' kw_list)? ','? '}'
    #[allow(clippy::type_complexity)]
    fn expect_map_body(&mut self) -> Result<(Option<Box<Expr>>, Vec<(Expr, Expr)>), SyntaxError> {
        let mut base = None;
        let mut pairs = Vec::new();
        self.skip_eols();
        let mut first = true;
        loop {
            self.skip_eols();
            if self.at(&Tok::RBrace) {
                break;
            }
            if let Some(Tok::KwKey(_)) = self.peek_tok() {
                if let ExprKind::List { items, .. } = self.expect_kw_list()?.kind {
                    for item in items {
                        if let ExprKind::Tuple(mut kv) = item.kind
                            && kv.len() == 2
                        {
                            let v = kv.pop();
                            let k = kv.pop();
                            if let (Some(k), Some(v)) = (k, v) {
                                pairs.push((k, v));
                            }
                        }
                    }
                }
                self.skip_eols();
                if self.at(&Tok::Comma) {
                    let comma = self.advance().map_or(self.eof, |t| t.span);
                    self.skip_eols();
                    if !self.at(&Tok::RBrace) && self.peek().is_some() {
                        return Err(self.error(comma, SyntaxErrorKind::Syntax, KW_NOT_LAST.into(), false));
                    }
                }
                break;
            }
            let key = self.expect_expr(ASSOC_PREC + 1)?;
            self.skip_eols();
            if first && self.at_op("|") {
                self.advance();
                base = Some(Box::new(key));
                first = false;
                continue;
            }
            first = false;
            self.expect_op("=>")?;
            self.skip_eols();
            let value = self.expect_expr(0)?;
            pairs.push((key, value));
            self.skip_eols();
            if self.at(&Tok::Comma) {
                self.advance();
                continue;
            }
            break;
        }
        self.skip_eols();
        self.expect(&Tok::RBrace)?;
        Ok((base, pairs))
    }
}

fn push_kw(items: &mut Vec<Expr>, kw: Vec<Expr>) {
    if let (Some(first), Some(last)) = (kw.first(), kw.last()) {
        let span: Span = join(first.span, last.span);
        items.push(Expr::new(ExprKind::List { items: kw, tail: None }, span));
    }
}
