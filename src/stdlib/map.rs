//! The `Map` module. Maps are persistent (`imbl::OrdMap`), so every update
//! shares the unchanged part of the map it came from. What walks a map's
//! entries for the user goes through `term::hamt::entries`: `keys`,
//! `values` and `to_list` in `:maps.to_list` order; `filter`, `reject`,
//! `map`, `new/2` and `merge/3`, which Elixir runs on `:maps` iterators and
//! folds, the other way.

use super::Registry;
use super::enumerable::{each, fold};
use crate::eval::exception::{self as ex, R};
use crate::eval::exec::Proc;
use crate::term::{Atom, MapT, Term, hamt};

/// The map inside `t`, or `BadMapError`.
pub fn map_of(t: &Term) -> R<&MapT> {
    match t {
        Term::Map(m) => Ok(m),
        _ => ex::badmap(t.clone()),
    }
}

fn no_clause<T>(name: &str, args: &[Term]) -> R<T> {
    ex::function_clause(Atom::new("Elixir.Map"), Atom::new(name), args.to_vec())
}

fn ok(v: Term) -> Term {
    Term::tuple(vec![Term::OK, v])
}

/// `{key, value}` pairs of an enumerable into a map; `ArgumentError` for
/// anything else. With a transformation the elements come as `Enum.map`
/// (or, for a map, its iterator) gives them: a later duplicate key wins.
pub fn from_pairs(p: &mut Proc, items: &Term, f: Option<&Term>) -> R<MapT> {
    let mut m = MapT::new();
    let mut bad = false;
    let walk = if f.is_some() { fold } else { each };
    walk(p, items, &mut |p, x| {
        let x = match f {
            Some(f) => p.callback(f, [x])?,
            None => x,
        };
        match x.as_tuple() {
            Some([k, v]) => {
                m.insert(k.clone(), v.clone());
                Ok(true)
            }
            _ => {
                bad = true;
                Ok(false)
            }
        }
    })?;
    if bad {
        return ex::badarg();
    }
    Ok(m)
}

fn keys_of(p: &mut Proc, t: &Term) -> R<Vec<Term>> {
    super::enumerable::to_vec(p, t)
}

fn filter(p: &mut Proc, a: &[Term], keep: bool) -> R<Term> {
    let m = map_of(&a[0])?.clone();
    let mut out = MapT::new();
    for (k, v) in hamt::fold_entries(&m) {
        let t = Term::tuple(vec![k.clone(), v.clone()]);
        if p.callback(&a[1], [t])?.is_truthy() == keep {
            out.insert(k.clone(), v.clone());
        }
    }
    Ok(Term::map(out))
}

/// `Map.update!/3` and `Map.get_and_update!/3` of a key `map` lacks (or of
/// what is not a map): Elixir's `:erlang.map_get(key, map)` fails in them.
fn map_get_failed<T>(a: &[Term], name: &str) -> R<T> {
    let r = match &a[0] {
        Term::Map(_) => ex::badkey(a[1].clone(), a[0].clone()),
        other => ex::badmap(other.clone()),
    };
    let r = ex::in_bif(r, "map_get", || vec![a[1].clone(), a[0].clone()]);
    ex::beneath(r, "Map", name, 3, "lib/map.ex", 319)
}

fn get_and_update(p: &mut Proc, a: &[Term], must: bool) -> R<Term> {
    let name = if must { "get_and_update!" } else { "get_and_update" };
    let mut m = match &a[0] {
        Term::Map(m) => (**m).clone(),
        _ if must => return map_get_failed(a, name),
        _ => {
            let r = ex::in_call(
                ex::badmap(a[0].clone()),
                "Map",
                "get",
                Some(("lib/map.ex", 534)),
                || vec![a[0].clone(), a[1].clone(), Term::NIL],
            );
            return ex::beneath(r, "Map", name, 3, "lib/map.ex", 525);
        }
    };
    let current = m.get(&a[1]).cloned();
    if must && current.is_none() {
        return map_get_failed(a, name);
    }
    let r = p.callback(&a[2], [current.clone().unwrap_or(Term::NIL)])?;
    match r.as_tuple() {
        Some([get, new]) => {
            m.insert(a[1].clone(), new.clone());
            Ok(Term::tuple(vec![get.clone(), Term::map(m)]))
        }
        _ if r.as_atom().is_some_and(|x| &*x.name() == "pop") => {
            m.remove(&a[1]);
            Ok(Term::tuple(vec![current.unwrap_or(Term::NIL), Term::map(m)]))
        }
        _ => ex::in_elixir(
            ex::raise(
                "RuntimeError",
                vec![(
                    "message",
                    Term::str(&format!(
                        "the given function must return a two-element tuple or :pop, got: {}",
                        crate::term::inspect::inspect_default(&r)
                    )),
                )],
            ),
            "Map",
            name,
            3,
            "lib/map.ex",
            if must { 974 } else { 932 },
        ),
    }
}

