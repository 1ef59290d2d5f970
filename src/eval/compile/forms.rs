//! Compiling `try`, `with` and `for`.

use super::call::{kw, kw_pairs};
use std::collections::HashMap;

use super::{CResult, Compiler, err};
use crate::eval::ir::{For, ForStep, Node, Pat, Rescue, Try, WithStep};
use crate::syntax::ast::{BinOp, Expr, ExprKind, StabClause};
use crate::term::{Atom, Term};

fn stabs(e: Option<&Expr>) -> &[StabClause] {
    match e.map(|e| &e.kind) {
        Some(ExprKind::Stab(c)) => c,
        _ => &[],
    }
}

/// `pat when guard` split in two.
fn split_guard(e: &Expr) -> (&Expr, Option<&Expr>) {
    match &e.kind {
        ExprKind::Binary(BinOp::When, p, g) => (p, Some(g)),
        _ => (e, None),
    }
}

impl Compiler {
    pub(super) fn try_form(&mut self, kwl: &Expr, line: u32) -> CResult<Node> {
        let Some(body) = kw(kwl, "do") else {
            return err(line, "missing :do option in \"try\"");
        };
        let body = self.scoped(|c| c.expr(body))?;
        let mut rescue = Vec::new();
        for sc in stabs(kw(kwl, "rescue")) {
            rescue.push(self.scoped(|c| c.rescue_clause(sc))?);
        }
        let mut catch = Vec::new();
        for sc in stabs(kw(kwl, "catch")) {
            let mut sc = sc.clone();
            if sc.params.len() == 1 {
                sc.params.insert(0, Expr::new(ExprKind::Atom("throw".into()), sc.span));
            }
            catch.push(self.clause(&sc)?);
        }
        let else_ = self.clauses(stabs(kw(kwl, "else")))?;
        let after = match kw(kwl, "after") {
            Some(a) => Some(self.scoped(|c| c.expr(a))?),
            None => None,
        };
        if rescue.is_empty() && catch.is_empty() && after.is_none() && else_.is_empty() {
            return err(line, "expected one of :rescue, :catch, :else or :after in \"try\"");
        }
        let top = self.frames.len() == 1
            && self.module.is_none()
            && self.reads.is_none()
            && (self.context == crate::eval::exception::SCRIPT_CONTEXT
                || self.context == crate::eval::exec::SHELL_CONTEXT);
        Ok(Node::Try(Box::new(Try {
            body,
            rescue,
            catch,
            else_,
            after,
            top_line: top.then_some(line),
        })))
    }

    fn rescue_clause(&mut self, sc: &StabClause) -> CResult<Rescue> {
        let [p] = sc.params.as_slice() else {
            return err(sc.span.line, "expected one pattern in rescue");
        };
        let (var, mods) = match &p.kind {
            ExprKind::Binary(BinOp::In, v, m) => (Some(&**v), Some(&**m)),
            ExprKind::Var(_) => (Some(p), None),
            _ => (None, Some(p)),
        };
        let modules = match mods {
            None => vec![],
            Some(m) => match &m.kind {
                ExprKind::List { items, .. } => items.iter().map(|i| self.rescue_module(i)).collect::<CResult<_>>()?,
                _ => vec![self.rescue_module(m)?],
            },
        };
        let bind = match var.map(|v| &v.kind) {
            Some(ExprKind::Var(n)) if n != "_" => Some(self.bind(n)),
            _ => None,
        };
        let body = self.expr(&sc.body)?;
        Ok(Rescue { modules, bind, body })
    }

    fn rescue_module(&mut self, e: &Expr) -> CResult<Atom> {
        match &e.kind {
            ExprKind::Alias(segs) => Ok(self.alias(segs)),
            _ => err(e.span.line, "invalid rescue clause: expected an exception module"),
        }
    }

    pub(super) fn with_form(&mut self, args: &[Expr], line: u32) -> CResult<Node> {
        let (kwl, steps) = args.split_last().expect("with has a keyword list");
        let Some(body) = kw(kwl, "do") else {
            return err(line, "missing :do option in \"with\"");
        };
        let elses = self.clauses(stabs(kw(kwl, "else")))?;
        self.scoped(|c| {
            let mut out = Vec::new();
            for s in steps {
                match &s.kind {
                    ExprKind::Binary(BinOp::LArrow, p, e) => {
                        let expr = c.expr(e)?;
                        let (p, g) = split_guard(p);
                        let pat = c.pattern_top(p)?;
                        let guard = match g {
                            Some(g) => Some(c.guard(g)?),
                            None => None,
                        };
                        out.push(WithStep::Match { pat, guard, expr });
                    }
                    _ => out.push(WithStep::Bare(c.expr(s)?)),
                }
            }
            let body = c.expr(body)?;
            Ok(Node::With {
                steps: out,
                body: Box::new(body),
                elses,
            })
        })
    }

