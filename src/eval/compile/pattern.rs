//! Compiling patterns: the left of `=`, clause heads, generators.
//!
//! Within one pattern the first occurrence of a name binds a fresh slot and
//! later occurrences must be equal ([`Pat::Same`]); `^name` compares with
//! the binding from outside the pattern.

use std::collections::HashMap;

use super::{CResult, CompileError, Compiler, binop_text, err, show};
use crate::eval::ir::{BitKind, BitSeg, Clause, Node, Pat};
use crate::syntax::ast::{BinOp, CallTarget, Expr, ExprKind, StabClause, StrPart, UnaryOp};
use crate::term::{Atom, MapT, Term};

impl Compiler {
    /// Compiles one whole pattern (its names are bound for what follows).
    pub fn pattern_top(&mut self, e: &Expr) -> CResult<Pat> {
        let mut seen = HashMap::new();
        self.pattern(e, &mut seen)
    }

    /// Compiles several patterns that bind together (a clause's parameters).
    pub fn patterns(&mut self, es: &[Expr]) -> CResult<Vec<Pat>> {
        let mut seen = HashMap::new();
        es.iter().map(|e| self.pattern(e, &mut seen)).collect()
    }

    pub(super) fn pattern(&mut self, e: &Expr, seen: &mut HashMap<String, usize>) -> CResult<Pat> {
        let line = e.span.line;
        Ok(match &e.kind {
            ExprKind::Var(name) if name == "_" => Pat::Any,
            ExprKind::Var(name) if name == "__MODULE__" => {
                Pat::Lit(self.module.as_ref().map(|m| Term::Atom(m.name)).unwrap_or(Term::NIL))
            }
            ExprKind::Var(name) => match seen.get(name) {
                Some(s) => Pat::Same(*s),
                None => {
                    let s = self.bind(name);
                    seen.insert(name.clone(), s);
                    Pat::Bind(s)
                }
            },
            ExprKind::Int(_) | ExprKind::BigInt(_) | ExprKind::Float(_) | ExprKind::Atom(_) | ExprKind::Alias(_) => {
                Pat::Lit(self.literal(e)?)
            }
            ExprKind::Str(parts) => match parts.as_slice() {
                [] => Pat::Lit(Term::str("")),
                [StrPart::Lit(s)] => Pat::Lit(Term::str(s)),
                _ => return Err(self.invalid_pattern(e)),
            },
            ExprKind::Charlist(parts) => match parts.as_slice() {
                [] => Pat::Lit(Term::EmptyList),
                [StrPart::Lit(s)] => Pat::Lit(Term::charlist(s)),
                _ => return Err(self.invalid_pattern(e)),
            },
            ExprKind::Unary(UnaryOp::Neg, inner) => match &inner.kind {
                ExprKind::Int(i) => Pat::Lit(Term::Int(-*i)),
                ExprKind::Float(x) => Pat::Lit(Term::Float(-*x)),
                _ => return Err(self.invalid_pattern(e)),
            },
            ExprKind::Unary(UnaryOp::Pin, inner) => {
                let ExprKind::Var(name) = &inner.kind else {
                    return err(
                        line,
                        "invalid argument for unary operator ^, expected an existing variable",
                    );
                };
                match self.lookup(name) {
                    Some(s) => Pat::Same(s),
                    None => {
                        return err(
                            line,
                            format!(
                                "undefined variable ^{name}. No variable \"{name}\" has been defined before the current pattern"
                            ),
                        );
                    }
                }
            }
            ExprKind::Unary(UnaryOp::At, _) => match self.expr(e)? {
                Node::Lit(t) => Pat::Lit(t),
                _ => return err(line, "invalid module attribute in pattern"),
            },
            ExprKind::Tuple(items) => {
                let ps = items
                    .iter()
                    .map(|i| self.pattern(i, seen))
                    .collect::<CResult<Vec<_>>>()?;
                Pat::Tuple(ps)
            }
            ExprKind::List { items, tail } => {
                let ps = items
                    .iter()
                    .map(|i| self.pattern(i, seen))
                    .collect::<CResult<Vec<_>>>()?;
                let t = match tail {
                    Some(t) => self.pattern(t, seen)?,
                    None => Pat::Lit(Term::EmptyList),
                };
                Pat::List(ps, Box::new(t))
            }
            ExprKind::Map { base: None, pairs } => Pat::Map(self.map_pattern_pairs(pairs, seen)?),
            ExprKind::Struct {
                name,
                base: None,
                pairs,
            } => {
                let mut ps = vec![(
                    Node::Lit(Term::Atom(Atom::STRUCT)),
                    match &name.kind {
                        ExprKind::Var(v) if v != "__MODULE__" => self.pattern(name, seen)?,
                        _ => {
                            let module = self.struct_name(name)?;
                            let keys: Vec<&Expr> = pairs.iter().map(|(k, _)| k).collect();
                            self.check_struct(module, &keys, true, name.span.line)?;
                            Pat::Lit(Term::Atom(module))
                        }
                    },
                )];
                ps.extend(self.map_pattern_pairs(pairs, seen)?);
                Pat::Map(ps)
            }
            // `first..last` matches any range (its step too); `first..last//step` names the step.
            ExprKind::Binary(BinOp::Range, first, last) => {
                let mut ps = vec![(
                    Node::Lit(Term::Atom(Atom::STRUCT)),
                    Pat::Lit(Term::Atom(Atom::ELIXIR_RANGE)),
                )];
                ps.push((Node::Lit(Term::Atom(Atom::FIRST)), self.pattern(first, seen)?));
                ps.push((Node::Lit(Term::Atom(Atom::LAST)), self.pattern(last, seen)?));
                Pat::Map(ps)
            }
            ExprKind::Binary(BinOp::StepRange, range, step)
                if matches!(range.kind, ExprKind::Binary(BinOp::Range, ..)) =>
            {
                let Pat::Map(mut ps) = self.pattern(range, seen)? else {
                    unreachable!("a range pattern is a map pattern")
                };
                ps.push((Node::Lit(Term::Atom(Atom::STEP)), self.pattern(step, seen)?));
                Pat::Map(ps)
            }
            ExprKind::Binary(BinOp::Match, a, b) => {
                let pa = self.pattern(a, seen)?;
                let pb = self.pattern(b, seen)?;
                Pat::Both(Box::new(pa), Box::new(pb))
            }
            ExprKind::Binary(BinOp::Concat, a, b) => {
                let prefix = match &a.kind {
                    ExprKind::Str(parts) => match parts.as_slice() {
                        [] => String::new(),
                        [StrPart::Lit(s)] => s.clone(),
                        _ => return Err(self.invalid_pattern(a)),
                    },
                    _ => return Err(self.invalid_pattern(e)),
                };
                let rest = self.pattern(b, seen)?;
                Pat::BinPrefix(prefix.into_bytes(), Box::new(rest))
            }
            ExprKind::Bitstring(segs) => {
                let segs = self.bit_segments(segs, |c, e| c.pattern(e, seen))?;
                Pat::Bits(segs)
            }
            ExprKind::Binary(BinOp::ListConcat, a, b) if matches!(&a.kind, ExprKind::Charlist(p) if p.len() <= 1) => {
                let ExprKind::Charlist(parts) = &a.kind else {
                    unreachable!("matched above")
                };
                let text = match parts.first() {
                    Some(StrPart::Lit(s)) => s.clone(),
                    _ => String::new(),
                };
                let heads = text.chars().map(|c| Pat::Lit(Term::Int(c as i64))).collect();
                let t = self.pattern(b, seen)?;
                Pat::List(heads, Box::new(t))
            }
            ExprKind::Binary(BinOp::ListConcat, a, b) => {
                let ExprKind::List { items, tail: None } = &a.kind else {
                    return Err(self.invalid_pattern(e));
                };
                let ps = items
                    .iter()
                    .map(|i| self.pattern(i, seen))
                    .collect::<CResult<Vec<_>>>()?;
                let t = self.pattern(b, seen)?;
                Pat::List(ps, Box::new(t))
            }
            ExprKind::Call {
                target: CallTarget::Local(n),
                args,
                ..
            } if args.is_empty() && self.lookup(n).is_some() => {
                return err(line, format!("invalid pattern in match, {n}() is not allowed"));
            }
            _ => return Err(self.invalid_pattern(e)),
        })
    }

