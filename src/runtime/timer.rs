//! Timers: `Process.send_after/3`, `Process.cancel_timer/1` and `:timer`'s
//! `send_after`/`send_interval`, served by one thread that sleeps until the
//! earliest deadline.
//!
//! **Invariant:** a pending timer is not runnable work: the REPL does not
//! wait for timers to fire before printing a result.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Condvar, LazyLock, Mutex};
use std::time::{Duration, Instant};

use crate::term::{Pid, Ref, Term};

/// What a timer sends, to whom, and for an interval its period and the
/// process whose end stops it.
struct Pending {
    pid: Pid,
    msg: Term,
    every: Option<(Duration, Pid)>,
}

struct Timers {
    /// Deadline order: `(deadline, ref)` → what to send.
    queue: BTreeMap<(Instant, Ref), Pending>,
    deadlines: HashMap<Ref, Instant>,
    started: bool,
}

static TIMERS: LazyLock<(Mutex<Timers>, Condvar)> = LazyLock::new(|| {
    (
        Mutex::new(Timers {
            queue: BTreeMap::new(),
            deadlines: HashMap::new(),
            started: false,
        }),
        Condvar::new(),
    )
});

fn serve() {
    let (m, cv) = &*TIMERS;
    let mut t = m.lock().unwrap_or_else(|e| e.into_inner());
    loop {
        let now = Instant::now();
        let due: Vec<(Instant, Ref)> = t.queue.range(..(now, Ref(u64::MAX))).map(|(k, _)| *k).collect();
        for k in due {
            if let Some(p) = t.queue.remove(&k) {
                t.deadlines.remove(&k.1);
                match p.every {
                    // An interval ends with the process that started it.
                    Some((_, owner)) if !super::is_alive(owner) => {}
                    Some((period, _)) => {
                        let next = k.0 + period.max(Duration::from_millis(1));
                        super::send(p.pid, p.msg.clone());
                        t.deadlines.insert(k.1, next);
                        t.queue.insert((next, k.1), p);
                    }
                    None => super::send(p.pid, p.msg),
                }
            }
        }
        t = match t.queue.keys().next() {
            Some((d, _)) => {
                let wait = d.saturating_duration_since(Instant::now());
                cv.wait_timeout(t, wait).unwrap_or_else(|e| e.into_inner()).0
            }
            None => cv.wait(t).unwrap_or_else(|e| e.into_inner()),
        };
    }
}

/// Sends `msg` to `pid` after `ms` milliseconds; the reference cancels it.
pub fn send_after(owner: &super::Process, pid: Pid, msg: Term, ms: u64) -> Ref {
    start(owner, Pending { pid, msg, every: None }, ms)
}

/// Sends `msg` to `pid` every `ms` milliseconds while `owner` lives; the
/// reference cancels it.
pub fn send_interval(owner: &super::Process, pid: Pid, msg: Term, ms: u64) -> Ref {
    let every = Some((Duration::from_millis(ms), owner.pid));
    start(owner, Pending { pid, msg, every }, ms)
}

fn start(owner: &super::Process, p: Pending, ms: u64) -> Ref {
    let r = super::make_ref_in(owner);
    let deadline = Instant::now() + Duration::from_millis(ms);
    let (m, cv) = &*TIMERS;
    let mut t = m.lock().unwrap_or_else(|e| e.into_inner());
    if !t.started {
        t.started = true;
        let _ = std::thread::Builder::new().name("timers".into()).spawn(serve);
    }
    t.queue.insert((deadline, r), p);
    t.deadlines.insert(r, deadline);
    cv.notify_one();
    r
}

/// Cancels a timer: the milliseconds it had left, or `None` if it already fired.
pub fn cancel(r: Ref) -> Option<u64> {
    let (m, _) = &*TIMERS;
    let mut t = m.lock().unwrap_or_else(|e| e.into_inner());
    let d = t.deadlines.remove(&r)?;
    t.queue.remove(&(d, r));
    Some(d.saturating_duration_since(Instant::now()).as_millis() as u64)
}

/// Milliseconds left on a timer, if it is pending.
pub fn read(r: Ref) -> Option<u64> {
    let (m, _) = &*TIMERS;
    let t = m.lock().unwrap_or_else(|e| e.into_inner());
    t.deadlines
        .get(&r)
        .map(|d| d.saturating_duration_since(Instant::now()).as_millis() as u64)
}
