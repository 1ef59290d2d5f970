//! `Function` (identity, info) and `Code` (whether a module is loaded).

use super::Registry;
use crate::eval::exception::{self as ex, R};
use crate::term::{Atom, Fun, Term};

/// `is_function(t, arity)`, the guard many builtins check their callbacks with.
pub fn is_fun(t: &Term, arity: usize) -> bool {
    matches!(t, Term::Fun(f) if f.arity() == arity)
}

fn kw(pairs: Vec<(&str, Term)>) -> Term {
    Term::list(
        pairs
            .into_iter()
            .map(|(k, v)| Term::tuple(vec![Term::atom(k), v]))
            .collect::<Vec<_>>(),
    )
}

fn info(t: &Term) -> R<Term> {
    let Term::Fun(f) = t else {
        return ex::badarg_at(1, "not a fun");
    };
    Ok(match &**f {
        Fun::External { module, name, arity } => kw(vec![
            ("module", Term::Atom(*module)),
            ("name", Term::Atom(*name)),
            ("arity", Term::Int(*arity as i64)),
            ("env", Term::EmptyList),
            ("type", Term::atom("external")),
        ]),
        Fun::Closure { code, env } => kw(vec![
            ("module", Term::atom(&code.context)),
            ("name", Term::atom(&format!("-fun-{}-", code.line))),
            ("arity", Term::Int(code.arity as i64)),
            ("env", Term::list(env.to_vec())),
            ("type", Term::atom("local")),
        ]),
    })
}

/// Whether `module` is defined (in Elixir code or as a builtin).
pub fn module_loaded(module: Atom) -> bool {
    crate::eval::code::module(module).is_some() || super::is_builtin_module(module)
}

pub fn register(r: &mut Registry) {
    r.add("Function", "identity", 1, |_, a| Ok(a[0].clone()));
    // `:erlang.make_fun/3`.
    r.add("Function", "capture", 3, |_, a| match (&a[0], &a[1], &a[2]) {
        (Term::Atom(module), Term::Atom(name), Term::Int(arity)) if (0..=255).contains(arity) => {
            Ok(Term::Fun(std::sync::Arc::new(Fun::External {
                module: *module,
                name: *name,
                arity: *arity as usize,
            })))
        }
        _ => {
            let r = match (&a[0], &a[1]) {
                (Term::Atom(_), Term::Atom(_)) => ex::badarg_at(3, "not a valid arity"),
                (Term::Atom(_), _) => ex::badarg_at(2, "not an atom"),
                _ => ex::badarg_at(1, "not an atom"),
            };
            ex::in_bif(r, "make_fun", || a.to_vec())
        }
    });
    r.add("Function", "info", 1, |_, a| info(&a[0]));
    r.add("Function", "info", 2, |_, a| {
        let all = info(&a[0])?;
        Ok(all
            .iter_list()
            .find(|kv| matches!(kv.as_tuple(), Some([k, _]) if *k == a[1]))
            .cloned()
            .unwrap_or(Term::NIL))
    });
    r.add("Code", "ensure_loaded?", 1, |_, a| {
        Ok(Term::bool(a[0].as_atom().is_some_and(module_loaded)))
    });
    r.add("Code", "ensure_loaded", 1, |_, a| match a[0].as_atom() {
        Some(m) if module_loaded(m) => Ok(Term::tuple(vec![Term::atom("module"), a[0].clone()])),
        _ => Ok(Term::tuple(vec![Term::Atom(Atom::ERROR), Term::atom("nofile")])),
    });
}
