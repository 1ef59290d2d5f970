//! Blocks: `do … end` keyword blocks, `fn … end`, and `->` clauses.

use super::{Parser, block_of, join};
use crate::syntax::SyntaxError;
use crate::syntax::ast::{BinOp, Expr, ExprKind, Span, StabClause};
use crate::syntax::error::SyntaxErrorKind;
use crate::syntax::lexer::{Tok, Token};

/// A section's contents: plain expressions or `->` clauses.
enum Body {
    Exprs(Vec<Expr>),
    Stab(Vec<StabClause>),
}

/// A statement, or the head of a `->` clause.
enum Item {
    Stmt(Expr),
    Head(Head),
}

/// A `->` clause's head: its params, guard, where it starts and its `->`.
struct Head {
    params: Vec<Expr>,
    guard: Option<Expr>,
    start: Span,
    arrow: Span,
}

fn is_section_end(t: &Tok) -> bool {
    matches!(t, Tok::Kw("end" | "else" | "after" | "rescue" | "catch"))
}

impl Parser<'_> {
    /// do_block := 'do' section (('else'|'after'|'rescue'|'catch') section)* 'end'
    /// — as a keyword `List` `[do: …, else: …]`.
    pub(crate) fn expect_do_block(&mut self) -> Result<Expr, SyntaxError> {
        let saved = self.no_do;
        self.no_do = false;
        let r = self.expect_do_block_inner();
        self.no_do = saved;
        r
    }

    fn expect_do_block_inner(&mut self) -> Result<Expr, SyntaxError> {
        let Some(Token { span: start, .. }) = self.peek() else {
            return Err(self.unexpected());
        };
        let start = *start;
        self.advance();
        let mut sections = Vec::new();
        let mut name = ("do", start);
        loop {
            let body = self.expect_stab_or_block(is_section_end)?;
            let at = self.peek().map_or(self.eof, |t| t.span);
            let content = match body {
                Body::Stab(clauses) => {
                    let span = match (clauses.first(), clauses.last()) {
                        (Some(f), Some(l)) => join(f.span, l.span),
                        _ => name.1,
                    };
                    Expr::new(ExprKind::Stab(clauses), span)
                }
                Body::Exprs(exprs) => block_of(exprs, name.1),
            };
            let key = Expr::new(ExprKind::Atom(name.0.to_string()), name.1);
            let span = join(name.1, content.span);
            sections.push(Expr::new(ExprKind::Tuple(vec![key, content]), span));
            match self.peek_tok() {
                Some(Tok::Kw("end")) => {
                    self.advance();
                    break;
                }
                Some(Tok::Kw(k @ ("else" | "after" | "rescue" | "catch"))) => {
                    self.advance();
                    name = (k, at);
                }
                _ => return Err(self.unexpected()),
            }
        }
        Ok(Expr::new(
            ExprKind::List {
                items: sections,
                tail: None,
            },
            self.span_from(start),
        ))
    }

    /// fn := 'fn' stab_clause+ 'end'
    pub(crate) fn expect_fn(&mut self) -> Result<Expr, SyntaxError> {
        let start = self.expect(&Tok::Kw("fn"))?;
        let saved = self.no_do;
        self.no_do = false;
        let body = self.expect_stab_or_block(|t| *t == Tok::Kw("end"));
        self.no_do = saved;
        match body? {
            Body::Stab(clauses) if !clauses.is_empty() => {
                self.expect(&Tok::Kw("end"))?;
                Ok(Expr::new(ExprKind::Fn(clauses), self.span_from(start)))
            }
            _ => {
                if self.peek().is_none() {
                    return Err(self.unexpected());
                }
                Err(self.error(
                    start,
                    SyntaxErrorKind::Syntax,
                    "expected anonymous functions to be defined with -> inside: 'fn'".into(),
                    false,
                ))
            }
        }
    }

    /// Statements up to a `stop` token, or `->` clauses if the first one is a head.
    fn expect_stab_or_block(&mut self, stop: fn(&Tok) -> bool) -> Result<Body, SyntaxError> {
        let mut clauses = Vec::new();
        let mut head: Option<Head> = None;
        let mut exprs = Vec::new();
        loop {
            let before = self.pos;
            self.skip_separators();
            let separated = self.pos > before;
            match self.peek_tok() {
                None => break,
                Some(t) if stop(t) => break,
                _ => {}
            }
            match self.expect_stmt_or_head()? {
                Item::Head(next) => {
                    if let Some(h) = head.take() {
                        // `1 ->` then `2 -> x` with no newline between (the
                        // one after `->` belongs to it): `2` is the body.
                        if exprs.is_empty() && !separated {
                            return Err(self.error(
                                next.arrow,
                                SyntaxErrorKind::Syntax,
                                "syntax error before: '->'".into(),
                                false,
                            ));
                        }
                        let clause = self.clause(h, std::mem::take(&mut exprs));
                        clauses.push(clause);
                    } else if let Some(first) = exprs.first() {
                        return Err(self.error(
                            first.span,
                            SyntaxErrorKind::Syntax,
                            "syntax error before: '->'".into(),
                            false,
                        ));
                    }
                    head = Some(next);
                }
                Item::Stmt(e) => {
                    exprs.push(e);
                    match self.peek_tok() {
                        None | Some(Tok::Eol | Tok::Semi) => {}
                        Some(t) if stop(t) => {}
                        _ => return Err(self.unexpected()),
                    }
                }
            }
        }
        Ok(match head {
            Some(h) => {
                clauses.push(self.clause(h, exprs));
                Body::Stab(clauses)
            }
            None => Body::Exprs(exprs),
        })
    }

    /// A clause from its head and body; an empty body gets Elixir's warning.
    fn clause(&mut self, head: Head, body: Vec<Expr>) -> StabClause {
        let Head {
            params,
            guard,
            start,
            arrow,
        } = head;
        if body.is_empty() {
            self.warn(
                arrow,
                "an expression is always required on the right side of ->. Please provide a value after ->",
            );
        }
        let body_span = body.last().map_or(start, |e| e.span);
        let body = block_of(body, start);
        StabClause {
            span: join(start, body_span),
            params,
            guard,
            body,
        }
    }

    /// stab_head := '->' | '(' items ')' ('when' expr)? '->' | expr (',' expr)* '->'
    /// — or, when no `->` follows, a plain statement.
    fn expect_stmt_or_head(&mut self) -> Result<Item, SyntaxError> {
        let start = self.peek().map_or(self.eof, |t| t.span);
        if self.at_op("->") {
            self.advance();
            return Ok(Item::Head(Head {
                params: vec![],
                guard: None,
                start,
                arrow: start,
            }));
        }
        if self.at(&Tok::LParen) && self.paren_head_follows() {
            let params = self.expect_call_args()?;
            let mut guard = None;
            if self.at_op("when") {
                self.advance();
                guard = Some(self.expect_expr(0)?);
            }
            let arrow = self.peek().map_or(self.eof, |t| t.span);
            self.expect_op("->")?;
            return Ok(Item::Head(Head {
                params,
                guard,
                start,
                arrow,
            }));
        }
        let first = self.expect_expr(0)?;
        if !self.at(&Tok::Comma) && !self.at_op("->") {
            return Ok(Item::Stmt(first));
        }
        let mut params = vec![first];
        while self.at(&Tok::Comma) {
            self.advance();
            if let Some(Tok::KwKey(_)) = self.peek_tok() {
                params.push(self.expect_kw_list()?);
                break;
            }
            params.push(self.expect_expr(0)?);
        }
        let arrow = self.peek().map_or(self.eof, |t| t.span);
        self.expect_op("->")?;
        let mut guard = None;
        if let Some(last) = params.pop() {
            match last.kind {
                ExprKind::Binary(BinOp::When, p, g) => {
                    params.push(*p);
                    guard = Some(*g);
                }
                kind => params.push(Expr::new(kind, last.span)),
            }
        }
        Ok(Item::Head(Head {
            params,
            guard,
            start,
            arrow,
        }))
    }

    /// Does the `(` here hold `->` clauses, `(1 -> :a; _ -> :b)` (a
    /// keyword's value, `do: (…)`), rather than statements? True when a `->`
    /// stands at its own nesting level before its `)`.
    pub(crate) fn parens_hold_clauses(&self) -> bool {
        let mut depth = 0usize;
        for t in &self.toks[self.pos..] {
            match &t.tok {
                Tok::LParen | Tok::LBracket | Tok::LBrace | Tok::MapOpen | Tok::LBin | Tok::Kw("fn" | "do") => {
                    depth += 1
                }
                Tok::RBracket | Tok::RBrace | Tok::RBin | Tok::Kw("end") => depth = depth.saturating_sub(1),
                Tok::RParen => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        return false;
                    }
                }
                Tok::Op("->") if depth == 1 => return true,
                _ => {}
            }
        }
        false
    }

    /// '(' stab_clause+ ')' — as a `Stab` value.
    pub(crate) fn expect_paren_clauses(&mut self) -> Result<Expr, SyntaxError> {
        let start = self.expect(&Tok::LParen)?;
        let body = self.nested(|p| p.expect_stab_or_block(|t| *t == Tok::RParen))?;
        self.expect(&Tok::RParen)?;
        let span = self.span_from(start);
        Ok(match body {
            Body::Stab(clauses) => Expr::new(ExprKind::Stab(clauses), span),
            Body::Exprs(exprs) => {
                let mut e = block_of(exprs, span);
                e.span = span;
                e
            }
        })
    }

    /// Is the `(` here a parenthesised clause head: `(…) ->` or `(…) when`?
    fn paren_head_follows(&self) -> bool {
        let mut depth = 0usize;
        for (i, t) in self.toks[self.pos..].iter().enumerate() {
            match t.tok {
                Tok::LParen => depth += 1,
                Tok::RParen => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        return matches!(
                            self.toks.get(self.pos + i + 1).map(|t| &t.tok),
                            Some(Tok::Op("->" | "when"))
                        );
                    }
                }
                _ => {}
            }
        }
        false
    }
}
