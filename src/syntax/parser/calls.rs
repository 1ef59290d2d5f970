//! Calls: `f(args)`, `f args` (no parens), `Mod.f`, `fun.(args)`, `m[k]`,
//! and where a trailing `do … end` block attaches.

use super::{Parser, boxed, containers, join};
use crate::syntax::SyntaxError;
use crate::syntax::ast::{CallTarget, Expr, ExprKind, Span};
use crate::syntax::error::SyntaxErrorKind;
use crate::syntax::lexer::{MAX_NESTING, Tok, TokPart, Token};

impl Parser<'_> {
    /// After an identifier: a paren call, a no-paren call, a call with only a
    /// `do` block, or a variable.
    pub(crate) fn expect_identifier_call(&mut self, name: &str, span: Span) -> Result<(Expr, bool), SyntaxError> {
        let next = self.peek();
        if matches!(
            next,
            Some(Token {
                tok: Tok::LParen,
                space_before: false,
                ..
            })
        ) {
            let args = self.expect_call_args()?;
            let call = self.call(CallTarget::Local(name.to_string()), args, true, span);
            return self.parse_do_block_for(call, true);
        }
        if self.at_no_paren_arg() {
            let args = self.expect_no_paren_args()?;
            let call = self.call(CallTarget::Local(name.to_string()), args, false, span);
            return self.parse_do_block_for(call, false);
        }
        if self.at_kw("do") && !self.no_do {
            let call = self.call(CallTarget::Local(name.to_string()), vec![], false, span);
            return self.parse_do_block_for(call, false);
        }
        Ok((Expr::new(ExprKind::Var(name.to_string()), span), true))
    }

    pub(crate) fn call(&self, target: CallTarget, args: Vec<Expr>, parens: bool, start: Span) -> Expr {
        Expr::new(ExprKind::Call { target, args, parens }, self.span_from(start))
    }

    /// Appends a `do … end` block to `call`'s arguments when one follows and
    /// this call may take it. Returns whether postfix operators may follow.
    pub(crate) fn parse_do_block_for(&mut self, mut call: Expr, postfix: bool) -> Result<(Expr, bool), SyntaxError> {
        if self.no_do || !self.at_kw("do") {
            return Ok((call, postfix));
        }
        let block = self.expect_do_block()?;
        call.span = join(call.span, block.span);
        if let ExprKind::Call { args, .. } = &mut call.kind {
            args.push(block);
        }
        Ok((call, false))
    }

    /// Could the next token begin the first argument of a no-paren call?
    pub(crate) fn at_no_paren_arg(&self) -> bool {
        let Some(t) = self.peek() else { return false };
        if !t.space_before {
            return false;
        }
        match &t.tok {
            tok if opens_container_or_atom(tok) => true,
            Tok::Int(_)
            | Tok::BigInt(_)
            | Tok::Float(_)
            | Tok::Str(_)
            | Tok::Charlist(_)
            | Tok::Sigil { .. }
            | Tok::Ident(_)
            | Tok::Alias(_)
            | Tok::KwKey(_)
            | Tok::CaptureArg(_)
            | Tok::Kw("fn") => true,
            Tok::Op("!" | "^" | "not" | "~~~" | "@" | "&") => true,
            // `f -x` is `f(-x)`, but `f -(x)`, `f -[x]`, `f -:a`… are binary
            // minus, as Elixir's tokenizer has it.
            Tok::Op("-" | "+") => matches!(
                self.peek_at(1),
                Some(n) if !n.space_before
                    && n.tok != Tok::Eol
                    && !opens_container_or_atom(&n.tok)
                    && !matches!(&n.tok, Tok::Op(o) if o.starts_with(['+', '-', '/', '>', '<', ':']))
            ),
            _ => false,
        }
    }

    /// no_paren_args := expr (',' expr)* (',' kw_list)? | kw_list
    pub(crate) fn expect_no_paren_args(&mut self) -> Result<Vec<Expr>, SyntaxError> {
        let saved = self.no_do;
        self.no_do = true;
        let r = self.expect_no_paren_args_inner();
        self.no_do = saved;
        r
    }

    pub(crate) fn expect_no_paren_args_inner(&mut self) -> Result<Vec<Expr>, SyntaxError> {
        let mut args = Vec::new();
        loop {
            if let Some(Tok::KwKey(_)) = self.peek_tok() {
                args.push(self.expect_kw_list()?);
                if let Some(Token {
                    tok: Tok::Comma, span, ..
                }) = self.peek()
                    && self.peek_at(1).is_some()
                {
                    let msg = containers::KW_NOT_LAST_ARG.to_string();
                    return Err(self.error(*span, SyntaxErrorKind::Syntax, msg, false));
                }
                break;
            }
            args.push(self.expect_expr(0)?);
            if self.at(&Tok::Comma) {
                self.advance();
                continue;
            }
            break;
        }
        Ok(args)
    }

    /// postfix := ('.' member | '[' expr ']')*
    pub(crate) fn parse_postfix(&mut self, mut e: Expr) -> Result<Expr, SyntaxError> {
        let mut chain = 0;
        loop {
            chain += 1;
            if self.depth + chain >= MAX_NESTING {
                return Err(self.too_deep());
            }
            match self.peek() {
                Some(Token { tok: Tok::Op("."), .. }) => {
                    self.advance();
                    let (next, more) = self.expect_dot_member(e)?;
                    e = next;
                    if !more {
                        return Ok(e);
                    }
                }
                Some(Token {
                    tok: Tok::LBracket,
                    space_before: false,
                    ..
                }) => {
                    self.advance();
                    let saved = self.no_do;
                    self.no_do = false;
                    self.skip_eols();
                    let key = self.expect_expr(0);
                    self.no_do = saved;
                    let key = key?;
                    self.skip_eols();
                    self.expect(&Tok::RBracket)?;
                    let span = self.span_from(e.span);
                    e = Expr::new(ExprKind::Access(boxed(e), boxed(key)), span);
                }
                _ => return Ok(e),
            }
        }
    }

    /// What follows a `.`: `name`, `name(args)`, `name args`, `Alias`, `(args)`, `"name"(args)`.
    pub(crate) fn expect_dot_member(&mut self, base: Expr) -> Result<(Expr, bool), SyntaxError> {
        let start = base.span;
        let Some(tok) = self.peek() else {
            return Err(self.unexpected());
        };
        let name = match &tok.tok {
            Tok::Ident(n) => n.clone(),
            Tok::Op(op) if *op != "." => (*op).to_string(),
            Tok::Kw(k) if *k != "do" && *k != "end" => (*k).to_string(),
            Tok::Str(parts) => {
                let mut s = String::new();
                for p in parts {
                    match p {
                        TokPart::Lit(l) => s.push_str(l),
                        TokPart::Interp(..) => return Err(self.unexpected()),
                    }
                }
                s
            }
            Tok::Alias(seg) => {
                let seg = seg.clone();
                self.advance();
                let span = self.span_from(start);
                return match base.kind {
                    ExprKind::Alias(mut segs) => {
                        segs.push(seg);
                        Ok((Expr::new(ExprKind::Alias(segs), span), true))
                    }
                    ExprKind::Var(v) if v == "__MODULE__" => Ok((Expr::new(ExprKind::Alias(vec![v, seg]), span), true)),
                    _ => Err(self.error(
                        tok.span,
                        SyntaxErrorKind::Syntax,
                        format!("syntax error before: {}", tok.tok.describe()),
                        false,
                    )),
                };
            }
            Tok::LBrace => {
                // `Foo.{A, B}` (multi-alias): a call to `{}` on the base
                let (args, _) = self.expect_tuple_items()?;
                let target = CallTarget::Remote(boxed(base), "{}".to_string());
                return Ok((self.call(target, args, true, start), true));
            }
            Tok::LParen if !tok.space_before => {
                let args = self.expect_call_args()?;
                let call = self.call(CallTarget::Anon(boxed(base)), args, true, start);
                return Ok((call, true));
            }
            _ => return Err(self.unexpected()),
        };
        self.advance();
        let target = CallTarget::Remote(boxed(base), name);
        if matches!(
            self.peek(),
            Some(Token {
                tok: Tok::LParen,
                space_before: false,
                ..
            })
        ) {
            let args = self.expect_call_args()?;
            let call = self.call(target, args, true, start);
            return self.parse_do_block_for(call, true);
        }
        if self.at_no_paren_arg() {
            let args = self.expect_no_paren_args()?;
            let call = self.call(target, args, false, start);
            return self.parse_do_block_for(call, false);
        }
        let call = self.call(target, vec![], false, start);
        if self.at_kw("do") && !self.no_do {
            return self.parse_do_block_for(call, false);
        }
        Ok((call, true))
    }
}

/// A token that opens a container (a bracket, `<<`, `%`) or is an atom.
fn opens_container_or_atom(t: &Tok) -> bool {
    matches!(
        t,
        Tok::LParen
            | Tok::LBracket
            | Tok::LBrace
            | Tok::LBin
            | Tok::MapOpen
            | Tok::Percent
            | Tok::Atom(_)
            | Tok::AtomInterp(_)
    )
}