pub fn register(r: &mut Registry) {
    r.add("Map", "new", 0, |_, _| Ok(Term::map(MapT::new())));
    r.add("Map", "new", 1, |p, a| match &a[0] {
        Term::Map(_) if a[0].struct_name().is_none() => Ok(a[0].clone()),
        _ => Ok(Term::map(from_pairs(p, &a[0], None)?)),
    });
    r.add("Map", "new", 2, |p, a| {
        Ok(Term::map(from_pairs(p, &a[0], Some(&a[1]))?))
    });
    // Map.get/2 is Map.get/3 with a nil default, which raises BadMapError itself.
    r.add("Map", "get", 2, |_, a| {
        let r = map_of(&a[0]).map(|m| m.get(&a[1]).cloned().unwrap_or(Term::NIL));
        ex::in_call(r, "Map", "get", Some(("lib/map.ex", 534)), || {
            vec![a[0].clone(), a[1].clone(), Term::NIL]
        })
    });
    r.add("Map", "get", 3, |_, a| {
        let r = map_of(&a[0]).map(|m| m.get(&a[1]).cloned().unwrap_or_else(|| a[2].clone()));
        ex::in_call(r, "Map", "get", Some(("lib/map.ex", 534)), || a.to_vec())
    });
    r.add("Map", "get_lazy", 3, |p, a| match map_of(&a[0])?.get(&a[1]) {
        Some(v) => Ok(v.clone()),
        None => p.callback(&a[2], []),
    });
    // Elixir compiles `Map.fetch/2` to `:maps.find/2`.
    r.add("Map", "fetch", 2, |_, a| {
        let r = map_of(&a[0]).map(|m| match m.get(&a[1]) {
            Some(v) => ok(v.clone()),
            None => Term::Atom(Atom::ERROR),
        });
        ex::in_call(r, ":maps", "find", None, || vec![a[1].clone(), a[0].clone()])
    });
    // Elixir compiles `Map.fetch!(map, key)` to `:erlang.map_get(key, map)`.
    r.add("Map", "fetch!", 2, |_, a| {
        let r = map_of(&a[0]).and_then(|m| match m.get(&a[1]) {
            Some(v) => Ok(v.clone()),
            None => ex::badkey(a[1].clone(), a[0].clone()),
        });
        ex::in_bif(r, "map_get", || vec![a[1].clone(), a[0].clone()])
    });
    r.add("Map", "has_key?", 2, |_, a| super::kernel::is_map_key(&a[0], &a[1]));
    r.add("Map", "put", 3, |_, a| {
        Ok(Term::map(map_of(&a[0])?.update(a[1].clone(), a[2].clone())))
    });
    r.add("Map", "put_new", 3, |_, a| {
        let m = map_of(&a[0])?;
        if m.contains_key(&a[1]) {
            return Ok(a[0].clone());
        }
        Ok(Term::map(m.update(a[1].clone(), a[2].clone())))
    });
    r.add("Map", "put_new_lazy", 3, |p, a| {
        let m = map_of(&a[0])?.clone();
        if m.contains_key(&a[1]) {
            return Ok(a[0].clone());
        }
        let v = p.callback(&a[2], [])?;
        Ok(Term::map(m.update(a[1].clone(), v)))
    });
    r.add("Map", "replace", 3, |_, a| {
        let m = map_of(&a[0])?;
        if !m.contains_key(&a[1]) {
            return Ok(a[0].clone());
        }
        Ok(Term::map(m.update(a[1].clone(), a[2].clone())))
    });
    r.add("Map", "replace_lazy", 3, |p, a| {
        let m = map_of(&a[0])?;
        match m.get(&a[1]) {
            Some(v) => {
                let v = p.callback(&a[2], [v.clone()])?;
                Ok(Term::map(m.update(a[1].clone(), v)))
            }
            None => Ok(a[0].clone()),
        }
    });
    r.add("Map", "from_keys", 2, |p, a| {
        let mut m = MapT::new();
        for k in crate::stdlib::enumerable::to_vec(p, &a[0])? {
            m.insert(k, a[1].clone());
        }
        Ok(Term::map(m))
    });
    r.add("Map", "replace!", 3, |_, a| {
        let m = map_of(&a[0])?;
        if !m.contains_key(&a[1]) {
            return ex::badkey(a[1].clone(), a[0].clone());
        }
        Ok(Term::map(m.update(a[1].clone(), a[2].clone())))
    });
    r.add("Map", "update", 4, |p, a| {
        let m = ex::in_call(map_of(&a[0]), "Map", "update", Some(("lib/map.ex", 693)), || a.to_vec())?.clone();
        let v = match m.get(&a[1]) {
            Some(v) => p.callback(&a[3], [v.clone()])?,
            None => a[2].clone(),
        };
        Ok(Term::map(m.update(a[1].clone(), v)))
    });
    r.add("Map", "update!", 3, |p, a| {
        let Some((m, v)) = a[0].as_map().and_then(|m| Some((m, m.get(&a[1])?))) else {
            return map_get_failed(a, "update!");
        };
        let v = p.callback(&a[2], [v.clone()])?;
        Ok(Term::map(m.update(a[1].clone(), v)))
    });
    // Elixir compiles `Map.delete/2` to `:maps.remove/2`.
    r.add("Map", "delete", 2, |_, a| {
        let r = map_of(&a[0]).map(|m| Term::map(m.without(&a[1])));
        ex::in_call(r, ":maps", "remove", None, || vec![a[1].clone(), a[0].clone()])
    });
    r.add("Map", "pop", 2, |_, a| {
        let m = map_of(&a[0])?;
        let v = m.get(&a[1]).cloned().unwrap_or(Term::NIL);
        Ok(Term::tuple(vec![v, Term::map(m.without(&a[1]))]))
    });
    r.add("Map", "pop", 3, |_, a| {
        let m = map_of(&a[0])?;
        let v = m.get(&a[1]).cloned().unwrap_or_else(|| a[2].clone());
        Ok(Term::tuple(vec![v, Term::map(m.without(&a[1]))]))
    });
    r.add("Map", "pop!", 2, |_, a| {
        let m = map_of(&a[0])?;
        match m.get(&a[1]) {
            Some(v) => Ok(Term::tuple(vec![v.clone(), Term::map(m.without(&a[1]))])),
            None => ex::badkey(a[1].clone(), a[0].clone()),
        }
    });
    r.add("Map", "pop_lazy", 3, |p, a| {
        let m = map_of(&a[0])?.clone();
        let v = match m.get(&a[1]) {
            Some(v) => v.clone(),
            None => p.callback(&a[2], [])?,
        };
        Ok(Term::tuple(vec![v, Term::map(m.without(&a[1]))]))
    });
    // Elixir compiles `Map.keys/1` and `Map.values/1` to `:maps`' BIFs.
    r.add("Map", "keys", 1, |_, a| {
        let r = map_of(&a[0]).map(|m| Term::list(hamt::entries(m).map(|(k, _)| k.clone()).collect::<Vec<_>>()));
        ex::in_call(r, ":maps", "keys", None, || a.to_vec())
    });
    r.add("Map", "values", 1, |_, a| {
        let r = map_of(&a[0]).map(|m| Term::list(hamt::entries(m).map(|(_, v)| v.clone()).collect::<Vec<_>>()));
        ex::in_call(r, ":maps", "values", None, || a.to_vec())
    });
    // Elixir compiles `Map.to_list/1` to `:maps.to_list/1`, written in Erlang.
    r.add("Map", "to_list", 1, |_, a| {
        let r = map_of(&a[0]).map(|m| {
            Term::list(
                hamt::entries(m)
                    .map(|(k, v)| Term::tuple(vec![k.clone(), v.clone()]))
                    .collect::<Vec<_>>(),
            )
        });
        ex::in_call(r, ":maps", "to_list", Some(("maps.erl", 581)), || a.to_vec())
    });
    r.add("Map", "merge", 2, |_, a| {
        let (x, y) = (map_of(&a[0])?, map_of(&a[1])?);
        Ok(Term::map(y.clone().union(x.clone())))
    });
    r.add("Map", "merge", 3, |p, a| {
        let (x, y) = (map_of(&a[0])?.clone(), map_of(&a[1])?.clone());
        // Elixir folds over the smaller map (the first when they tie),
        // updating the other.
        let first_smaller = x.len() <= y.len();
        let (small, mut out) = if first_smaller {
            (&x, y.clone())
        } else {
            (&y, x.clone())
        };
        for (k, v) in hamt::fold_entries(small) {
            let merged = match out.get(k) {
                Some(other) => {
                    let (v1, v2) = if first_smaller { (v, other) } else { (other, v) };
                    p.callback(&a[2], [k.clone(), v1.clone(), v2.clone()])?
                }
                None => v.clone(),
            };
            out.insert(k.clone(), merged);
        }
        Ok(Term::map(out))
    });
    r.add("Map", "take", 2, |p, a| {
        let m = map_of(&a[0])?.clone();
        let mut out = MapT::new();
        for k in keys_of(p, &a[1])? {
            if let Some(v) = m.get(&k) {
                out.insert(k, v.clone());
            }
        }
        Ok(Term::map(out))
    });
    r.add("Map", "drop", 2, |p, a| {
        let mut m = map_of(&a[0])?.clone();
        for k in keys_of(p, &a[1])? {
            m.remove(&k);
        }
        Ok(Term::map(m))
    });
    r.add("Map", "split", 2, |p, a| {
        let mut rest = map_of(&a[0])?.clone();
        let mut taken = MapT::new();
        for k in keys_of(p, &a[1])? {
            if let Some(v) = rest.remove(&k) {
                taken.insert(k, v);
            }
        }
        Ok(Term::tuple(vec![Term::map(taken), Term::map(rest)]))
    });
    r.add("Map", "filter", 2, |p, a| filter(p, a, true));
    r.add("Map", "reject", 2, |p, a| filter(p, a, false));
    if let Some(map_size) = r.get("Kernel", "map_size", 1) {
        r.add("Map", "size", 1, map_size);
    }
    r.add("Map", "map", 2, |p, a| {
        let m = map_of(&a[0])?.clone();
        let mut out = MapT::new();
        for (k, v) in hamt::fold_entries(&m) {
            let t = Term::tuple(vec![k.clone(), v.clone()]);
            out.insert(k.clone(), p.callback(&a[1], [t])?);
        }
        Ok(Term::map(out))
    });
    r.add("Map", "get_and_update", 3, |p, a| get_and_update(p, a, false));
    r.add("Map", "get_and_update!", 3, |p, a| get_and_update(p, a, true));
    r.add("Map", "from_struct", 1, |_, a| match &a[0] {
        Term::Map(m) if a[0].struct_name().is_some() => Ok(Term::map(m.without(&Term::Atom(Atom::STRUCT)))),
        Term::Atom(module) => {
            let s = super::struct_default(*module)?;
            Ok(Term::map(s.without(&Term::Atom(Atom::STRUCT))))
        }
        _ => no_clause("from_struct", a),
    });
    r.add("Map", "equal?", 2, |_, a| {
        map_of(&a[0])?;
        map_of(&a[1])?;
        Ok(Term::bool(a[0] == a[1]))
    });
    r.add(":maps", "get", 2, |_, a| match map_of(&a[1])?.get(&a[0]) {
        Some(v) => Ok(v.clone()),
        None => ex::badkey(a[0].clone(), a[1].clone()),
    });
    r.add(":maps", "get", 3, |_, a| {
        Ok(map_of(&a[1])?.get(&a[0]).cloned().unwrap_or_else(|| a[2].clone()))
    });
    r.add(":maps", "put", 3, |_, a| {
        Ok(Term::map(map_of(&a[2])?.update(a[0].clone(), a[1].clone())))
    });
    for (name, arity) in [("keys", 1), ("values", 1), ("to_list", 1)] {
        if let Some(f) = r.get("Map", name, arity) {
            r.add(":maps", name, arity, f);
        }
    }
}
