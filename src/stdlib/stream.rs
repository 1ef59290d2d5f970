//! `Stream`: lazy enumerables. A stream is a `%Stream{enum: source, funs: ops}`
//! struct; its source is an enumerable or a generator (`iterate`, `cycle`,
//! `resource`, `transform`, `zip`…, a `{"$stream_source", kind, args…}`
//! tuple), its ops (`{name, args…}` tuples, in the order they apply) act on
//! each element as it is pulled, so nothing runs until an `Enum` function
//! consumes it.
//!
//! A stream runs as a chain of cursors ([`Pull`]), one per source and op:
//! the consumer pulls an element from the last, which pulls from the one
//! before. That is how Elixir's suspended reductions behave, and it lets
//! `zip` advance several enumerables in step. An op that ends before its
//! source (`take`, `take_while`, a `transform` that halts) closes the
//! cursors before it at once; the consumer closes the whole chain when it
//! stops early or an error leaves the stream, which runs the `after` funs of
//! `resource` and `transform` as Elixir's do (each once).
//!
//! **Invariant:** a stream produces elements only while its consumer asks for
//! more; an infinite stream ends when the consumer stops (`Enum.take/2`).
//! A stream whose last op is a chunking one (it holds a `done` step, as
//! Elixir's) is wrapped whole as the source of any op added after it, so
//! it shows as Elixir's does.

use std::collections::{BTreeSet, VecDeque};

use super::Registry;
use super::enumerable::{Go, each, mapset_items, range_len, range_parts, to_vec};
use super::function::is_fun;
use super::kernel::{op2, protocol_undefined};
use crate::eval::exception::{self as ex, R};
use crate::eval::exec::Proc;
use crate::eval::ir::Op2;
use crate::term::{Atom, MapT, Term, hamt};

/// The tag of a generator source.
const GEN: &str = "$stream_source";

fn stream_struct(source: Term, ops: Vec<Term>, done: bool) -> Term {
    let mut m = MapT::new();
    m.insert(Term::Atom(Atom::STRUCT), Term::atom("Elixir.Stream"));
    m.insert(Term::atom("enum"), source);
    m.insert(Term::atom("funs"), Term::list(ops));
    m.insert(Term::atom("accs"), Term::EmptyList);
    m.insert(
        Term::atom("done"),
        if done { Term::atom("chunk_while") } else { Term::NIL },
    );
    Term::map(m)
}

fn generator(kind: &str, args: Vec<Term>) -> Term {
    let mut v = vec![Term::atom(GEN), Term::atom(kind)];
    v.extend(args);
    stream_struct(Term::tuple(v), Vec::new(), false)
}

/// Makes a stream of a generator source that is not one of `Stream`'s own
/// (`URI.query_decoder/2`'s); the cursors run it.
pub fn generator_stream(kind: &str, args: Vec<Term>) -> Term {
    generator(kind, args)
}

fn is_stream(t: &Term) -> bool {
    t.struct_name() == Some(Atom::new("Elixir.Stream"))
}

fn name_of(t: &Term) -> String {
    t.as_atom().map(|a| a.name().to_string()).unwrap_or_default()
}

/// Elixir 1.14's `Stream` makes these funs; a stream prints them as
/// `#Function<…>` where Elixir's stream holds them.
const UNFOLD: &str = "#Function<63.103858489/2 in Stream.unfold/2>";
const TRANSFORM: &str = "#Function<60.103858489/2 in Stream.transform/3>";
const CHUNK: &str = "#Function<3.103858489/1 in Stream.chunk_while/4>";

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
    let shown = match source.as_tuple() {
        Some([tag, kind, args @ ..]) if *tag == Term::atom(GEN) => {
            let text = match (&*kind.as_atom()?.name(), args) {
                ("iterate" | "unfold" | "duplicate" | "interval" | "query_decoder" | "splitter", _) => UNFOLD,
                ("cycle", [items]) if items.is_list() => UNFOLD,
                ("cycle", _) => "#Function<9.103858489/2 in Stream.cycle/1>",
                ("repeatedly", _) => "#Function<51.103858489/2 in Stream.repeatedly/1>",
                ("concat" | "flat_map" | "intersperse" | "transform3", _) => TRANSFORM,
                ("transform4", _) => "#Function<61.103858489/2 in Stream.transform/4>",
                ("transform5", _) => "#Function<62.103858489/2 in Stream.transform/5>",
                ("resource", _) => "#Function<52.103858489/2 in Stream.resource/3>",
                ("into", _) => "#Function<46.103858489/2 in Stream.into/3>",
                ("zip", [.., Term::Int(72)]) => "#Function<72.103858489/2 in Stream.zip_with/2>",
                ("zip", [.., Term::Int(74)]) => "#Function<74.103858489/2 in Stream.zip_with/3>",
                ("zip", _) => "#Function<73.103858489/2 in Stream.zip_with/2>",
                ("take_last", _) => "#Function<57.103858489/2 in Stream.take_after_guards/2>",
                _ => return None,
            };
            ShownSource::Fun(text)
        }
        _ => ShownSource::Term(source),
    };
    let mut funs = Vec::new();
    for o in t.map_get(Atom::new("funs"))?.iter_list() {
        let text = match &*name_of(o.as_tuple()?.first()?) {
            "map" => "#Function<48.103858489/1 in Stream.map/2>",
            "filter" => "#Function<40.103858489/1 in Stream.filter/2>",
            "reject" => "#Function<50.103858489/1 in Stream.reject/2>",
            "each" => "#Function<39.103858489/1 in Stream.each/2>",
            "filter_map" => "#Function<41.103858489/1 in Stream.filter_map/3>",
            "take_while" => "#Function<59.103858489/1 in Stream.take_while/2>",
            "drop_while" => "#Function<37.103858489/1 in Stream.drop_while/2>",
            "drop" => "#Function<34.103858489/1 in Stream.drop/2>",
            "drop_last" => "#Function<35.103858489/1 in Stream.drop/2>",
            "with_index" => "#Function<66.103858489/1 in Stream.with_index/2>",
            "dedup_by" => "#Function<11.103858489/1 in Stream.dedup_by/2>",
            "uniq_by" => "#Function<65.103858489/1 in Stream.uniq_by/2>",
            "scan2" => "#Function<54.103858489/1 in Stream.scan/2>",
            "scan3" => "#Function<55.103858489/1 in Stream.scan/3>",
            "take" => "#Function<56.103858489/1 in Stream.take_after_guards/2>",
            "take_every" => "#Function<58.103858489/1 in Stream.take_every_after_guards/2>",
            "drop_every" => "#Function<36.103858489/1 in Stream.drop_every/2>",
            "map_every" => "#Function<49.103858489/1 in Stream.map_every_after_guards/3>",
            "chunk_every" | "chunk_by" | "chunk_while" => CHUNK,
            _ => return None,
        };
        funs.push(text);
    }
    Some((shown, funs))
}

/// Adds an op to a stream, or makes a stream of an enumerable. A stream that
/// ends in a chunking op becomes the source of the new one.
fn lazy(source: &Term, op: Term) -> Term {
    let chunking = matches!(
        &*name_of(&op.as_tuple().expect("an op is a tuple")[0]),
        "chunk_every" | "chunk_by" | "chunk_while"
    );
    if is_stream(source) && source.map_get(Atom::new("done")) == Some(&Term::NIL) {
        let src = source.map_get(Atom::new("enum")).cloned().unwrap_or(Term::EmptyList);
        let mut ops = source
            .map_get(Atom::new("funs"))
            .and_then(Term::list_to_vec)
            .unwrap_or_default();
        ops.push(op);
        return stream_struct(src, ops, chunking);
    }
    stream_struct(source.clone(), vec![op], chunking)
}