    pub(super) fn for_form(&mut self, args: &[Expr], line: u32) -> CResult<Node> {
        // `for x <- xs, into: %{} do … end` has two trailing keyword lists:
        // the options written with commas, then the `do` block.
        let (last, mut gens) = args.split_last().expect("for has a keyword list");
        let mut opts = vec![last];
        if let Some((prev, rest)) = gens.split_last()
            && kw_pairs(prev).is_some_and(|p| !p.is_empty())
        {
            opts.push(prev);
            gens = rest;
        }
        let kw = |key: &str| opts.iter().find_map(|l| kw(l, key));
        // Elixir makes each generator's rest a `fn` given to `Enum.reduce/3`:
        // its frame names how many variables it captures, counted from the
        // variables read while the rest compiles.
        let logging = self.reads.is_none();
        if logging {
            self.reads = Some(Vec::new());
        }
        let r = self.scoped(|c| {
            let depth = c.frames.len() - 1;
            // For each generator: where its reads start and its first own slot.
            let mut marks = Vec::new();
            let mut steps = Vec::new();
            for g in gens {
                match &g.kind {
                    ExprKind::Binary(BinOp::LArrow, p, src) => {
                        let source = c.expr(src)?;
                        marks.push((steps.len(), c.reads.as_ref().map_or(0, Vec::len), c.frames[depth].slots));
                        let (p, gd) = split_guard(p);
                        let pat = c.pattern_top(p)?;
                        let guard = match gd {
                            Some(x) => Some(c.expr(x)?),
                            None => None,
                        };
                        steps.push(ForStep::Gen {
                            pat,
                            guard,
                            source,
                            captured: 0,
                            index: 0,
                        });
                    }
                    ExprKind::Bitstring(segs)
                        if matches!(segs.last().map(|l| &l.kind), Some(ExprKind::Binary(BinOp::LArrow, ..))) =>
                    {
                        let (last, init) = segs.split_last().expect("matched a last segment");
                        let ExprKind::Binary(BinOp::LArrow, p, src) = &last.kind else {
                            unreachable!("matched above")
                        };
                        let source = c.expr(src)?;
                        let mut pats = init.to_vec();
                        pats.push((**p).clone());
                        let mut seen = HashMap::new();
                        let segs = c.bit_segments(&pats, |c, e| c.pattern(e, &mut seen))?;
                        steps.push(ForStep::BinGen { segs, source });
                    }
                    _ => steps.push(ForStep::Filter(c.expr(g)?)),
                }
            }
            let into = match kw("into") {
                Some(e) => Some(c.expr(e)?),
                None => None,
            };
            let uniq = matches!(kw("uniq").map(|e| &e.kind), Some(ExprKind::Atom(a)) if a == "true");
            let (body, reduce) = match kw("reduce") {
                Some(init) => {
                    let init = c.expr(init)?;
                    let clauses = c.clauses(stabs(kw("do")))?;
                    (Node::Lit(Term::NIL), Some((init, clauses)))
                }
                None => match kw("do") {
                    Some(b) => (c.expr(b)?, None),
                    None => return err(line, "missing :do option in \"for\""),
                },
            };
            let _ = Pat::Any;
            // Numbered as the Erlang compiler numbers funs: the inner first.
            let reads = c.reads.as_deref().unwrap_or_default();
            for &(i, start, mark) in marks.iter().rev() {
                let frame = &c.frames[depth];
                let mut free: Vec<usize> = reads[start..]
                    .iter()
                    .filter(|(d, s)| *d == depth && !c.constants.contains(&(depth, *s)))
                    .filter(|(_, s)| *s < mark || frame.captures.iter().any(|(_, inner)| inner == s))
                    .map(|(_, s)| *s)
                    .collect();
                free.sort_unstable();
                free.dedup();
                if let ForStep::Gen { captured, index, .. } = &mut steps[i] {
                    *captured = free.len();
                    *index = c.lambdas;
                }
                c.lambdas += 1;
            }
            Ok(Node::For(Box::new(For {
                steps,
                body,
                into,
                uniq,
                reduce,
                file: c.file.clone(),
                context: c.context.clone(),
                line,
            })))
        });
        if logging {
            self.reads = None;
        }
        r
    }
}