    /// Elixir's error for an expression that cannot be a pattern: most are
    /// calls, remote (the operators are `:erlang`'s) or local.
    fn invalid_pattern(&self, e: &Expr) -> CompileError {
        let line = e.span.line;
        let remote = |what: String| CompileError {
            line,
            message: format!("cannot invoke remote function {what} inside a match"),
            ..Default::default()
        };
        let argument_error = |message: String| CompileError {
            line,
            message,
            exception: Some("ArgumentError"),
            ..Default::default()
        };
        let not_allowed = |op: &str| {
            argument_error(format!(
                "invalid expression in match, {op} is not allowed in patterns such as function clauses, case clauses or on the left side of the = operator"
            ))
        };
        match &e.kind {
            ExprKind::Binary(op @ (BinOp::And | BinOp::Or | BinOp::AndAnd | BinOp::OrOr), ..) => {
                not_allowed(binop_text(*op))
            }
            ExprKind::Unary(UnaryOp::Bang, _) => not_allowed("!"),
            ExprKind::Unary(UnaryOp::Not, _) => remote(":erlang.not/1".into()),
            ExprKind::Unary(UnaryOp::Neg, _) => remote(":erlang.-/1".into()),
            ExprKind::Unary(UnaryOp::Plus, _) => remote(":erlang.+/1".into()),
            ExprKind::Unary(UnaryOp::Capture, _) => CompileError {
                line,
                message: "invalid pattern in match, & is not allowed in matches".into(),
                ..Default::default()
            },
            ExprKind::Binary(BinOp::Concat, a, _) => argument_error(format!(
                "the left argument of <> operator inside a match should always be a literal binary because its size can't be verified. Got: {}",
                show(a)
            )),
            ExprKind::Binary(BinOp::ListConcat, a, _) => CompileError {
                line,
                message: format!(
                    "invalid argument for ++ operator inside a match, expected a literal proper list, got: {}",
                    show(a)
                ),
                ..Default::default()
            },
            ExprKind::Binary(BinOp::In, _, b) => argument_error(format!(
                "invalid right argument for operator \"in\", it expects a compile-time proper list or compile-time range on the right side when used in guard expressions, got: {}",
                show(b)
            )),
            ExprKind::Binary(op @ (BinOp::Pow | BinOp::Match2), ..) => remote(format!("Kernel.{}/2", binop_text(*op))),
            ExprKind::Binary(op, ..) => match crate::stdlib::kernel::erlang_operator(binop_text(*op)) {
                Some(erl) => remote(format!(":erlang.{erl}/2")),
                None => CompileError {
                    line,
                    message: super::unhandled_operator(*op),
                    ..Default::default()
                },
            },
            // Interpolation is `Kernel.to_string/1`, a macro.
            ExprKind::Str(_) | ExprKind::Charlist(_) => CompileError {
                expanding: Some((
                    "(elixir 1.14.0) expanding macro: Kernel.to_string/1".into(),
                    self.expansion_site(),
                )),
                ..remote("String.Chars.to_string/1".into())
            },
            ExprKind::Call {
                target: CallTarget::Remote(m, name),
                args,
                ..
            } => {
                let module = match &m.kind {
                    ExprKind::Atom(a) => format!(":{a}"),
                    _ => show(m),
                };
                remote(format!("{module}.{name}/{}", args.len()))
            }
            ExprKind::Call {
                target: CallTarget::Local(name),
                args,
                ..
            } => {
                let arity = args.len();
                let f = Atom::new(name);
                if crate::stdlib::lookup(Atom::ELIXIR_KERNEL, f, arity).is_some() {
                    let erlang = crate::stdlib::lookup(Atom::new("erlang"), f, arity).is_some();
                    remote(format!("{}.{name}/{arity}", if erlang { ":erlang" } else { "Kernel" }))
                } else {
                    CompileError {
                        line,
                        message: format!("undefined function {name}/{arity} (there is no such import)"),
                        ..Default::default()
                    }
                }
            }
            _ => CompileError {
                line,
                message: "invalid pattern".into(),
                ..Default::default()
            },
        }
    }