fn op(name: &str, args: Vec<Term>) -> Term {
    let mut v = vec![Term::atom(name)];
    v.extend(args);
    Term::tuple(v)
}

// ---------------------------------------------------------------------------
// Cursors

/// A cursor over an enumerable: it gives one element per call, `None` at the end.
pub trait Pull {
    fn next(&mut self, p: &mut Proc) -> R<Option<Term>>;
    /// Ends the enumeration before its end, as Elixir's reduce given
    /// `{:halt, acc}` does: closes the cursors before this one and runs this
    /// one's `after` fun, starting it first if it never ran (a `resource`
    /// zipped after an enumerable that was empty). Does nothing the second time.
    fn close(&mut self, _p: &mut Proc) -> R<()> {
        Ok(())
    }
}

pub type Cursor = Box<dyn Pull>;

/// A cursor over any enumerable. Streams, lists, ranges, maps and `MapSet`s
/// are walked lazily; anything else is enumerated whole when opened (and
/// raises there when it is not enumerable).
pub fn open(p: &mut Proc, t: &Term) -> R<Cursor> {
    if let Term::EmptyList | Term::Cons(_) = t {
        return Ok(Box::new(ListPull {
            rest: t.clone(),
            whole: t.clone(),
        }));
    }
    if let Some((first, last, step)) = range_parts(t) {
        return Ok(Box::new(RangePull {
            next: first,
            left: range_len(first, last, step),
            step,
        }));
    }
    if is_stream(t) {
        return open_stream(p, t);
    }
    if super::io_read::is_io_stream(t) {
        return Ok(Box::new(IoStreamPull(t.clone())));
    }
    if let Some(items) = mapset_items(t) {
        return Ok(Box::new(VecPull(items.into_iter())));
    }
    if let Term::Map(m) = t
        && t.struct_name().is_none()
    {
        let pairs: Vec<Term> = hamt::entries(m)
            .map(|(k, v)| Term::tuple(vec![k.clone(), v.clone()]))
            .collect();
        return Ok(Box::new(VecPull(pairs.into_iter())));
    }
    Ok(Box::new(VecPull(to_vec(p, t)?.into_iter())))
}

/// Pulls every element of `c` into `f` until either ends, then closes `c`
/// (also when an error leaves `f` or the stream: Elixir's `after` funs run then too).
pub fn drive(p: &mut Proc, c: &mut Cursor, f: &mut dyn FnMut(&mut Proc, Term) -> R<Go>) -> R<()> {
    let r = loop {
        match c.next(p) {
            Ok(Some(x)) => match f(p, x) {
                Ok(true) => {}
                Ok(false) => break Ok(()),
                Err(e) => break Err(e),
            },
            Ok(None) => break Ok(()),
            Err(e) => break Err(e),
        }
    };
    c.close(p)?;
    r
}

/// Enumerates a stream into `f`.
pub fn run(p: &mut Proc, stream: &Term, f: &mut dyn FnMut(&mut Proc, Term) -> R<Go>) -> R<()> {
    let mut c = open_stream(p, stream)?;
    drive(p, &mut c, f)
}

/// Pulls the enumerables in step, giving `f` one element of each, until
/// one runs out (then the others are closed): `Stream.zip`'s walk, and
/// `Enum.zip`'s. An enumerable is opened only when first pulled.
pub fn zip_each(p: &mut Proc, sources: Vec<Term>, f: &mut dyn FnMut(&mut Proc, Vec<Term>) -> R<Go>) -> R<()> {
    let mut c: Cursor = Box::new(Zip {
        sources: Term::list(sources),
        cursors: None,
        mode: ZipMode::List,
        fun: Term::NIL,
        over: false,
    });
    drive(p, &mut c, &mut |p, row| f(p, row.list_to_vec().unwrap_or_default()))
}

fn open_stream(p: &mut Proc, t: &Term) -> R<Cursor> {
    let source = t.map_get(Atom::new("enum")).cloned().unwrap_or(Term::EmptyList);
    let ops = t
        .map_get(Atom::new("funs"))
        .and_then(Term::list_to_vec)
        .unwrap_or_default();
    let mut c = match source.as_tuple() {
        Some([tag, kind, args @ ..]) if *tag == Term::atom(GEN) => open_generator(&name_of(kind), args),
        _ => open(p, &source)?,
    };
    for o in ops {
        let Some([name, args @ ..]) = o.as_tuple() else {
            continue;
        };
        let kind = match (&*name_of(name), args) {
            ("map", [f]) => Kind::Map(f.clone()),
            ("filter", [f]) => Kind::Filter(f.clone(), true),
            ("reject", [f]) => Kind::Filter(f.clone(), false),
            ("each", [f]) => Kind::Each(f.clone()),
            ("filter_map", [f, m]) => Kind::FilterMap(f.clone(), m.clone()),
            ("take", [n]) => Kind::Take(n.as_int().unwrap_or(0)),
            ("drop", [n]) => Kind::Drop(n.as_int().unwrap_or(0)),
            ("drop_last", [n]) => Kind::DropLast(VecDeque::new(), n.as_int().unwrap_or(0).unsigned_abs() as usize),
            ("take_while", [f]) => Kind::TakeWhile(f.clone()),
            ("drop_while", [f]) => Kind::DropWhile(f.clone(), true),
            ("with_index", [n]) => Kind::WithIndex(n.clone()),
            ("dedup_by", [f]) => Kind::Dedup(f.clone(), None),
            ("uniq_by", [f]) => Kind::Uniq(f.clone(), BTreeSet::new()),
            ("scan2", [f]) => Kind::Scan(f.clone(), None),
            ("scan3", [acc, f]) => Kind::Scan(f.clone(), Some(acc.clone())),
            ("take_every", [n]) => Kind::Every(n.as_int().unwrap_or(1), None, Every::Take),
            ("drop_every", [n]) => Kind::Every(n.as_int().unwrap_or(1), None, Every::Drop),
            ("map_every", [n, f]) => Kind::Every(n.as_int().unwrap_or(1), None, Every::Map(f.clone())),
            (name, args) => match chunker(name, args) {
                Some(c) => Kind::Chunk(c),
                None => continue,
            },
        };
        c = Box::new(Op {
            up: c,
            kind,
            over: false,
        });
    }
    Ok(c)
}

/// An `%IO.Stream{}`: one read of input per element.
struct IoStreamPull(Term);

impl Pull for IoStreamPull {
    fn next(&mut self, p: &mut Proc) -> R<Option<Term>> {
        super::io_read::stream_next(p, &self.0)
    }
}

struct ListPull {
    rest: Term,
    whole: Term,
}

impl Pull for ListPull {
    fn next(&mut self, _p: &mut Proc) -> R<Option<Term>> {
        match std::mem::replace(&mut self.rest, Term::EmptyList) {
            Term::Cons(c) => {
                self.rest = c.tail.clone();
                Ok(Some(c.head.clone()))
            }
            Term::EmptyList => Ok(None),
            _ => protocol_undefined("Enumerable", &self.whole),
        }
    }
}

struct RangePull {
    next: i64,
    left: i64,
    step: i64,
}

