//! The evaluation of the compound forms: `receive`, maps and structs, `try`,
//! `with` and `for` (bitstrings are in `bitstring.rs`).

use std::time::{Duration, Instant};

use super::exception::{self as ex, Exc, R};
use super::exec::{Flow, Proc};
use super::ir::{Clause, For, ForStep, Node, Try, WithStep};
use crate::stdlib::enumerable;
use crate::term::{Atom, MapT, Term};

/// How long (in rounds) a `receive` may spin for a message before it parks its thread.
const MAX_SPIN: u32 = 4000;
/// Where spinning starts again after it stopped paying (every 64th block).
const MIN_SPIN: u32 = 64;

impl Proc {
    /// `receive`: scans the mailbox in arrival order for the first message a clause
    /// accepts, leaving the others in place; blocks (not runnable) until one arrives
    /// or the `after` timeout passes.
    pub(super) fn receive(
        &mut self,
        clauses: &[Clause],
        after: Option<&(Box<Node>, Box<Node>)>,
        f: &mut [Term],
    ) -> R<Flow> {
        let deadline: Option<Instant> = match after {
            None => None,
            Some((t, _)) => match self.eval(t, f)? {
                Term::Int(ms) if ms >= 0 => Some(Instant::now() + Duration::from_millis(ms as u64)),
                Term::Atom(Atom::INFINITY) => None,
                other => {
                    return ex::argument_error(format!(
                        "timeout value must be a non-negative integer or :infinity, got: {}",
                        crate::term::inspect::inspect_default(&other)
                    ));
                }
            },
        };
        let me = self.me.clone();
        let mut seen = 0usize;
        loop {
            self.check_interrupt()?;
            let found = me.mailbox.take_first(&mut seen, |m| {
                clauses.iter().position(|c| self.clause_matches_one(c, m, f))
            });
            if let Some((_, i)) = found {
                return self.eval_tail(&clauses[i].body, f);
            }
            let expired = deadline.is_some_and(|d| Instant::now() >= d);
            if expired {
                let (_, body) = after.expect("a deadline comes from an after clause");
                return self.eval_tail(body, f);
            }
            self.await_mail(&me, seen, deadline);
        }
    }

    /// A `receive` for the runtime's own protocols: takes the first message
    /// `accept` accepts, blocking until one arrives or `timeout_ms` passes
    /// (`None` then).
    pub fn receive_where<T>(
        &mut self,
        timeout_ms: Option<u64>,
        mut accept: impl FnMut(&Term) -> Option<T>,
    ) -> R<Option<(Term, T)>> {
        let deadline = timeout_ms.map(|ms| Instant::now() + Duration::from_millis(ms));
        let me = self.me.clone();
        let mut seen = 0usize;
        loop {
            self.check_interrupt()?;
            if let Some(found) = me.mailbox.take_first(&mut seen, &mut accept) {
                return Ok(Some(found));
            }
            if deadline.is_some_and(|d| Instant::now() >= d) {
                return Ok(None);
            }
            self.await_mail(&me, seen, deadline);
        }
    }

    /// Nothing to take: the process blocks (after spinning while that pays)
    /// until a message arrives past `seen` or `deadline` passes.
    fn await_mail(&mut self, me: &std::sync::Arc<crate::runtime::Process>, seen: usize, deadline: Option<Instant>) {
        // Nothing to take: this process would be scheduled out here.
        self.release_held();
        // Spin only while spinning pays: a process whose replies come back
        // within microseconds (request/reply) keeps spinning; one that
        // waits long (a ring, an idle server) soon parks at once.
        if self.spin > 0 {
            if me.mailbox.spin_for_arrival(self.spin) {
                self.spin = (self.spin * 2).min(MAX_SPIN);
                return;
            }
            self.spin /= 2;
        } else {
            self.spin_probe = self.spin_probe.wrapping_add(1);
            if self.spin_probe.is_multiple_of(64) {
                self.spin = MIN_SPIN;
            }
        }
        if me.mailbox.block(seen) {
            me.mailbox.wait(deadline);
            me.mailbox.unblock();
        }
    }

    fn clause_matches_one(&mut self, c: &Clause, m: &Term, f: &mut [Term]) -> bool {
        c.pats.len() == 1 && self.match_pat(&c.pats[0], m, f) && self.guard_ok(c.guard.as_ref(), f)
    }

    /// Blocks the process (not runnable) for `ms` milliseconds, or forever; Ctrl+C ends it.
    ///
    /// Past `ms` it waits, up to `ms` more, while other processes still have
    /// work: what a sleep lets them do (a supervisor restarting a child) takes
    /// microseconds on the BEAM, but a busy machine may not have run their
    /// threads yet, and a sleep should not make the outcome depend on that.
    pub fn sleep(&mut self, ms: Option<u64>) -> R<()> {
        let deadline = ms.map(|ms| Instant::now() + Duration::from_millis(ms));
        let grace = ms.map(|ms| Duration::from_millis(ms.min(1000)));
        self.release_held();
        let me = self.me.clone();
        loop {
            self.check_interrupt()?;
            if let (Some(d), Some(grace)) = (deadline, grace)
                && Instant::now() >= d
            {
                crate::runtime::runnable_dec();
                crate::runtime::wait_idle(grace);
                crate::runtime::runnable_inc();
                return Ok(());
            }
            // Parked as a blocked receive is, so a signal that ends the
            // sleep counts it runnable at once.
            me.mailbox.park();
            me.mailbox.wait_bell_only(deadline);
            me.mailbox.unblock();
        }
    }

