//! `Stream`: lazy enumerables. A stream is a `%Stream{enum: source, funs: ops}`
//! struct; its source is an enumerable or a generator (`iterate`, `cycle`,
//! `repeatedly`, `unfold`, `concat`), its ops are applied in order as each
//! element is pulled, so nothing runs until an `Enum` function consumes it.
//!
//! **Invariant:** a stream produces elements only while its consumer asks for
//! more; an infinite stream ends when the consumer stops (`Enum.take/2`).

use super::Registry;
use super::enumerable::{Go, each};
use crate::eval::exception::{self as ex, R};
use crate::eval::exec::Proc;
use crate::term::{Atom, MapT, Term};

/// The tag of a generator source.
const GEN: &str = "$stream_source";

fn stream_struct(source: Term, ops: Vec<Term>) -> Term {
    let mut m = MapT::new();
    m.insert(Term::Atom(Atom::STRUCT), Term::atom("Elixir.Stream"));
    m.insert(Term::atom("enum"), source);
    m.insert(Term::atom("funs"), Term::list(ops));
    m.insert(Term::atom("accs"), Term::EmptyList);
    m.insert(Term::atom("done"), Term::NIL);
    Term::map(m)
}

fn generator(kind: &str, args: Vec<Term>) -> Term {
    let mut v = vec![Term::atom(GEN), Term::atom(kind)];
    v.extend(args);
    stream_struct(Term::tuple(v), Vec::new())
}

/// Makes a stream of a generator source that is not one of `Stream`'s own
/// (`URI.query_decoder/2`'s); `generate` runs it.
pub fn generator_stream(kind: &str, args: Vec<Term>) -> Term {
    generator(kind, args)
}

/// Elixir 1.14's `Stream` makes these funs; a stream prints them as
/// `#Function<…>` where Elixir's stream holds them.
const NOTHING: Term = Term::EmptyList;
const UNFOLD: &str = "#Function<63.103858489/2 in Stream.unfold/2>";
const TRANSFORM: &str = "#Function<60.103858489/2 in Stream.transform/3>";