impl Pull for RangePull {
    fn next(&mut self, p: &mut Proc) -> R<Option<Term>> {
        if self.left <= 0 {
            return Ok(None);
        }
        if self.left % 4096 == 0 {
            p.check_interrupt()?;
        }
        let x = self.next;
        self.left -= 1;
        self.next = x.wrapping_add(self.step);
        Ok(Some(Term::Int(x)))
    }
}

struct VecPull(std::vec::IntoIter<Term>);

impl Pull for VecPull {
    fn next(&mut self, _p: &mut Proc) -> R<Option<Term>> {
        Ok(self.0.next())
    }
}

/// The two elements of `{a, b}`.
fn pair(t: &Term) -> Option<(&Term, &Term)> {
    match t.as_tuple() {
        Some([a, b]) => Some((a, b)),
        _ => None,
    }
}

/// Whether `t` is the atom `name`.
fn is_atom(t: &Term, name: &str) -> bool {
    t.as_atom().is_some_and(|a| &*a.name() == name)
}

// ---------------------------------------------------------------------------
// Ops

enum Every {
    Take,
    Drop,
    Map(Term),
}

/// How a chunking op gathers elements: `chunk_every`, `chunk_by` and
/// `chunk_while` (Elixir builds the first two on the last).
enum Chunker {
    Every {
        count: usize,
        step: usize,
        leftover: Term,
        buf: VecDeque<Term>,
    },
    By {
        fun: Term,
        cur: Option<(Vec<Term>, Term)>,
    },
    While {
        acc: Term,
        fun: Term,
        after: Term,
    },
}

/// The chunker of a chunking op: `chunk_every` (count, step, leftover),
/// `chunk_by` (fun) or `chunk_while` (acc, chunk fun, after fun).
fn chunker(name: &str, args: &[Term]) -> Option<Chunker> {
    Some(match (name, args) {
        ("chunk_every", [count, step, leftover]) => Chunker::Every {
            count: count.as_int()?.max(1) as usize,
            step: step.as_int()?.max(1) as usize,
            leftover: leftover.clone(),
            buf: VecDeque::new(),
        },
        ("chunk_by", [f]) => Chunker::By {
            fun: f.clone(),
            cur: None,
        },
        ("chunk_while", [acc, f, after]) => Chunker::While {
            acc: acc.clone(),
            fun: f.clone(),
            after: after.clone(),
        },
        _ => return None,
    })
}

/// The chunks of an enumerable as a list: `Enum.chunk_every/4`,
/// `chunk_by/2` and `chunk_while/4`, which Elixir builds on the same
/// reducers as `Stream`'s (`name` and `args` as [`chunker`] takes them).
pub fn chunk_list(p: &mut Proc, t: &Term, name: &str, args: &[Term]) -> R<Term> {
    let Some(c) = chunker(name, args) else {
        return Ok(Term::EmptyList);
    };
    let mut c: Cursor = Box::new(Op {
        up: open(p, t)?,
        kind: Kind::Chunk(c),
        over: false,
    });
    let mut out = Vec::new();
    drive(p, &mut c, &mut |_, x| {
        out.push(x);
        Ok(true)
    })?;
    Ok(Term::list(out))
}

/// What a chunker does with an element.
enum Chunked {
    Emit(Term),
    Skip,
    Halt,
}

impl Chunker {
    fn push(&mut self, p: &mut Proc, x: Term) -> R<Chunked> {
        match self {
            Chunker::Every { count, step, buf, .. } => {
                buf.push_back(x);
                let n = buf.len();
                let emit = (n == *count).then(|| Term::list(buf.iter().cloned().collect::<Vec<_>>()));
                if n >= (*count).max(*step) {
                    buf.drain(..*step);
                }
                Ok(emit.map_or(Chunked::Skip, Chunked::Emit))
            }
            Chunker::By { fun, cur } => {
                let key = p.callback(fun, [x.clone()])?;
                match cur {
                    None => {
                        *cur = Some((vec![x], key));
                        Ok(Chunked::Skip)
                    }
                    Some((items, value)) if *value == key => {
                        items.push(x);
                        Ok(Chunked::Skip)
                    }
                    Some(_) => {
                        let (items, _) = cur.replace((vec![x], key)).expect("a chunk is open");
                        Ok(Chunked::Emit(Term::list(items)))
                    }
                }
            }
            Chunker::While { acc, fun, .. } => {
                let r = p.callback(fun, [x, acc.clone()])?;
                match r.as_tuple() {
                    Some([tag, emit, next]) if is_atom(tag, "cont") => {
                        *acc = next.clone();
                        Ok(Chunked::Emit(emit.clone()))
                    }
                    Some([tag, next]) if is_atom(tag, "cont") => {
                        *acc = next.clone();
                        Ok(Chunked::Skip)
                    }
                    Some([tag, next]) if is_atom(tag, "halt") => {
                        *acc = next.clone();
                        Ok(Chunked::Halt)
                    }
                    _ => ex::case_clause(r),
                }
            }
        }
    }

    /// The last chunk, when the elements have run out.
    fn finish(&mut self, p: &mut Proc) -> R<Option<Term>> {
        match self {
            Chunker::Every {
                count, leftover, buf, ..
            } => {
                let n = buf.len();
                if is_atom(leftover, "discard") || n == 0 || n >= *count {
                    return Ok(None);
                }
                let mut items: Vec<Term> = buf.drain(..).collect();
                let mut want = *count - n;
                if want > 0 {
                    each(p, leftover, &mut |_, x| {
                        items.push(x);
                        want -= 1;
                        Ok(want > 0)
                    })?;
                }
                Ok(Some(Term::list(items)))
            }
            Chunker::By { cur, .. } => Ok(cur.take().map(|(items, _)| Term::list(items))),
            Chunker::While { acc, after, .. } => {
                let r = p.callback(after, [acc.clone()])?;
                match r.as_tuple() {
                    Some([tag, emit, _]) if is_atom(tag, "cont") => Ok(Some(emit.clone())),
                    Some([tag, _]) if is_atom(tag, "cont") => Ok(None),
                    _ => ex::case_clause(r),
                }
            }
        }
    }
}

/// The per-run state of an op.
enum Kind {
    Map(Term),
    /// `filter` (`true`) or `reject`.
    Filter(Term, bool),
    Each(Term),
    FilterMap(Term, Term),
    Take(i64),
    Drop(i64),
    /// `drop` of a negative count: the last elements are held back.
    DropLast(VecDeque<Term>, usize),
    TakeWhile(Term),
    /// Its fun, and whether elements are still dropped.
    DropWhile(Term, bool),
    WithIndex(Term),
    /// Its key fun (`nil` for the element itself) and the last key.
    Dedup(Term, Option<Term>),
    Uniq(Term, BTreeSet<Term>),
    /// `scan`: its fun and the accumulator (none yet for `scan/2`).
    Scan(Term, Option<Term>),
    /// `take_every`/`drop_every`/`map_every`: every nth, and the position
    /// since the last one (none before the first element).
    Every(i64, Option<i64>, Every),
    Chunk(Chunker),
}

struct Op {
    up: Cursor,
    kind: Kind,
    over: bool,
}

fn key_of(p: &mut Proc, f: &Term, x: &Term) -> R<Term> {
    match f {
        Term::Fun(_) => p.apply(f, vec![x.clone()]),
        _ => Ok(x.clone()),
    }
}