    pub(super) fn eval_map(
        &mut self,
        base: Option<&Node>,
        pairs: &[(Node, Node)],
        update: bool,
        f: &mut [Term],
    ) -> R<Term> {
        let mut m = match base {
            None => MapT::new(),
            Some(b) => match self.eval(b, f)? {
                Term::Map(m) => (*m).clone(),
                other => return ex::badmap(other),
            },
        };
        let keys = update.then(|| m.clone());
        for (k, v) in pairs {
            let k = self.eval(k, f)?;
            let v = self.eval(v, f)?;
            if let Some(keys) = &keys
                && !keys.contains_key(&k)
            {
                // The BEAM's `{badkey, key}` does not tell the map.
                return ex::badkey(k, Term::NIL);
            }
            m.insert(k, v);
        }
        Ok(Term::map(m))
    }

    pub(super) fn eval_struct(
        &mut self,
        module: Atom,
        base: Option<&Node>,
        pairs: &[(Atom, Node)],
        f: &mut [Term],
    ) -> R<Term> {
        let mut m = match base {
            Some(b) => {
                let v = self.eval(b, f)?;
                if v.struct_name() != Some(module) {
                    return ex::raise("BadStructError", vec![("struct", Term::Atom(module)), ("term", v)]);
                }
                v.as_map().cloned().unwrap_or_default()
            }
            None => crate::stdlib::struct_default(module)?,
        };
        for (k, v) in pairs {
            let v = self.eval(v, f)?;
            let key = Term::Atom(*k);
            if !m.contains_key(&key) {
                return ex::badkey(key, Term::map(m));
            }
            m.insert(key, v);
        }
        Ok(Term::map(m))
    }

    pub(super) fn eval_try(&mut self, t: &Try, f: &mut [Term]) -> R<Term> {
        let r = match self.eval(&t.body, f) {
            Ok(v) if !t.else_.is_empty() => match self.select(&t.else_, std::slice::from_ref(&v), f) {
                Some(c) => self.eval(&c.body, f),
                None => ex::raise("TryClauseError", vec![("term", v)]),
            },
            Ok(v) => Ok(v),
            Err(e) if matches!(*e, Exc::Cancelled) => Err(e),
            Err(e) => self.handle(t, e, f),
        };
        if let Some(a) = &t.after {
            self.eval(a, f)?;
        }
        r
    }

    fn handle(&mut self, t: &Try, e: Box<Exc>, f: &mut [Term]) -> R<Term> {
        self.stacktrace = match &*e {
            Exc::Error(_, s) | Exc::Throw(_, s) | Exc::Exit(_, s) => self.full_stacktrace(s, t.top_line),
            Exc::Cancelled => Term::EmptyList,
        };
        if let Exc::Error(v, _) = &*e {
            let name = v.struct_name();
            for r in &t.rescue {
                if r.modules.is_empty() || name.is_some_and(|n| r.modules.contains(&n)) {
                    if let Some(s) = r.bind {
                        f[s] = v.clone();
                    }
                    return self.eval(&r.body, f);
                }
            }
        }
        let (kind, value) = match &*e {
            Exc::Error(v, _) => (Atom::ERROR, v.clone()),
            Exc::Throw(v, _) => (Atom::THROW, v.clone()),
            Exc::Exit(v, _) => (Atom::EXIT_KIND, v.clone()),
            Exc::Cancelled => return Err(e),
        };
        let args = [Term::Atom(kind), value];
        match self.select(&t.catch, &args, f) {
            Some(c) => self.eval(&c.body, f),
            None => Err(e),
        }
    }

    pub(super) fn eval_with(&mut self, steps: &[WithStep], body: &Node, elses: &[Clause], f: &mut [Term]) -> R<Flow> {
        for s in steps {
            match s {
                WithStep::Bare(n) => {
                    self.eval(n, f)?;
                }
                WithStep::Match { pat, guard, expr } => {
                    let v = self.eval(expr, f)?;
                    if !(self.match_pat(pat, &v, f) && self.guard_ok(guard.as_ref(), f)) {
                        if elses.is_empty() {
                            return Ok(Flow::Value(v));
                        }
                        return match self.select(elses, std::slice::from_ref(&v), f) {
                            Some(c) => self.eval_tail(&c.body, f),
                            None => ex::raise("WithClauseError", vec![("term", v)]),
                        };
                    }
                }
            }
        }
        self.eval_tail(body, f)
    }