/// What a stream's source is shown as: the fun Elixir's generator is, or an
/// enumerable.
pub enum ShownSource<'a> {
    Fun(&'static str),
    Term(&'a Term),
}

/// How Elixir shows a stream: a generator with no ops is the fun Elixir
/// makes for it; any other stream is `#Stream<[enum: …, funs: […]]>` with
/// the funs Elixir's ops make. `None` when a part has no known form.
pub fn shown(t: &Term) -> Option<(ShownSource<'_>, Vec<&'static str>)> {
    let source = t.map_get(Atom::new("enum"))?;
    let mut shown = match source.as_tuple() {
        Some([tag, kind, args @ ..]) if *tag == Term::atom(GEN) => {
            let text = match (&*kind.as_atom()?.name(), args) {
                ("iterate" | "unfold" | "query_decoder", _) => UNFOLD,
                ("cycle", [items]) if items.is_list() => UNFOLD,
                ("cycle", _) => "#Function<9.103858489/2 in Stream.cycle/1>",
                ("repeatedly", _) => "#Function<51.103858489/2 in Stream.repeatedly/1>",
                ("concat", _) => TRANSFORM,
                ("take_last", _) => "#Function<57.103858489/2 in Stream.take_after_guards/2>",
                _ => return None,
            };
            ShownSource::Fun(text)
        }
        _ => ShownSource::Term(source),
    };
    let mut funs = Vec::new();
    for o in t.map_get(Atom::new("funs"))?.iter_list() {
        let t = o.as_tuple()?;
        let text = match (&*t.first()?.as_atom()?.name(), t.get(1)) {
            ("map", _) => "#Function<48.103858489/1 in Stream.map/2>",
            ("filter", _) => "#Function<40.103858489/1 in Stream.filter/2>",
            ("reject", _) => "#Function<50.103858489/1 in Stream.reject/2>",
            ("each", _) => "#Function<39.103858489/1 in Stream.each/2>",
            ("take_while", _) => "#Function<59.103858489/1 in Stream.take_while/2>",
            ("drop_while", _) => "#Function<37.103858489/1 in Stream.drop_while/2>",
            ("drop", _) => "#Function<34.103858489/1 in Stream.drop/2>",
            ("drop_last", _) => "#Function<35.103858489/1 in Stream.drop/2>",
            ("with_index", _) => "#Function<66.103858489/1 in Stream.with_index/2>",
            ("dedup", _) => "#Function<11.103858489/1 in Stream.dedup_by/2>",
            // `take(_, 0)` is a stream of nothing.
            ("take", Some(Term::Int(0))) => {
                shown = ShownSource::Term(&NOTHING);
                funs.clear();
                continue;
            }
            ("take", _) => "#Function<56.103858489/1 in Stream.take_after_guards/2>",
            // `flat_map` wraps all that came before in a transform.
            ("flat_map", _) => {
                shown = ShownSource::Fun(TRANSFORM);
                funs.clear();
                continue;
            }
            _ => return None,
        };
        funs.push(text);
    }
    Some((shown, funs))
}

/// Adds an op to a stream, or makes a stream of an enumerable.
fn lazy(_p: &mut Proc, source: &Term, op: Term) -> R<Term> {
    if source.struct_name() == Some(Atom::new("Elixir.Stream")) {
        let src = source.map_get(Atom::new("enum")).cloned().unwrap_or(Term::EmptyList);
        let mut ops = source
            .map_get(Atom::new("funs"))
            .and_then(Term::list_to_vec)
            .unwrap_or_default();
        ops.push(op);
        return Ok(stream_struct(src, ops));
    }
    Ok(stream_struct(source.clone(), vec![op]))
}

fn op(name: &str, arg: Term) -> Term {
    Term::tuple(vec![Term::atom(name), arg])
}

/// Per-run state of an op: a counter, the last element seen, or the
/// elements held back (`drop` of a negative count).
enum State {
    Count(i64),
    Held(std::collections::VecDeque<Term>, usize),
    Last(Option<Term>),
    Flag(bool),
    None,
}

/// Enumerates a stream into `f`.
pub fn run(p: &mut Proc, stream: &Term, f: &mut dyn FnMut(&mut Proc, Term) -> R<Go>) -> R<()> {
    let source = stream.map_get(Atom::new("enum")).cloned().unwrap_or(Term::EmptyList);
    let ops = stream
        .map_get(Atom::new("funs"))
        .and_then(Term::list_to_vec)
        .unwrap_or_default();
    let mut states: Vec<State> = ops
        .iter()
        .map(|o| match o.as_tuple() {
            Some([k, n]) if matches!(k.as_atom().map(|a| a.name()).as_deref(), Some("take" | "drop")) => {
                State::Count(n.as_int().unwrap_or(0))
            }
            Some([k, n]) if k.as_atom().map(|a| a.name()).as_deref() == Some("with_index") => {
                State::Count(n.as_int().unwrap_or(0))
            }
            Some([k, _]) if k.as_atom().map(|a| a.name()).as_deref() == Some("drop_while") => State::Flag(true),
            Some([k, n]) if k.as_atom().map(|a| a.name()).as_deref() == Some("drop_last") => {
                State::Held(Default::default(), n.as_int().unwrap_or(0).unsigned_abs() as usize)
            }
            Some([k, ..]) if k.as_atom().map(|a| a.name()).as_deref() == Some("dedup") => State::Last(None),
            _ => State::None,
        })
        .collect();
    // A `take(0)` produces nothing, and pulls nothing from the source.
    if ops.iter().zip(&states).any(|(o, s)| {
        matches!(s, State::Count(0))
            && o.as_tuple().and_then(|t| t[0].as_atom()).map(|a| a.name()).as_deref() == Some("take")
    }) {
        return Ok(());
    }
    let mut sink = |p: &mut Proc, x: Term| push(p, &ops, &mut states, 0, x, f);
    generate(p, &source, &mut sink)
}

/// Runs a stream's source.
fn generate(p: &mut Proc, source: &Term, f: &mut dyn FnMut(&mut Proc, Term) -> R<Go>) -> R<()> {
    let Some(t) = source.as_tuple().filter(|t| t.first() == Some(&Term::atom(GEN))) else {
        return each(p, source, f);
    };
    let kind = t
        .get(1)
        .and_then(Term::as_atom)
        .map(|a| a.name().to_string())
        .unwrap_or_default();
    match (kind.as_str(), &t[2..]) {
        ("iterate", [start, fun]) => {
            let mut x = start.clone();
            loop {
                p.check_interrupt()?;
                if !f(p, x.clone())? {
                    return Ok(());
                }
                x = p.apply(fun, vec![x])?;
            }
        }
        ("repeatedly", [fun]) => loop {
            p.check_interrupt()?;
            let x = p.apply(fun, vec![])?;
            if !f(p, x)? {
                return Ok(());
            }
        },
        ("cycle", [items]) => {
            let items = super::enumerable::to_vec(p, items)?;
            if items.is_empty() {
                return Ok(());
            }
            loop {
                p.check_interrupt()?;
                for x in &items {
                    if !f(p, x.clone())? {
                        return Ok(());
                    }
                }
            }
        }
        ("unfold", [acc, fun]) => {
            let mut acc = acc.clone();
            loop {
                p.check_interrupt()?;
                let r = p.apply(fun, vec![acc.clone()])?;
                match r.as_tuple() {
                    Some([x, next]) => {
                        if !f(p, x.clone())? {
                            return Ok(());
                        }
                        acc = next.clone();
                    }
                    _ if r == Term::NIL => return Ok(()),
                    _ => return ex::case_clause(r),
                }
            }
        }
        ("query_decoder", [Term::Bin(query), encoding]) => {
            let mut rest: &[u8] = query;
            while let Some((pair, next)) = super::uri::next_query_pair(rest, encoding)? {
                p.check_interrupt()?;
                if !f(p, pair)? {
                    return Ok(());
                }
                rest = next;
            }
            Ok(())
        }
        // `take` of a negative count: the last elements, found when it runs.
        ("take_last", [source, n]) => {
            let items = super::enumerable::to_vec(p, source)?;
            let keep = n.as_int().unwrap_or(0).unsigned_abs() as usize;
            let skip = items.len().saturating_sub(keep);
            for x in items.into_iter().skip(skip) {
                if !f(p, x)? {
                    return Ok(());
                }
            }
            Ok(())
        }
        ("concat", [parts]) => {
            let mut halted = false;
            each(p, parts, &mut |p, part| {
                each(p, &part, &mut |p, x| {
                    let go = f(p, x)?;
                    halted = !go;
                    Ok(go)
                })?;
                Ok(!halted)
            })
        }
        _ => Ok(()),
    }
}

/// Passes `x` through ops `i..` and into the sink; `false` stops the source.
fn push(
    p: &mut Proc,
    ops: &[Term],
    states: &mut [State],
    i: usize,
    x: Term,
    f: &mut dyn FnMut(&mut Proc, Term) -> R<Go>,
) -> R<Go> {
    let Some(o) = ops.get(i) else { return f(p, x) };
    let (name, arg) = match o.as_tuple() {
        Some([k, a]) => (k.as_atom().map(|a| a.name().to_string()).unwrap_or_default(), a.clone()),
        Some([k]) => (k.as_atom().map(|a| a.name().to_string()).unwrap_or_default(), Term::NIL),
        _ => return f(p, x),
    };
    match name.as_str() {
        "map" => {
            let y = p.apply(&arg, vec![x])?;
            push(p, ops, states, i + 1, y, f)
        }
        "filter" | "reject" => {
            let keep = p.apply(&arg, vec![x.clone()])?.is_truthy() == (name == "filter");
            if keep {
                push(p, ops, states, i + 1, x, f)
            } else {
                Ok(true)
            }
        }
        "each" => {
            p.apply(&arg, vec![x.clone()])?;
            push(p, ops, states, i + 1, x, f)
        }
        "take" => {
            let State::Count(left) = &mut states[i] else {
                return Ok(false);
            };
            if *left <= 0 {
                return Ok(false);
            }
            *left -= 1;
            let done = *left == 0;
            let go = push(p, ops, states, i + 1, x, f)?;
            Ok(go && !done)
        }
        "drop_last" => {
            let State::Held(held, n) = &mut states[i] else {
                return Ok(false);
            };
            held.push_back(x);
            match held.len() > *n {
                true => {
                    let first = held.pop_front().expect("more than n are held");
                    push(p, ops, states, i + 1, first, f)
                }
                false => Ok(true),
            }
        }
        "drop" => {
            if let State::Count(left) = &mut states[i]
                && *left > 0
            {
                *left -= 1;
                return Ok(true);
            }
            push(p, ops, states, i + 1, x, f)
        }
        "take_while" => {
            if p.apply(&arg, vec![x.clone()])?.is_truthy() {
                push(p, ops, states, i + 1, x, f)
            } else {
                Ok(false)
            }
        }
        "drop_while" => {
            if let State::Flag(true) = states[i] {
                if p.apply(&arg, vec![x.clone()])?.is_truthy() {
                    return Ok(true);
                }
                states[i] = State::Flag(false);
            }
            push(p, ops, states, i + 1, x, f)
        }
        "with_index" => {
            let State::Count(n) = &mut states[i] else {
                return Ok(false);
            };
            let idx = *n;
            *n += 1;
            push(p, ops, states, i + 1, Term::tuple(vec![x, Term::Int(idx)]), f)
        }
        "dedup" => {
            if let State::Last(Some(prev)) = &states[i]
                && *prev == x
            {
                return Ok(true);
            }
            states[i] = State::Last(Some(x.clone()));
            push(p, ops, states, i + 1, x, f)
        }
        "flat_map" => {
            let ys = p.apply(&arg, vec![x])?;
            let mut go = true;
            each(p, &ys, &mut |p, y| {
                go = push(p, ops, states, i + 1, y, f)?;
                Ok(go)
            })?;
            Ok(go)
        }
        _ => f(p, x),
    }
}

pub fn register(r: &mut Registry) {
    for name in [
        "map",
        "filter",
        "reject",
        "each",
        "take_while",
        "drop_while",
        "flat_map",
    ] {
        let f: crate::stdlib::Native = match name {
            "map" => |p, a| lazy(p, &a[0], op("map", a[1].clone())),
            "filter" => |p, a| lazy(p, &a[0], op("filter", a[1].clone())),
            "reject" => |p, a| lazy(p, &a[0], op("reject", a[1].clone())),
            "each" => |p, a| lazy(p, &a[0], op("each", a[1].clone())),
            "take_while" => |p, a| lazy(p, &a[0], op("take_while", a[1].clone())),
            "drop_while" => |p, a| lazy(p, &a[0], op("drop_while", a[1].clone())),
            _ => |p, a| lazy(p, &a[0], op("flat_map", a[1].clone())),
        };
        r.add("Stream", name, 2, f);
    }
    r.add("Stream", "take", 2, |p, a| match a[1] {
        Term::Int(n) if n >= 0 => lazy(p, &a[0], op("take", a[1].clone())),
        Term::Int(_) => Ok(generator("take_last", std::mem::take(a))),
        _ => ex::function_clause(Atom::new("Elixir.Stream"), Atom::new("take"), std::mem::take(a)),
    });
    r.add("Stream", "drop", 2, |p, a| match a[1] {
        Term::Int(n) if n >= 0 => lazy(p, &a[0], op("drop", a[1].clone())),
        Term::Int(_) => lazy(p, &a[0], op("drop_last", a[1].clone())),
        _ => ex::function_clause(Atom::new("Elixir.Stream"), Atom::new("drop"), std::mem::take(a)),
    });
    r.add("Stream", "with_index", 1, |p, a| {
        lazy(p, &a[0], op("with_index", Term::Int(0)))
    });
    r.add("Stream", "with_index", 2, |p, a| {
        lazy(p, &a[0], op("with_index", a[1].clone()))
    });
    r.add("Stream", "dedup", 1, |p, a| {
        lazy(p, &a[0], Term::tuple(vec![Term::atom("dedup")]))
    });
    r.add("Stream", "iterate", 2, |_, a| {
        Ok(generator("iterate", std::mem::take(a)))
    });
    r.add("Stream", "repeatedly", 1, |_, a| {
        Ok(generator("repeatedly", std::mem::take(a)))
    });
    r.add("Stream", "cycle", 1, |_, a| Ok(generator("cycle", std::mem::take(a))));
    r.add("Stream", "unfold", 2, |_, a| Ok(generator("unfold", std::mem::take(a))));
    r.add("Stream", "concat", 1, |_, a| Ok(generator("concat", std::mem::take(a))));
    r.add("Stream", "concat", 2, |_, a| {
        Ok(generator("concat", vec![Term::list(std::mem::take(a))]))
    });
    r.add("Stream", "run", 1, |p, a| {
        each(p, &a[0], &mut |_, _| Ok(true))?;
        Ok(Term::OK)
    });
}