impl Op {
    /// Ends before the source does: the cursors before this one are closed now.
    fn stop(&mut self, p: &mut Proc) -> R<Option<Term>> {
        self.over = true;
        self.up.close(p)?;
        Ok(None)
    }
}

impl Pull for Op {
    fn next(&mut self, p: &mut Proc) -> R<Option<Term>> {
        if self.over {
            return Ok(None);
        }
        loop {
            if let Kind::Take(0) = self.kind {
                return self.stop(p);
            }
            let Some(x) = self.up.next(p)? else {
                self.over = true;
                return match &mut self.kind {
                    Kind::Chunk(c) => c.finish(p),
                    _ => Ok(None),
                };
            };
            match &mut self.kind {
                Kind::Map(f) => return p.apply(f, vec![x]).map(Some),
                Kind::Filter(f, keep) => {
                    if p.apply(f, vec![x.clone()])?.is_truthy() == *keep {
                        return Ok(Some(x));
                    }
                }
                Kind::Each(f) => {
                    p.apply(f, vec![x.clone()])?;
                    return Ok(Some(x));
                }
                Kind::FilterMap(f, m) => {
                    if p.apply(f, vec![x.clone()])?.is_truthy() {
                        return p.apply(m, vec![x]).map(Some);
                    }
                }
                Kind::Take(left) => {
                    *left -= 1;
                    return Ok(Some(x));
                }
                Kind::Drop(left) => {
                    if *left > 0 {
                        *left -= 1;
                    } else {
                        return Ok(Some(x));
                    }
                }
                Kind::DropLast(held, n) => {
                    held.push_back(x);
                    if held.len() > *n {
                        return Ok(held.pop_front());
                    }
                }
                Kind::TakeWhile(f) => {
                    if p.apply(f, vec![x.clone()])?.is_truthy() {
                        return Ok(Some(x));
                    }
                    return self.stop(p);
                }
                Kind::DropWhile(f, dropping) => {
                    if !(*dropping && p.apply(f, vec![x.clone()])?.is_truthy()) {
                        *dropping = false;
                        return Ok(Some(x));
                    }
                }
                Kind::WithIndex(n) => {
                    let i = std::mem::replace(n, Term::NIL);
                    *n = op2(Op2::Add, &i, &Term::Int(1))?;
                    return Ok(Some(Term::tuple(vec![x, i])));
                }
                Kind::Dedup(f, last) => {
                    let key = key_of(p, f, &x)?;
                    if last.as_ref() != Some(&key) {
                        *last = Some(key);
                        return Ok(Some(x));
                    }
                }
                Kind::Uniq(f, seen) => {
                    let key = key_of(p, f, &x)?;
                    if seen.insert(key) {
                        return Ok(Some(x));
                    }
                }
                Kind::Scan(f, acc) => {
                    let value = match acc.take() {
                        None => x,
                        Some(a) => p.apply(f, vec![x, a])?,
                    };
                    *acc = Some(value.clone());
                    return Ok(Some(value));
                }
                Kind::Every(nth, cur, what) => {
                    let hit = cur.is_none_or(|c| c == *nth);
                    *cur = Some(if hit { 1 } else { cur.unwrap_or(0) + 1 });
                    match (what, hit) {
                        (Every::Take, true) | (Every::Drop, false) | (Every::Map(_), false) => return Ok(Some(x)),
                        (Every::Map(f), true) => return p.apply(f, vec![x]).map(Some),
                        _ => {}
                    }
                }
                Kind::Chunk(c) => match c.push(p, x)? {
                    Chunked::Emit(chunk) => return Ok(Some(chunk)),
                    Chunked::Skip => {}
                    Chunked::Halt => {
                        self.over = true;
                        self.up.close(p)?;
                        return c.finish(p);
                    }
                },
            }
        }
    }

    fn close(&mut self, p: &mut Proc) -> R<()> {
        if self.over {
            return Ok(());
        }
        self.over = true;
        self.up.close(p)
    }
}

// ---------------------------------------------------------------------------
// Generators

fn open_generator(kind: &str, args: &[Term]) -> Cursor {
    match (kind, args) {
        ("iterate", [start, fun]) => Box::new(Iterate {
            last: None,
            start: Some(start.clone()),
            fun: fun.clone(),
        }),
        ("repeatedly", [fun]) => Box::new(Repeatedly(fun.clone())),
        ("unfold", [acc, fun]) => Box::new(Unfold {
            acc: Some(acc.clone()),
            fun: fun.clone(),
        }),
        ("duplicate", [value, n]) => Box::new(Duplicate {
            value: value.clone(),
            left: n.as_int().unwrap_or(0),
        }),
        ("interval", [n]) => Box::new(Interval {
            ms: n.as_int().map(|n| n as u64),
            count: 0,
        }),
        ("cycle", [items]) => Box::new(Cycle {
            source: items.clone(),
            cur: None,
            first: true,
            yielded: false,
        }),
        ("query_decoder", [query, encoding]) => Box::new(QueryDecoder {
            query: query.clone(),
            at: 0,
            encoding: encoding.clone(),
        }),
        ("splitter", [string, pattern, trim]) => Box::new(Splitter {
            args: vec![string.clone(), pattern.clone(), trim.clone()],
            parts: None,
        }),
        ("take_last", [source, n]) => Box::new(TakeLast {
            source: source.clone(),
            keep: n.as_int().unwrap_or(0).unsigned_abs() as usize,
            items: None,
        }),
        ("concat", [parts]) => Transform::cursor(parts.clone(), Start::Acc(Term::NIL), Reducer::Concat, None, None),
        ("flat_map", [source, f]) => Transform::cursor(
            source.clone(),
            Start::Acc(Term::NIL),
            Reducer::FlatMap(f.clone()),
            None,
            None,
        ),
        ("intersperse", [source, sep]) => Transform::cursor(
            source.clone(),
            Start::Acc(Term::FALSE),
            Reducer::Intersperse(sep.clone()),
            None,
            None,
        ),
        ("transform3", [source, acc, f]) => Transform::cursor(
            source.clone(),
            Start::Acc(acc.clone()),
            Reducer::User(f.clone()),
            None,
            None,
        ),
        ("transform4", [source, start, f, after]) => Transform::cursor(
            source.clone(),
            Start::Fun(start.clone()),
            Reducer::User(f.clone()),
            None,
            Some(after.clone()),
        ),
        ("transform5", [source, start, f, last, after]) => Transform::cursor(
            source.clone(),
            Start::Fun(start.clone()),
            Reducer::User(f.clone()),
            Some(last.clone()),
            Some(after.clone()),
        ),
        ("resource", [start, next, after]) => Box::new(Resource {
            start: start.clone(),
            next: next.clone(),
            after: after.clone(),
            acc: None,
            started: false,
            inner: None,
            over: false,
        }),
        ("zip", [sources, mode, fun, _]) => Box::new(Zip {
            sources: sources.clone(),
            cursors: None,
            mode: match &*name_of(mode) {
                "tuple" => ZipMode::Tuple,
                "pair" => ZipMode::Pair,
                _ => ZipMode::List,
            },
            fun: fun.clone(),
            over: false,
        }),
        ("into", [source, collectable, f]) => Box::new(Into {
            source: source.clone(),
            up: None,
            into: collectable.clone(),
            acc: Term::NIL,
            fun: f.clone(),
        }),
        _ => Box::new(VecPull(Vec::new().into_iter())),
    }
}

struct Iterate {
    last: Option<Term>,
    start: Option<Term>,
    fun: Term,
}

