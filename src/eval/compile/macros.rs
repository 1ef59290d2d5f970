//! Kernel's macros whose expansion the compiler does itself, as Elixir
//! expands them, with the `ArgumentError`s the expansion raises:
//!
//! - the path macros `put_in/2`, `update_in/2`, `get_and_update_in/2` and
//!   `pop_in/1`: the path (`users["john"].age`) becomes nested calls of
//!   `Map.update!/3`, `Map.get_and_update!/3`, `Access.get_and_update/3` and
//!   `Access.pop/2`, each segment's update a `fn` of the next; the new value
//!   and the update function run inside the innermost `fn`, as in Elixir;
//! - `<>`, which refuses a literal that is not a binary (`"Age: " <> 25`)
//!   before the code runs.

use super::{CResult, CompileError, Compiler, show};
use crate::eval::ir::Node;
use crate::syntax::ast::{CallTarget, Expr, ExprKind, Span, StabClause};

/// One step of a path: `[key]` (the Access behaviour) or `.field` (a map's key).
enum Seg {
    Access(Expr),
    Field(String),
}

/// What the innermost update is.
enum Leaf<'a> {
    /// `put_in/2`: the value.
    Put(&'a Expr),
    /// `update_in/2`: the function.
    Update(&'a Expr),
    /// `get_and_update_in/2`: the function.
    GetAndUpdate(&'a Expr),
}

struct Build {
    span: Span,
    /// Variables made here are named so no user variable can be.
    fresh: usize,
}

impl Build {
    fn e(&self, kind: ExprKind) -> Expr {
        Expr::new(kind, self.span)
    }

    fn atom(&self, a: &str) -> Expr {
        self.e(ExprKind::Atom(a.to_string()))
    }

    fn remote(&self, module: &[&str], f: &str, args: Vec<Expr>) -> Expr {
        let m = match module {
            [erl] if erl.starts_with(':') => self.atom(&erl[1..]),
            _ => self.e(ExprKind::Alias(module.iter().map(|s| s.to_string()).collect())),
        };
        self.e(ExprKind::Call {
            target: CallTarget::Remote(Box::new(m), f.to_string()),
            args,
            parens: true,
        })
    }

    fn var(&mut self) -> Expr {
        self.fresh += 1;
        self.e(ExprKind::Var(format!("x@{}", self.fresh)))
    }

    /// `fn param -> body end`, the body made from the parameter.
    fn lambda(&mut self, body: impl FnOnce(&mut Build, Expr) -> Expr) -> Expr {
        let x = self.var();
        let body = body(self, x.clone());
        self.e(ExprKind::Fn(vec![StabClause {
            span: self.span,
            params: vec![x],
            guard: None,
            body,
        }]))
    }

    /// The update of `rest` as a function: the leaf itself when `rest` is empty.
    fn step(&mut self, rest: &[Seg], leaf: &dyn Fn(&mut Build) -> Expr, each: Each) -> Expr {
        if rest.is_empty() {
            return leaf(self);
        }
        self.lambda(|b, x| b.nest(x, rest, leaf, each))
    }

    /// `h` updated along `path`.
    fn nest(&mut self, h: Expr, path: &[Seg], leaf: &dyn Fn(&mut Build) -> Expr, each: Each) -> Expr {
        let Some((seg, rest)) = path.split_first() else {
            return h;
        };
        let f = self.step(rest, leaf, each);
        match (seg, each) {
            (Seg::Field(k), Each::Update) => self.remote(&["Map"], "update!", vec![h, self.atom(k), f]),
            (Seg::Field(k), Each::GetAndUpdate) => self.remote(&["Map"], "get_and_update!", vec![h, self.atom(k), f]),
            (Seg::Access(k), _) => self.remote(&["Access"], "get_and_update", vec![h, k.clone(), f]),
        }
    }

    /// `pop_in/1` of `h` along `path` (not empty; its last step is `[key]`).
    fn pop(&mut self, h: Expr, path: &[Seg], inner: bool) -> Expr {
        match path {
            [Seg::Access(k)] => {
                // `case h do nil -> nil_result; h -> Access.pop(h, k) end`
                let nil_result = match inner {
                    true => self.atom("pop"),
                    false => self.e(ExprKind::Tuple(vec![self.atom("nil"), self.atom("nil")])),
                };
                let bound = self.var();
                let popped = self.remote(&["Access"], "pop", vec![bound.clone(), k.clone()]);
                let clauses = vec![
                    StabClause {
                        span: self.span,
                        params: vec![self.atom("nil")],
                        guard: None,
                        body: nil_result,
                    },
                    StabClause {
                        span: self.span,
                        params: vec![bound],
                        guard: None,
                        body: popped,
                    },
                ];
                let block = self.e(ExprKind::Stab(clauses));
                let kw = self.e(ExprKind::List {
                    items: vec![self.e(ExprKind::Tuple(vec![self.atom("do"), block]))],
                    tail: None,
                });
                self.e(ExprKind::Call {
                    target: CallTarget::Local("case".into()),
                    args: vec![h, kw],
                    parens: false,
                })
            }
            [Seg::Field(k), rest @ ..] => {
                let f = self.lambda(|b, x| b.pop(x, rest, false));
                self.remote(&["Map"], "get_and_update!", vec![h, self.atom(k), f])
            }
            [Seg::Access(k), rest @ ..] => {
                let f = self.lambda(|b, x| b.pop(x, rest, true));
                self.remote(&["Access"], "get_and_update", vec![h, k.clone(), f])
            }
            [] => h,
        }
    }
}

/// Whether a string or charlist has no interpolation.
fn plain(parts: &[crate::syntax::ast::StrPart]) -> bool {
    parts.iter().all(|p| matches!(p, crate::syntax::ast::StrPart::Lit(_)))
}

/// How a segment updates: with `Map.update!/3` (a path of fields only, for
/// `put_in`/`update_in`) or with the `get_and_update` functions.
#[derive(Clone, Copy)]
enum Each {
    Update,
    GetAndUpdate,
}

impl Compiler {
    /// Expands the path macro `name` (`put_in`, `update_in`,
    /// `get_and_update_in`, `pop_in`) called with `args`.
    pub(super) fn path_macro(&mut self, name: &str, args: &[Expr], line: u32) -> CResult<Node> {
        let kind = format!("{name}/{}", args.len());
        let (head, path, all_fields) = self.unnest(&args[0], &kind, line)?;
        let mut b = Build {
            span: args[0].span,
            fresh: 0,
        };
        let expanded = match name {
            "pop_in" => {
                if let Some(Seg::Field(k)) = path.last() {
                    // Kernel's expansion recursed once per segment before.
                    let mut at = vec![(3105, "nest_pop_in/3")];
                    for seg in path[..path.len() - 1].iter().rev() {
                        at.push((3091, "nest_pop_in/2"));
                        at.push((if matches!(seg, Seg::Field(_)) { 3112 } else { 3127 }, "nest_pop_in/3"));
                    }
                    at.truncate(8);
                    return Err(self.macro_error(
                        &kind,
                        &at,
                        format!(
                            "cannot use pop_in when the last segment is a map/struct field. This would effectively remove the field :{k} from the map/struct"
                        ),
                        line,
                    ));
                }
                b.pop(head, &path, false)
            }
            _ => {
                let leaf = match name {
                    "put_in" => Leaf::Put(&args[1]),
                    "update_in" => Leaf::Update(&args[1]),
                    _ => Leaf::GetAndUpdate(&args[1]),
                };
                match (leaf, all_fields) {
                    (Leaf::Put(v), true) => b.nest(head, &path, &|b| b.lambda(|_, _| v.clone()), Each::Update),
                    (Leaf::Update(f), true) => b.nest(head, &path, &|_| f.clone(), Each::Update),
                    (Leaf::GetAndUpdate(f), _) => b.nest(head, &path, &|_| f.clone(), Each::GetAndUpdate),
                    (leaf, false) => {
                        // `{nil, new}` for each update; the result is the data.
                        let leaf = |b: &mut Build| {
                            b.lambda(|b, x| {
                                let new = match &leaf {
                                    Leaf::Put(v) => (*v).clone(),
                                    Leaf::Update(f) | Leaf::GetAndUpdate(f) => b.e(ExprKind::Call {
                                        target: CallTarget::Anon(Box::new((*f).clone())),
                                        args: vec![x],
                                        parens: true,
                                    }),
                                };
                                b.e(ExprKind::Tuple(vec![b.atom("nil"), new]))
                            })
                        };
                        let pair = b.nest(head, &path, &leaf, Each::GetAndUpdate);
                        let two = b.e(ExprKind::Int(2));
                        b.remote(&[":erlang"], "element", vec![two, pair])
                    }
                }
            }
        };
        self.expr(&expanded)
    }

    /// `a <> b`: Kernel's expansion refuses a literal number, atom or list
    /// anywhere in the chain of `<>` (`"a" <> "b" <> :c`), the first from the left.
    pub(super) fn check_concat(&mut self, a: &Expr, b: &Expr, line: u32) -> CResult<()> {
        let mut chain = vec![a];
        let mut rest = b;
        while let ExprKind::Binary(crate::syntax::ast::BinOp::Concat, l, r) = &rest.kind {
            chain.push(l);
            rest = r;
        }
        chain.push(rest);
        let last = chain.len() - 1;
        for (i, e) in chain.into_iter().enumerate() {
            let literal = match &e.kind {
                ExprKind::Int(_)
                | ExprKind::BigInt(_)
                | ExprKind::Float(_)
                | ExprKind::Atom(_)
                | ExprKind::List { .. } => true,
                ExprKind::Charlist(parts) => plain(parts),
                _ => false,
            };
            if !literal {
                continue;
            }
            let shown = self.literal_text(e);
            // Kernel's `extract_concatenations/2` wraps a left operand at
            // line 1921 and the last at 1925, under its recursion's frame.
            let mut frames = vec![(1934, "wrap_concatenation/3")];
            frames.push((if i == last { 1925 } else { 1921 }, "extract_concatenations/2"));
            if i > 0 {
                frames.push((1921, "extract_concatenations/2"));
            }
            return Err(self.macro_error(
                "<>/2",
                &frames,
                format!("expected binary argument in <> operator but got: {shown}"),
                line,
            ));
        }
        Ok(())
    }

    /// `first..last` and `first..last//step`: Kernel's expansion refuses a
    /// literal float, atom, binary or list on either side, and such a step
    /// or a step of 0, before the script runs.
    pub(super) fn check_range(&mut self, first: &Expr, last: &Expr, step: Option<&Expr>, line: u32) -> CResult<()> {
        let lit = |e: &Expr| match &e.kind {
            ExprKind::Float(_) | ExprKind::Atom(_) | ExprKind::List { .. } => true,
            ExprKind::Str(parts) | ExprKind::Charlist(parts) => plain(parts),
            _ => false,
        };
        let kind = if step.is_some() { "\"..//\"/3" } else { "\"..\"/2" };
        if lit(first) || lit(last) {
            let message = format!(
                "ranges (first..last//step) expect both sides to be integers, got: {}..{}",
                self.literal_text(first),
                self.literal_text(last)
            );
            return Err(self.macro_error(kind, &[(3938, "validate_range!/2")], message, line));
        }
        if let Some(s) = step
            && (lit(s) || matches!(s.kind, ExprKind::Int(0)))
        {
            let message = format!(
                "ranges (first..last//step) expect the step to be a non-zero integer, got: {}",
                self.literal_text(s)
            );
            return Err(self.macro_error(kind, &[(3947, "validate_step!/1")], message, line));
        }
        Ok(())
    }

    /// A literal as Kernel's messages show it (`Macro.to_string/1`).
    fn literal_text(&mut self, e: &Expr) -> String {
        match self.literal(e) {
            Ok(t) => crate::term::inspect::inspect_default(&t),
            Err(_) => show(e),
        }
    }

    /// Splits a path into where it starts and its segments, and says
    /// whether they are all `.field`s.
    fn unnest(&self, e: &Expr, kind: &str, line: u32) -> CResult<(Expr, Vec<Seg>, bool)> {
        let mut path = Vec::new();
        let mut all_fields = true;
        let mut at = e;
        loop {
            match &at.kind {
                ExprKind::Access(inner, key) => {
                    path.push(Seg::Access((**key).clone()));
                    all_fields = false;
                    at = inner;
                }
                ExprKind::Call {
                    target: CallTarget::Remote(inner, field),
                    args,
                    ..
                } if args.is_empty()
                    && !matches!(&inner.kind, ExprKind::Alias(_) | ExprKind::Atom(_))
                    && !matches!(&inner.kind, ExprKind::Var(v) if v == "__MODULE__") =>
                {
                    path.push(Seg::Field(field.clone()));
                    at = inner;
                }
                _ => break,
            }
        }
        if path.is_empty() {
            return Err(self.macro_error(
                kind,
                &[(3142, "unnest/4")],
                format!(
                    "expected expression given to {kind} to access at least one element, got: {}",
                    show(at)
                ),
                line,
            ));
        }
        if let ExprKind::Call {
            target: CallTarget::Anon(_),
            ..
        } = &at.kind
        {
            return Err(self.macro_error(
                kind,
                &[(3153, "unnest/4")],
                format!(
                    "expression given to {kind} must start with a variable, local or remote call and be followed by an element access, got: {}",
                    show(at)
                ),
                line,
            ));
        }
        path.reverse();
        Ok((at.clone(), path, all_fields))
    }

    /// The `ArgumentError` Kernel's expansion of `kind` raises, with the
    /// frames of Kernel's functions it raised in (line and function).
    pub(super) fn macro_error(&self, kind: &str, frames: &[(u32, &str)], message: String, line: u32) -> CompileError {
        let mut what: String = frames
            .iter()
            .map(|(l, f)| format!("(elixir 1.14.0) lib/kernel.ex:{l}: Kernel.{f}\n    "))
            .collect();
        what.push_str(&format!("(elixir 1.14.0) expanding macro: Kernel.{kind}"));
        CompileError {
            line,
            message,
            exception: Some("ArgumentError"),
            expanding: Some((what, self.expansion_site())),
            ..Default::default()
        }
    }
}
