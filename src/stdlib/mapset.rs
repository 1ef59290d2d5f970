//! `MapSet`: a set as Elixir 1.14 builds it, `%MapSet{map: %{elem => []}, version: 2}`,
//! so it prints, compares and matches as Elixir's does.

use super::Registry;
use super::enumerable::{each, fold, mapset_items};
use crate::eval::exception::{self as ex, R};
use crate::eval::exec::Proc;
use crate::term::{Atom, MapT, Term, hamt};

/// A `MapSet` holding the keys of `set`.
pub fn from_map(set: MapT) -> Term {
    let mut m = MapT::new();
    m.insert(Term::Atom(Atom::STRUCT), Term::atom("Elixir.MapSet"));
    m.insert(Term::atom("map"), Term::map(set));
    m.insert(Term::atom("version"), Term::Int(2));
    Term::map(m)
}

fn set_of(t: &Term, name: &str, args: &[Term]) -> R<MapT> {
    match t.map_get(Atom::new("map")) {
        Some(Term::Map(m)) if t.struct_name() == Some(Atom::new("Elixir.MapSet")) => Ok((**m).clone()),
        _ => ex::function_clause(Atom::new("Elixir.MapSet"), Atom::new(name), args.to_vec()),
    }
}

/// `MapSet.filter/2` (`keep`) and `reject/2`: the elements the fun keeps,
/// asked in the order `:maps.iterator/1` walks the set.
fn filter(p: &mut Proc, a: &[Term], name: &str, keep: bool) -> R<Term> {
    let set = set_of(&a[0], name, a)?;
    if !matches!(a[1], Term::Fun(_)) {
        return ex::function_clause(Atom::new("Elixir.MapSet"), Atom::new(name), a.to_vec());
    }
    let mut out = MapT::new();
    for (k, _) in hamt::fold_entries(&set) {
        if p.apply(&a[1], vec![k.clone()])?.is_truthy() == keep {
            out.insert(k.clone(), Term::EmptyList);
        }
    }
    Ok(from_map(out))
}

fn collect(p: &mut Proc, items: &Term, f: Option<&Term>) -> R<MapT> {
    let mut set = MapT::new();
    // `MapSet.new/2` maps with `Enum.map`.
    let walk = if f.is_some() { fold } else { each };
    walk(p, items, &mut |p, x| {
        let x = match f {
            Some(f) => p.apply(f, vec![x])?,
            None => x,
        };
        set.insert(x, Term::EmptyList);
        Ok(true)
    })?;
    Ok(set)
}

pub fn register(r: &mut Registry) {
    r.add("MapSet", "new", 0, |_, _| Ok(from_map(MapT::new())));
    r.add("MapSet", "new", 1, |p, a| {
        if mapset_items(&a[0]).is_some() {
            return Ok(a[0].clone());
        }
        Ok(from_map(collect(p, &a[0], None)?))
    });
    r.add("MapSet", "new", 2, |p, a| Ok(from_map(collect(p, &a[0], Some(&a[1]))?)));
    r.add("MapSet", "put", 2, |_, a| {
        let mut s = set_of(&a[0], "put", a)?;
        s.insert(a[1].clone(), Term::EmptyList);
        Ok(from_map(s))
    });
    r.add("MapSet", "delete", 2, |_, a| {
        let mut s = set_of(&a[0], "delete", a)?;
        s.remove(&a[1]);
        Ok(from_map(s))
    });
    r.add("MapSet", "member?", 2, |_, a| {
        Ok(Term::bool(set_of(&a[0], "member?", a)?.contains_key(&a[1])))
    });
    r.add("MapSet", "size", 1, |_, a| {
        Ok(Term::Int(set_of(&a[0], "size", a)?.len() as i64))
    });
    r.add("MapSet", "to_list", 1, |_, a| {
        Ok(Term::list(
            hamt::entries(&set_of(&a[0], "to_list", a)?)
                .map(|(k, _)| k.clone())
                .collect::<Vec<_>>(),
        ))
    });
    r.add("MapSet", "union", 2, |_, a| {
        let (x, y) = (set_of(&a[0], "union", a)?, set_of(&a[1], "union", a)?);
        Ok(from_map(x.union(y)))
    });
    r.add("MapSet", "intersection", 2, |_, a| {
        let (x, y) = (set_of(&a[0], "intersection", a)?, set_of(&a[1], "intersection", a)?);
        Ok(from_map(x.intersection(y)))
    });
    r.add("MapSet", "difference", 2, |_, a| {
        let (x, y) = (set_of(&a[0], "difference", a)?, set_of(&a[1], "difference", a)?);
        Ok(from_map(x.relative_complement(y)))
    });
    r.add("MapSet", "symmetric_difference", 2, |_, a| {
        let (x, y) = (
            set_of(&a[0], "symmetric_difference", a)?,
            set_of(&a[1], "symmetric_difference", a)?,
        );
        Ok(from_map(x.symmetric_difference(y)))
    });
    r.add("MapSet", "filter", 2, |p, a| filter(p, a, "filter", true));
    r.add("MapSet", "reject", 2, |p, a| filter(p, a, "reject", false));
    r.add("MapSet", "subset?", 2, |_, a| {
        let (x, y) = (set_of(&a[0], "subset?", a)?, set_of(&a[1], "subset?", a)?);
        Ok(Term::bool(x.keys().all(|k| y.contains_key(k))))
    });
    r.add("MapSet", "disjoint?", 2, |_, a| {
        let (x, y) = (set_of(&a[0], "disjoint?", a)?, set_of(&a[1], "disjoint?", a)?);
        Ok(Term::bool(!x.keys().any(|k| y.contains_key(k))))
    });
    r.add("MapSet", "equal?", 2, |_, a| {
        let (x, y) = (set_of(&a[0], "equal?", a)?, set_of(&a[1], "equal?", a)?);
        Ok(Term::bool(x == y))
    });
}