impl Pull for Iterate {
    fn next(&mut self, p: &mut Proc) -> R<Option<Term>> {
        p.check_interrupt()?;
        let x = match (self.start.take(), self.last.take()) {
            (Some(s), _) => s,
            (None, Some(prev)) => p.apply(&self.fun, vec![prev])?,
            (None, None) => return Ok(None),
        };
        self.last = Some(x.clone());
        Ok(Some(x))
    }
}

struct Repeatedly(Term);

impl Pull for Repeatedly {
    fn next(&mut self, p: &mut Proc) -> R<Option<Term>> {
        p.check_interrupt()?;
        p.apply(&self.0, vec![]).map(Some)
    }
}

struct Unfold {
    acc: Option<Term>,
    fun: Term,
}

impl Pull for Unfold {
    fn next(&mut self, p: &mut Proc) -> R<Option<Term>> {
        p.check_interrupt()?;
        let Some(acc) = self.acc.take() else { return Ok(None) };
        let r = p.apply(&self.fun, vec![acc])?;
        match pair(&r) {
            Some((x, next)) => {
                self.acc = Some(next.clone());
                Ok(Some(x.clone()))
            }
            None if r == Term::NIL => Ok(None),
            None => ex::case_clause(r),
        }
    }
}

struct Duplicate {
    value: Term,
    left: i64,
}

impl Pull for Duplicate {
    fn next(&mut self, p: &mut Proc) -> R<Option<Term>> {
        p.check_interrupt()?;
        if self.left <= 0 {
            return Ok(None);
        }
        self.left -= 1;
        Ok(Some(self.value.clone()))
    }
}

/// `Stream.interval/1`: sleeps before each element, as Elixir's does.
struct Interval {
    ms: Option<u64>,
    count: i64,
}

impl Pull for Interval {
    fn next(&mut self, p: &mut Proc) -> R<Option<Term>> {
        p.sleep(self.ms)?;
        self.count += 1;
        Ok(Some(Term::Int(self.count - 1)))
    }
}

/// `Stream.cycle/1`: the source enumerated again each time it ends. Only
/// the first round is checked for being empty, as in Elixir.
struct Cycle {
    source: Term,
    cur: Option<Cursor>,
    first: bool,
    yielded: bool,
}

impl Pull for Cycle {
    fn next(&mut self, p: &mut Proc) -> R<Option<Term>> {
        loop {
            p.check_interrupt()?;
            let c = match &mut self.cur {
                Some(c) => c,
                None => self.cur.insert(open(p, &self.source)?),
            };
            if let Some(x) = c.next(p)? {
                self.yielded = true;
                return Ok(Some(x));
            }
            self.cur = None;
            if self.first && !self.yielded {
                return ex::argument_error("cannot cycle over an empty enumerable");
            }
            self.first = false;
        }
    }

    fn close(&mut self, p: &mut Proc) -> R<()> {
        match self.cur.take() {
            Some(mut c) => c.close(p),
            None => Ok(()),
        }
    }
}

struct QueryDecoder {
    query: Term,
    at: usize,
    encoding: Term,
}

impl Pull for QueryDecoder {
    fn next(&mut self, _p: &mut Proc) -> R<Option<Term>> {
        let Term::Bin(q) = &self.query else { return Ok(None) };
        let rest = &q[self.at.min(q.len())..];
        match super::uri::next_query_pair(rest, &self.encoding)? {
            Some((pair, next)) => {
                self.at = q.len() - next.len();
                Ok(Some(pair))
            }
            None => Ok(None),
        }
    }
}

/// `String.splitter/3`: the parts `String.split/3` gives (the string,
/// the pattern and whether to trim), split when first pulled.
struct Splitter {
    args: Vec<Term>,
    parts: Option<Cursor>,
}

impl Pull for Splitter {
    fn next(&mut self, p: &mut Proc) -> R<Option<Term>> {
        if self.parts.is_none() {
            let [string, pattern, trim] = &self.args[..] else {
                return Ok(None);
            };
            let opts = Term::list(vec![Term::tuple(vec![Term::atom("trim"), trim.clone()])]);
            let mut args = vec![string.clone(), pattern.clone(), opts];
            let parts = match super::lookup(Atom::new("Elixir.String"), Atom::new("split"), 3) {
                Some(split) => split(p, &mut args)?,
                None => Term::EmptyList,
            };
            self.parts = Some(open(p, &parts)?);
        }
        match self.parts.as_mut() {
            Some(c) => c.next(p),
            None => Ok(None),
        }
    }
}

/// `take` of a negative count: the last elements, found when it runs.
struct TakeLast {
    source: Term,
    keep: usize,
    items: Option<std::vec::IntoIter<Term>>,
}

impl Pull for TakeLast {
    fn next(&mut self, p: &mut Proc) -> R<Option<Term>> {
        if self.items.is_none() {
            let v = to_vec(p, &self.source)?;
            let skip = v.len().saturating_sub(self.keep);
            self.items = Some(v.into_iter().skip(skip).collect::<Vec<_>>().into_iter());
        }
        Ok(self.items.as_mut().and_then(Iterator::next))
    }
}

/// How a transform's accumulator starts: a value, or a fun called when
/// the enumeration starts.
enum Start {
    Acc(Term),
    Fun(Term),
}

/// What a transform does with each element: the user's reducer, or one
/// Elixir builds on `transform` (`flat_map`, `concat`, `intersperse`).
enum Reducer {
    User(Term),
    FlatMap(Term),
    Concat,
    Intersperse(Term),
}

#[derive(PartialEq)]
enum Phase {
    Unstarted,
    Running,
    Last,
    Done,
}

/// `Stream.transform/3,4,5` and what Elixir builds on it.
struct Transform {
    source: Term,
    up: Option<Cursor>,
    start: Start,
    acc: Term,
    reducer: Reducer,
    last: Option<Term>,
    after: Option<Term>,
    inner: Option<Cursor>,
    phase: Phase,
}

impl Transform {
    fn cursor(source: Term, start: Start, reducer: Reducer, last: Option<Term>, after: Option<Term>) -> Cursor {
        Box::new(Transform {
            source,
            up: None,
            start,
            acc: Term::NIL,
            reducer,
            last,
            after,
            inner: None,
            phase: Phase::Unstarted,
        })
    }

    fn run_after(&mut self, p: &mut Proc) -> R<()> {
        self.phase = Phase::Done;
        match self.after.take() {
            Some(f) => p.apply(&f, vec![self.acc.clone()]).map(drop),
            None => Ok(()),
        }
    }

    fn close_up(&mut self, p: &mut Proc) -> R<()> {
        match self.up.as_mut() {
            Some(up) => up.close(p),
            None => Ok(()),
        }
    }

    /// Takes a reducer's (or the last fun's) result: elements to give, or a halt.
    fn accept(&mut self, p: &mut Proc, r: Term) -> R<()> {
        let Some((items, acc)) = pair(&r) else {
            // Elixir matches the result outside its cleanup: nothing more runs.
            self.phase = Phase::Done;
            self.after = None;
            self.up = None;
            return ex::case_clause(r);
        };
        self.acc = acc.clone();
        if is_atom(items, "halt") {
            self.close_up(p)?;
            return self.run_after(p);
        }
        if !matches!(items, Term::EmptyList) {
            self.inner = Some(open(p, items)?);
        }
        Ok(())
    }
}