    pub(super) fn eval_for(&mut self, fo: &For, f: &mut [Term]) -> R<Term> {
        let mut acc = match &fo.reduce {
            Some((init, _)) => Some(self.eval(init, f)?),
            None => None,
        };
        let mut out = Vec::new();
        self.for_steps(fo, 0, f, &mut out, &mut acc)?;
        if let Some(a) = acc {
            return Ok(a);
        }
        if fo.uniq {
            let mut seen = std::collections::BTreeSet::new();
            out.retain(|t| seen.insert(t.clone()));
        }
        match &fo.into {
            None => Ok(Term::list(out)),
            Some(n) => {
                let into = self.eval(n, f)?;
                enumerable::into(self, Term::list(out), into)
            }
        }
    }

    fn for_steps(&mut self, fo: &For, i: usize, f: &mut [Term], out: &mut Vec<Term>, acc: &mut Option<Term>) -> R<()> {
        let Some(step) = fo.steps.get(i) else {
            match (&fo.reduce, acc.take()) {
                (Some((_, clauses)), Some(a)) => match self.select(clauses, std::slice::from_ref(&a), f) {
                    Some(c) => *acc = Some(self.eval(&c.body, f)?),
                    None => return ex::function_clause(Atom::NIL, Atom::new("anonymous fn/1 in for reduce"), vec![a]),
                },
                _ => out.push(self.eval(&fo.body, f)?),
            }
            return Ok(());
        };
        match step {
            ForStep::Filter(n) => {
                if self.eval(n, f)?.is_truthy() {
                    self.for_steps(fo, i + 1, f, out, acc)?;
                }
            }
            ForStep::Gen {
                pat,
                guard,
                source,
                captured,
                index,
            } => {
                let src = self.eval(source, f)?;
                // Elixir runs a generator with `Enum.reduce/3`.
                let xs = enumerable::fold_vec(self, &src).map_err(crate::stdlib::frames::reduce_not_enumerable)?;
                for x in xs {
                    if self.match_pat(pat, &x, f) && self.guard_ok(guard.as_ref(), f) {
                        self.for_steps(fo, i + 1, f, out, acc)
                            .map_err(|e| generator_frames(e, fo, i == 0, *captured, *index, &src))?;
                    }
                }
            }
            ForStep::BinGen { segs, source } => {
                let src = self.eval(source, f)?;
                let Some(bits) = src.as_bitstring() else {
                    let reason = Term::tuple(vec![Term::atom("bad_generator"), src.clone()]);
                    return Err(Box::new(Exc::Error(ex::normalize_error(&reason), Box::default())));
                };
                // Each element that matches runs the rest; one that does not
                // is skipped by its size; the walk ends where none fits.
                let mut pos = 0;
                while pos < bits.len {
                    let rest = bits.sub(pos, bits.len - pos);
                    let step = match self.match_bits(segs, rest, f, false) {
                        Some((n, _)) => {
                            self.for_steps(fo, i + 1, f, out, acc)?;
                            n
                        }
                        None => match self.match_bits(segs, rest, f, true) {
                            Some((n, _)) => n,
                            None => break,
                        },
                    };
                    if step == 0 {
                        break;
                    }
                    pos += step;
                }
            }
        }
        Ok(())
    }
}

/// The frames Elixir's `for` leaves when the rest of a generator raises: the
/// closure made of the rest (unless a deeper generator's `Enum.reduce/3`, its
/// tail call, replaced it) and `Enum.reduce/3`'s own over the generator's
/// enumerable, recorded once where it repeats the one under it.
#[cold]
fn generator_frames(mut e: Box<Exc>, fo: &For, outermost: bool, captured: usize, index: u32, src: &Term) -> Box<Exc> {
    let Some(st) = e.stack_mut() else { return e };
    if st.complete {
        return e;
    }
    let replaced = st.take_tail_called();
    if fo.context == super::exec::SHELL_CONTEXT {
        // At the prompt erl_eval runs the closure: its frames stand for it.
        st.pending_line = 0;
        let erl_eval = Atom::new("erl_eval");
        for (name, arity, line) in [("do_apply", 7, 744), ("expr", 6, 282)]
            .into_iter()
            .filter(|_| !replaced)
        {
            let name = Atom::new(name);
            st.entries.push(std::sync::Arc::new(ex::StackEntry {
                file: "(stdlib 4.2) erl_eval.erl".into(),
                line,
                what: ex::format_mfa(erl_eval, name, arity),
                mfa: Some((erl_eval, name, arity)),
                args: None,
            }));
        }
    } else if !replaced {
        let arity = 2 + captured;
        let line = match std::mem::take(&mut st.pending_line) {
            0 => fo.line,
            l => l,
        };
        st.entries.push(std::sync::Arc::new(ex::StackEntry {
            file: fo.file.clone(),
            line,
            what: format!("anonymous fn/{arity} in {}", fo.context),
            mfa: super::exec::closure_mfa(&fo.context, index, arity),
            args: None,
        }));
    }
    for fr in crate::stdlib::frames::reduce_frames(src) {
        if !st
            .entries
            .last()
            .is_some_and(|l| l.what == fr.what && l.line == fr.line)
        {
            st.entries.push(fr.clone());
        }
    }
    // The next generator out called `Enum.reduce/3` last: this closure's
    // frame is gone. The outermost call is on the comprehension's line.
    st.tail_called = !outermost;
    if outermost {
        st.pending_line = fo.line;
    }
    e
}