    fn map_pattern_pairs(
        &mut self,
        pairs: &[(Expr, Expr)],
        seen: &mut HashMap<String, usize>,
    ) -> CResult<Vec<(Node, Pat)>> {
        let mut out = Vec::new();
        for (k, v) in pairs {
            let key = match &k.kind {
                ExprKind::Unary(UnaryOp::Pin, _) => match self.pattern(k, seen)? {
                    Pat::Same(s) => Node::Var(s),
                    _ => return err(k.span.line, "invalid map key"),
                },
                _ => Node::Lit(self.literal(k).or_else(|_| match self.expr(k)? {
                    Node::Lit(t) => Ok(t),
                    _ => err(k.span.line, "cannot use variable as map key in pattern, pin it with ^"),
                })?),
            };
            out.push((key, self.pattern(v, seen)?));
        }
        Ok(out)
    }

    /// The value of a literal expression (numbers, atoms, aliases, strings, and
    /// lists/tuples/maps of them).
    pub fn literal(&mut self, e: &Expr) -> CResult<Term> {
        match self.expr(e)? {
            Node::Lit(t) => Ok(t),
            Node::Map { base: None, pairs, .. } => {
                let mut m = MapT::new();
                for (k, v) in pairs {
                    match (k, v) {
                        (Node::Lit(k), Node::Lit(v)) => {
                            m.insert(k, v);
                        }
                        _ => return err(e.span.line, "expected a literal"),
                    }
                }
                Ok(Term::map(m))
            }
            _ => err(e.span.line, "expected a literal"),
        }
    }