impl Pull for Transform {
    fn next(&mut self, p: &mut Proc) -> R<Option<Term>> {
        loop {
            if let Some(inner) = self.inner.as_mut() {
                if let Some(x) = inner.next(p)? {
                    return Ok(Some(x));
                }
                self.inner = None;
            }
            match self.phase {
                Phase::Unstarted => {
                    self.acc = match &self.start {
                        Start::Acc(a) => a.clone(),
                        Start::Fun(f) => p.apply(&f.clone(), vec![])?,
                    };
                    self.phase = Phase::Running;
                    self.up = Some(open(p, &self.source)?);
                }
                Phase::Running => {
                    let x = match self.up.as_mut() {
                        Some(up) => up.next(p)?,
                        None => None,
                    };
                    let Some(x) = x else {
                        self.phase = Phase::Last;
                        if let Some(f) = self.last.clone() {
                            let r = p.apply(&f, vec![self.acc.clone()])?;
                            self.accept(p, r)?;
                        }
                        continue;
                    };
                    let r = match &self.reducer {
                        Reducer::User(f) => p.apply(&f.clone(), vec![x, self.acc.clone()])?,
                        Reducer::FlatMap(f) => Term::tuple(vec![p.apply(&f.clone(), vec![x])?, Term::NIL]),
                        Reducer::Concat => Term::tuple(vec![x, Term::NIL]),
                        Reducer::Intersperse(sep) => {
                            let items = match self.acc.is_truthy() {
                                true => vec![sep.clone(), x],
                                false => vec![x],
                            };
                            Term::tuple(vec![Term::list(items), Term::TRUE])
                        }
                    };
                    self.accept(p, r)?;
                }
                Phase::Last => {
                    self.run_after(p)?;
                    return Ok(None);
                }
                Phase::Done => return Ok(None),
            }
        }
    }

    fn close(&mut self, p: &mut Proc) -> R<()> {
        if self.phase == Phase::Done {
            return Ok(());
        }
        if self.phase == Phase::Unstarted {
            if let Start::Fun(f) = &self.start {
                self.acc = p.apply(&f.clone(), vec![])?;
            }
            self.phase = Phase::Running;
            self.up = Some(open(p, &self.source)?);
        }
        if let Some(mut inner) = self.inner.take() {
            inner.close(p)?;
        }
        self.close_up(p)?;
        self.run_after(p)
    }
}

/// `Stream.resource/3`.
struct Resource {
    start: Term,
    next: Term,
    after: Term,
    acc: Option<Term>,
    started: bool,
    inner: Option<Cursor>,
    over: bool,
}

impl Resource {
    fn begin(&mut self, p: &mut Proc) -> R<Term> {
        self.started = true;
        p.apply(&self.start, vec![])
    }
}

impl Pull for Resource {
    fn next(&mut self, p: &mut Proc) -> R<Option<Term>> {
        if self.over {
            return Ok(None);
        }
        loop {
            p.check_interrupt()?;
            if let Some(inner) = self.inner.as_mut() {
                if let Some(x) = inner.next(p)? {
                    return Ok(Some(x));
                }
                self.inner = None;
            }
            let acc = match self.acc.take() {
                Some(a) => a,
                None => self.begin(p)?,
            };
            self.acc = Some(acc.clone());
            let r = p.apply(&self.next, vec![acc])?;
            let Some((items, acc)) = pair(&r) else {
                // Elixir matches the result outside its cleanup.
                self.over = true;
                return ex::raise("TryClauseError", vec![("term", r)]);
            };
            self.acc = Some(acc.clone());
            if is_atom(items, "halt") {
                self.over = true;
                p.apply(&self.after, vec![acc.clone()])?;
                return Ok(None);
            }
            if !matches!(items, Term::EmptyList) {
                self.inner = Some(open(p, items)?);
            }
        }
    }

    fn close(&mut self, p: &mut Proc) -> R<()> {
        if self.over {
            return Ok(());
        }
        self.over = true;
        let acc = match self.acc.clone() {
            Some(acc) => acc,
            None if !self.started => self.begin(p)?,
            None => return Ok(()),
        };
        if let Some(mut inner) = self.inner.take() {
            inner.close(p)?;
        }
        p.apply(&self.after, vec![acc]).map(drop)
    }
}

/// What a zip makes of a row: a tuple (`zip`), the zip fun called with the
/// row as a list (`zip_with/2`) or with its two elements (`zip_with/3`).
enum ZipMode {
    Tuple,
    List,
    Pair,
}

struct Zip {
    sources: Term,
    cursors: Option<Vec<(Term, Option<Cursor>)>>,
    mode: ZipMode,
    fun: Term,
    over: bool,
}

impl Pull for Zip {
    fn next(&mut self, p: &mut Proc) -> R<Option<Term>> {
        if self.over {
            return Ok(None);
        }
        p.check_interrupt()?;
        if self.cursors.is_none() {
            let sources = to_vec(p, &self.sources)?;
            self.cursors = Some(sources.into_iter().map(|s| (s, None)).collect());
        }
        let n = self.cursors.as_ref().map_or(0, Vec::len);
        // Elixir zips an empty list of lists forever, an empty enumerable not at all.
        if n == 0 && !self.sources.is_list() {
            self.over = true;
            return Ok(None);
        }
        let mut row = Vec::with_capacity(n);
        for i in 0..n {
            p.check_interrupt()?;
            let (source, c) = &mut self.cursors.as_mut().expect("opened above")[i];
            let c = match c {
                Some(c) => c,
                None => c.insert(open(p, source)?),
            };
            match c.next(p)? {
                Some(x) => row.push(x),
                None => {
                    // It has ended: it is not closed again.
                    if let Some(cs) = self.cursors.as_mut() {
                        cs.remove(i);
                    }
                    self.close(p)?;
                    return Ok(None);
                }
            }
        }
        let x = match self.mode {
            ZipMode::Tuple => Term::tuple(row),
            ZipMode::List if matches!(self.fun, Term::Fun(_)) => p.apply(&self.fun, vec![Term::list(row)])?,
            ZipMode::List => Term::list(row),
            ZipMode::Pair => p.apply(&self.fun, row)?,
        };
        Ok(Some(x))
    }

    fn close(&mut self, p: &mut Proc) -> R<()> {
        if self.over {
            return Ok(());
        }
        self.over = true;
        if self.cursors.is_none() {
            let sources = to_vec(p, &self.sources)?;
            self.cursors = Some(sources.into_iter().map(|s| (s, None)).collect());
        }
        // One not opened yet is opened to be closed, as Elixir halts it.
        for (source, c) in self.cursors.iter_mut().flatten() {
            let mut c = match c.take() {
                Some(c) => c,
                None => open(p, source)?,
            };
            c.close(p)?;
        }
        Ok(())
    }
}

/// `Stream.into/3`: gives the source's elements on, putting each (through
/// the fun) into the collectable as it passes.
struct Into {
    source: Term,
    up: Option<Cursor>,
    into: Term,
    acc: Term,
    fun: Term,
}

impl Pull for Into {
    fn next(&mut self, p: &mut Proc) -> R<Option<Term>> {
        if self.up.is_none() {
            let c = &self.into;
            let collectable = match c {
                Term::EmptyList | Term::Cons(_) | Term::Bin(_) | Term::Bits(_) => true,
                Term::Map(_) => c.struct_name().is_none() || mapset_items(c).is_some(),
                _ => false,
            };
            if !collectable {
                return protocol_undefined("Collectable", c);
            }
            self.acc = match c {
                Term::Bin(_) | Term::Bits(_) => Term::list(vec![c.clone()]),
                _ => c.clone(),
            };
            self.up = Some(open(p, &self.source)?);
        }
        let Some(x) = self.up.as_mut().expect("opened above").next(p)? else {
            return Ok(None);
        };
        let y = match &self.fun {
            Term::Fun(_) => p.apply(&self.fun, vec![x.clone()])?,
            _ => x.clone(),
        };
        let cont = |y: &Term| Term::tuple(vec![Term::atom("cont"), y.clone()]);
        match &self.into {
            Term::Bin(_) | Term::Bits(_) => {
                let ok = match &self.into {
                    Term::Bin(_) => matches!(y, Term::Bin(_)),
                    _ => y.as_bitstring().is_some(),
                };
                if !ok {
                    let args = vec![self.acc.clone(), cont(&y)];
                    return ex::function_clause(
                        Atom::new("Elixir.Collectable.BitString"),
                        Atom::new("-into/1-fun-0-"),
                        args,
                    );
                }
                self.acc = Term::cons(std::mem::replace(&mut self.acc, Term::NIL), y);
            }
            Term::Map(_) if self.into.struct_name().is_none() => match (pair(&y), &mut self.acc) {
                (Some((k, v)), Term::Map(m)) => {
                    std::sync::Arc::make_mut(m).insert(k.clone(), v.clone());
                }
                _ => {
                    let args = vec![self.acc.clone(), cont(&y)];
                    return ex::function_clause(Atom::new("Elixir.Collectable.Map"), Atom::new("-into/1-fun-0-"), args);
                }
            },
            _ => {}
        }
        Ok(Some(x))
    }

    fn close(&mut self, p: &mut Proc) -> R<()> {
        match self.up.as_mut() {
            Some(up) => up.close(p),
            None => Ok(()),
        }
    }
}

// ---------------------------------------------------------------------------
// The `Stream` module

fn stream_mod() -> Atom {
    Atom::new("Elixir.Stream")
}

fn no_clause<T>(name: &str, args: &[Term]) -> R<T> {
    ex::function_clause(stream_mod(), Atom::new(name), args.to_vec())
}

fn is_timer(t: &Term) -> bool {
    matches!(t, Term::Int(n) if *n >= 0) || matches!(t, Term::Atom(Atom::INFINITY))
}

fn chunk_every(a: &[Term], leftover: Term) -> R<Term> {
    match (&a[1], &a[2]) {
        (Term::Int(c), Term::Int(s)) if *c > 0 && *s > 0 => Ok(lazy(
            &a[0],
            op("chunk_every", vec![a[1].clone(), a[2].clone(), leftover]),
        )),
        _ => no_clause("chunk_every", &[a[0].clone(), a[1].clone(), a[2].clone(), leftover]),
    }
}

/// The deprecated `Stream.chunk/2,3,4`: leftover elements are discarded
/// unless a padding is given (`chunk/3` gives `nil`, which is not enumerable).
fn chunk(a: &[Term], leftover: Term) -> R<Term> {
    match (&a[1], &a[2]) {
        (Term::Int(c), Term::Int(s)) if *c > 0 && *s > 0 => Ok(lazy(
            &a[0],
            op("chunk_every", vec![a[1].clone(), a[2].clone(), leftover]),
        )),
        _ => no_clause("chunk", a),
    }
}

/// A zip of the enumerables in `sources`; `three` when Elixir's
/// `zip_with/3` makes it (as `zip/2` does), which has its own fun for two lists.
fn zip_stream(sources: Term, mode: &str, fun: Term, three: bool) -> Term {
    let all_lists = sources.list_to_vec().is_some_and(|v| v.iter().all(Term::is_list));
    let shown = match (three, all_lists) {
        (true, true) => 74,
        (false, true) => 72,
        _ => 73,
    };
    generator("zip", vec![sources, Term::atom(mode), fun, Term::Int(shown)])
}