    /// Compiles `<<...>>` segments with `value` compiling each segment's value.
    /// A literal string typed `utf8`/`utf16`/`utf32` becomes one segment per character.
    pub(super) fn bit_segments<T>(
        &mut self,
        segs: &[Expr],
        mut value: impl FnMut(&mut Self, &Expr) -> CResult<T>,
    ) -> CResult<Vec<BitSeg<T>>> {
        let mut out = Vec::new();
        for s in segs {
            let (v, spec) = match &s.kind {
                ExprKind::Binary(BinOp::Type, v, spec) => (&**v, Some(&**spec)),
                _ => (s, None),
            };
            let mut kind = None;
            let (mut size, mut unit, mut signed, mut little) = (None, None, false, false);
            let mut specs = Vec::new();
            if let Some(sp) = spec {
                flatten_spec(sp, &mut specs);
            }
            for sp in specs {
                let name = match &sp.kind {
                    ExprKind::Var(n) => Some(n.as_str()),
                    ExprKind::Call {
                        target: CallTarget::Local(n),
                        args,
                        ..
                    } if args.is_empty() => Some(n.as_str()),
                    _ => None,
                };
                match (name, &sp.kind) {
                    (Some("binary" | "bytes"), _) => kind = Some((BitKind::Binary, 8)),
                    (Some("bitstring" | "bits"), _) => kind = Some((BitKind::Binary, 1)),
                    (Some("integer"), _) => kind = Some((BitKind::Integer, 1)),
                    (Some("float"), _) => kind = Some((BitKind::Float, 1)),
                    (Some("utf8"), _) => kind = Some((BitKind::Utf8, 1)),
                    (Some("utf16"), _) => kind = Some((BitKind::Utf16, 1)),
                    (Some("utf32"), _) => kind = Some((BitKind::Utf32, 1)),
                    (Some("signed"), _) => signed = true,
                    (Some("unsigned"), _) => signed = false,
                    (Some("big"), _) => little = false,
                    (Some("little" | "native"), _) => little = true,
                    (
                        None,
                        ExprKind::Call {
                            target: CallTarget::Local(n),
                            args,
                            ..
                        },
                    ) if n == "size" && args.len() == 1 => size = Some(self.expr(&args[0])?),
                    (
                        None,
                        ExprKind::Call {
                            target: CallTarget::Local(n),
                            args,
                            ..
                        },
                    ) if n == "unit" && args.len() == 1 => match args[0].kind {
                        ExprKind::Int(u) if (1..=256).contains(&u) => unit = Some(u as u16),
                        _ => return err(sp.span.line, "unit in bitstring expects an integer as argument"),
                    },
                    (None, ExprKind::Int(n)) => size = Some(Node::Lit(Term::Int(*n))),
                    (None, ExprKind::Binary(BinOp::Mul, n, u)) => {
                        size = Some(self.expr(n)?);
                        match u.kind {
                            ExprKind::Int(u) if (1..=256).contains(&u) => unit = Some(u as u16),
                            _ => return err(sp.span.line, "unit in bitstring expects an integer as argument"),
                        }
                    }
                    _ => return err(sp.span.line, format!("unknown bitstring specifier: {}", show(sp))),
                }
            }
            let literal = match &v.kind {
                ExprKind::Str(parts) => match parts.as_slice() {
                    [] => Some(String::new()),
                    [StrPart::Lit(s)] => Some(s.clone()),
                    _ => None,
                },
                _ => None,
            };
            let (kind, default_unit) = kind.unwrap_or(match (&v.kind, &literal) {
                (_, Some(_)) => (BitKind::Binary, 8),
                (ExprKind::Float(_), _) => (BitKind::Float, 1),
                _ => (BitKind::Integer, 1),
            });
            if matches!(kind, BitKind::Utf8 | BitKind::Utf16 | BitKind::Utf32) && (size.is_some() || unit.is_some()) {
                return err(v.span.line, "size and unit are not supported on utf types");
            }
            let seg = |value| BitSeg {
                value: Box::new(value),
                kind,
                size: None,
                unit: unit.unwrap_or(default_unit),
                signed,
                little,
            };
            if let (Some(text), BitKind::Utf8 | BitKind::Utf16 | BitKind::Utf32) = (&literal, kind) {
                for c in text.chars() {
                    let ch = Expr {
                        span: v.span,
                        kind: ExprKind::Int(c as i64),
                    };
                    out.push(seg(value(self, &ch)?));
                }
                continue;
            }
            out.push(BitSeg {
                size,
                ..seg(value(self, v)?)
            });
        }
        Ok(out)
    }