pub fn register(r: &mut Registry) {
    // The ops taking one fun of one argument.
    for name in [
        "map",
        "filter",
        "reject",
        "each",
        "take_while",
        "drop_while",
        "dedup_by",
        "uniq_by",
        "flat_map",
        "chunk_by",
    ] {
        let f: crate::stdlib::Native = match name {
            "map" => |_, a| fun1_op("map", a),
            "filter" => |_, a| fun1_op("filter", a),
            "reject" => |_, a| fun1_op("reject", a),
            "each" => |_, a| fun1_op("each", a),
            "take_while" => |_, a| fun1_op("take_while", a),
            "drop_while" => |_, a| fun1_op("drop_while", a),
            "dedup_by" => |_, a| fun1_op("dedup_by", a),
            "uniq_by" => |_, a| fun1_op("uniq_by", a),
            "chunk_by" => |_, a| fun1_op("chunk_by", a),
            _ => |_, a| match is_fun(&a[1], 1) {
                true => Ok(generator("flat_map", std::mem::take(a))),
                false => no_clause("flat_map", a),
            },
        };
        r.add("Stream", name, 2, f);
    }
    r.add("Stream", "dedup", 1, |_, a| {
        Ok(lazy(&a[0], op("dedup_by", vec![Term::NIL])))
    });
    r.add("Stream", "uniq", 1, |_, a| {
        Ok(lazy(&a[0], op("uniq_by", vec![Term::NIL])))
    });
    r.add("Stream", "uniq", 2, |_, a| fun1_op("uniq_by", a));
    r.add("Stream", "filter_map", 3, |_, a| {
        Ok(lazy(&a[0], op("filter_map", vec![a[1].clone(), a[2].clone()])))
    });
    r.add("Stream", "take", 2, |_, a| match a[1] {
        Term::Int(0) => Ok(stream_struct(Term::EmptyList, vec![], false)),
        Term::Int(_) if matches!(a[0], Term::EmptyList) => Ok(stream_struct(Term::EmptyList, vec![], false)),
        Term::Int(n) if n > 0 => Ok(lazy(&a[0], op("take", vec![a[1].clone()]))),
        Term::Int(_) => Ok(generator("take_last", std::mem::take(a))),
        _ => no_clause("take", a),
    });
    r.add("Stream", "drop", 2, |_, a| match a[1] {
        Term::Int(n) if n >= 0 => Ok(lazy(&a[0], op("drop", vec![a[1].clone()]))),
        Term::Int(_) => Ok(lazy(&a[0], op("drop_last", vec![a[1].clone()]))),
        _ => no_clause("drop", a),
    });
    r.add("Stream", "take_every", 2, |_, a| match a[1] {
        Term::Int(0) => Ok(stream_struct(Term::EmptyList, vec![], false)),
        Term::Int(n) if n > 0 && matches!(a[0], Term::EmptyList) => Ok(stream_struct(Term::EmptyList, vec![], false)),
        Term::Int(n) if n > 0 => Ok(lazy(&a[0], op("take_every", vec![a[1].clone()]))),
        _ => no_clause("take_every", a),
    });
    r.add("Stream", "drop_every", 2, |_, a| match a[1] {
        Term::Int(0) => Ok(stream_struct(a[0].clone(), vec![], false)),
        _ if matches!(a[0], Term::EmptyList) => Ok(stream_struct(Term::EmptyList, vec![], false)),
        Term::Int(n) if n > 0 => Ok(lazy(&a[0], op("drop_every", vec![a[1].clone()]))),
        _ => no_clause("drop_every", a),
    });
    r.add("Stream", "map_every", 3, |_, a| match a[1] {
        Term::Int(n) if n >= 0 && is_fun(&a[2], 1) => Ok(match n {
            1 => lazy(&a[0], op("map", vec![a[2].clone()])),
            0 => stream_struct(a[0].clone(), vec![], false),
            _ if matches!(a[0], Term::EmptyList) => stream_struct(Term::EmptyList, vec![], false),
            _ => lazy(&a[0], op("map_every", vec![a[1].clone(), a[2].clone()])),
        }),
        _ => no_clause("map_every", a),
    });
    r.add("Stream", "with_index", 1, |_, a| {
        Ok(lazy(&a[0], op("with_index", vec![Term::Int(0)])))
    });
    r.add("Stream", "with_index", 2, |_, a| match a[1] {
        Term::Int(_) | Term::BigInt(_) => Ok(lazy(&a[0], op("with_index", vec![a[1].clone()]))),
        _ => no_clause("with_index", a),
    });
    r.add("Stream", "scan", 2, |_, a| match is_fun(&a[1], 2) {
        true => Ok(lazy(&a[0], op("scan2", vec![a[1].clone()]))),
        false => no_clause("scan", a),
    });
    r.add("Stream", "scan", 3, |_, a| match is_fun(&a[2], 2) {
        true => Ok(lazy(&a[0], op("scan3", vec![a[1].clone(), a[2].clone()]))),
        false => no_clause("scan", a),
    });
    r.add("Stream", "chunk_every", 2, |_, a| {
        let args = [a[0].clone(), a[1].clone(), a[1].clone()];
        chunk_every(&args, Term::EmptyList)
    });
    r.add("Stream", "chunk_every", 3, |_, a| chunk_every(a, Term::EmptyList));
    r.add("Stream", "chunk_every", 4, |_, a| chunk_every(a, a[3].clone()));
    r.add("Stream", "chunk", 2, |_, a| {
        let args = [a[0].clone(), a[1].clone(), a[1].clone(), Term::NIL];
        chunk(&args, Term::atom("discard"))
    });
    r.add("Stream", "chunk", 3, |_, a| {
        let args = [a[0].clone(), a[1].clone(), a[2].clone()];
        chunk_every(&args, Term::NIL)
    });
    r.add("Stream", "chunk", 4, |_, a| {
        let leftover = if a[3].is_truthy() {
            a[3].clone()
        } else {
            Term::atom("discard")
        };
        chunk(a, leftover)
    });
    r.add("Stream", "chunk_while", 4, |_, a| {
        match is_fun(&a[2], 2) && is_fun(&a[3], 1) {
            true => Ok(lazy(
                &a[0],
                op("chunk_while", vec![a[1].clone(), a[2].clone(), a[3].clone()]),
            )),
            false => no_clause("chunk_while", a),
        }
    });
    r.add("Stream", "intersperse", 2, |_, a| {
        Ok(generator("intersperse", std::mem::take(a)))
    });
    r.add("Stream", "transform", 3, |_, a| match is_fun(&a[2], 2) {
        true => Ok(generator("transform3", std::mem::take(a))),
        false => no_clause("transform", a),
    });
    r.add("Stream", "transform", 4, |_, a| {
        match is_fun(&a[1], 0) && is_fun(&a[2], 2) && is_fun(&a[3], 1) {
            true => Ok(generator("transform4", std::mem::take(a))),
            false => no_clause("transform", a),
        }
    });
    r.add("Stream", "transform", 5, |_, a| {
        match is_fun(&a[1], 0) && is_fun(&a[2], 2) && is_fun(&a[3], 1) && is_fun(&a[4], 1) {
            true => Ok(generator("transform5", std::mem::take(a))),
            false => no_clause("transform", a),
        }
    });
    r.add("Stream", "resource", 3, |_, a| {
        match is_fun(&a[0], 0) && is_fun(&a[1], 1) && is_fun(&a[2], 1) {
            true => Ok(generator("resource", std::mem::take(a))),
            false => no_clause("resource", a),
        }
    });
    r.add("Stream", "zip", 2, |_, a| {
        let (l, r) = (a[0].clone(), a[1].clone());
        Ok(zip_stream(Term::list(vec![l, r]), "tuple", Term::NIL, true))
    });
    r.add("Stream", "zip", 1, |_, a| {
        Ok(zip_stream(a[0].clone(), "tuple", Term::NIL, false))
    });
    r.add("Stream", "zip_with", 3, |_, a| match is_fun(&a[2], 2) {
        true => Ok(zip_stream(
            Term::list(vec![a[0].clone(), a[1].clone()]),
            "pair",
            a[2].clone(),
            true,
        )),
        false => no_clause("zip_with", a),
    });
    r.add("Stream", "zip_with", 2, |_, a| match is_fun(&a[1], 1) {
        true => Ok(zip_stream(a[0].clone(), "list", a[1].clone(), false)),
        false => no_clause("zip_with", a),
    });
    r.add("Stream", "into", 2, |_, a| {
        Ok(generator("into", vec![a[0].clone(), a[1].clone(), Term::NIL]))
    });
    r.add("Stream", "into", 3, |_, a| match is_fun(&a[2], 1) {
        true => Ok(generator("into", std::mem::take(a))),
        false => no_clause("into", a),
    });
    r.add("Stream", "interval", 1, |_, a| match is_timer(&a[0]) {
        true => Ok(generator("interval", std::mem::take(a))),
        false => no_clause("interval", a),
    });
    r.add("Stream", "timer", 1, |_, a| match is_timer(&a[0]) {
        true => Ok(lazy(
            &generator("interval", std::mem::take(a)),
            op("take", vec![Term::Int(1)]),
        )),
        false => no_clause("timer", a),
    });
    r.add("Stream", "duplicate", 2, |_, a| match a[1] {
        Term::Int(n) if n >= 0 => Ok(generator("duplicate", std::mem::take(a))),
        _ => no_clause("duplicate", a),
    });
    r.add("Stream", "iterate", 2, |_, a| match is_fun(&a[1], 1) {
        true => Ok(generator("iterate", std::mem::take(a))),
        false => no_clause("iterate", a),
    });
    r.add("Stream", "repeatedly", 1, |_, a| match is_fun(&a[0], 0) {
        true => Ok(generator("repeatedly", std::mem::take(a))),
        false => no_clause("repeatedly", a),
    });
    r.add("Stream", "cycle", 1, |_, a| match &a[0] {
        Term::EmptyList => ex::argument_error("cannot cycle over an empty enumerable"),
        _ => Ok(generator("cycle", std::mem::take(a))),
    });
    r.add("Stream", "unfold", 2, |_, a| match is_fun(&a[1], 1) {
        true => Ok(generator("unfold", std::mem::take(a))),
        false => no_clause("unfold", a),
    });
    r.add("Stream", "concat", 1, |_, a| Ok(generator("concat", std::mem::take(a))));
    r.add("Stream", "concat", 2, |_, a| {
        Ok(generator("concat", vec![Term::list(std::mem::take(a))]))
    });
    r.add("Stream", "run", 1, |p, a| {
        each(p, &a[0], &mut |_, _| Ok(true))?;
        Ok(Term::OK)
    });
}

/// An op taking the enumerable and one fun of one argument.
fn fun1_op(name: &str, a: &[Term]) -> R<Term> {
    match is_fun(&a[1], 1) {
        true => Ok(lazy(&a[0], op(name, vec![a[1].clone()]))),
        false => no_clause(name, a),
    }
}