    /// Compiles a `->` clause in its own scope.
    pub fn clause(&mut self, sc: &StabClause) -> CResult<Clause> {
        self.scoped(|c| {
            let pats = c.patterns(&sc.params)?;
            c.clause_rest(pats, sc)
        })
    }

    /// Compiles a clause of a function (`def` or `fn`), whose arguments
    /// arrive in slots `0..arity` of its frame (see [`Compiler::reserve_args`]):
    /// a parameter that is a plain variable is that slot, with nothing to bind.
    pub fn fn_clause(&mut self, sc: &StabClause) -> CResult<Clause> {
        self.scoped(|c| {
            let mut seen = HashMap::new();
            let mut pats = Vec::with_capacity(sc.params.len());
            for (i, e) in sc.params.iter().enumerate() {
                match &e.kind {
                    ExprKind::Var(name) if name != "_" && name != "__MODULE__" && !seen.contains_key(name) => {
                        c.top().vars.insert(name.clone(), i);
                        seen.insert(name.clone(), i);
                        pats.push(Pat::Any);
                    }
                    _ => pats.push(c.pattern(e, &mut seen)?),
                }
            }
            c.clause_rest(pats, sc)
        })
    }

    fn clause_rest(&mut self, pats: Vec<Pat>, sc: &StabClause) -> CResult<Clause> {
        let guard = match &sc.guard {
            Some(g) => Some(self.guard(g)?),
            None => None,
        };
        let body = self.expr(&sc.body)?;
        Ok(Clause {
            pats,
            guard,
            body,
            line: sc.span.line,
        })
    }
}

pub(super) fn flatten_spec<'a>(e: &'a Expr, out: &mut Vec<&'a Expr>) {
    match &e.kind {
        ExprKind::Binary(BinOp::Sub, a, b) => {
            flatten_spec(a, out);
            flatten_spec(b, out);
        }
        _ => out.push(e),
    }
}
