//! A process's mailbox: selective, inspectable, and the place where a
//! process blocks and is woken.
//!
//! Messages from other processes arrive in `arrived` and move into `queue`
//! when the owner *fetches* them: at every `receive`, at every IO request it
//! makes, and (for the shell) before each input — as on the BEAM, where a
//! process's own `Process.info(self(), :messages)` shows only what it has
//! fetched, while other processes see both parts.
//!
//! **Invariant:** `waiting` is true exactly while the owner is blocked and
//! not counted as runnable; whoever flips it back (a sender, or the owner
//! on a timeout) adds the owner back to the runnable count, under the lock.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard};
use std::time::Instant;

use crossbeam_channel::{Receiver, Sender, bounded};

use crate::term::Term;

pub struct Mailbox {
    inner: Mutex<Inner>,
    /// How many messages wait in `arrived`; read without the lock while spinning.
    arrived_count: AtomicUsize,
    bell_tx: Sender<()>,
    bell_rx: Receiver<()>,
}

struct Inner {
    /// Fetched messages, in order.
    queue: VecDeque<Term>,
    /// Messages from other processes not fetched yet.
    arrived: VecDeque<Term>,
    waiting: bool,
    closed: bool,
}

impl Default for Mailbox {
    fn default() -> Self {
        Self::new()
    }
}

impl Mailbox {
    pub fn new() -> Mailbox {
        let (bell_tx, bell_rx) = bounded(1);
        Mailbox {
            arrived_count: AtomicUsize::new(0),
            inner: Mutex::new(Inner {
                queue: VecDeque::new(),
                arrived: VecDeque::new(),
                waiting: false,
                closed: false,
            }),
            bell_tx,
            bell_rx,
        }
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Appends a message from another process and wakes the owner if it is blocked.
    pub fn push(&self, msg: Term) {
        let mut g = self.lock();
        if g.closed {
            return;
        }
        g.arrived.push_back(msg);
        self.arrived_count.store(g.arrived.len(), Ordering::Release);
        Self::runnable_again(&mut g);
        drop(g);
        self.ring();
    }

    /// Wakes the owner with work to do that is not a message (a signal that
    /// ends it): it counts as runnable from now, not from when its thread runs.
    pub fn wake(&self) {
        Self::runnable_again(&mut self.lock());
        self.ring();
    }

    fn runnable_again(g: &mut Inner) {
        if g.waiting {
            g.waiting = false;
            super::runnable_inc();
        }
    }

    /// Appends a message the owner sent itself: it is fetched at once.
    pub fn push_self(&self, msg: Term) {
        let mut g = self.lock();
        self.fetch_locked(&mut g);
        g.queue.push_back(msg);
    }

    /// Moves the arrived messages into the queue.
    pub fn fetch(&self) {
        let mut g = self.lock();
        self.fetch_locked(&mut g);
    }

    fn fetch_locked(&self, g: &mut Inner) {
        if !g.arrived.is_empty() {
            let mut a = std::mem::take(&mut g.arrived);
            g.queue.append(&mut a);
            self.arrived_count.store(0, Ordering::Release);
        }
    }

    /// Spins briefly waiting for a message to arrive; true if one did.
    /// A reply to a request usually comes within microseconds, far sooner
    /// than a parked thread can be woken.
    pub fn spin_for_arrival(&self, rounds: u32) -> bool {
        for i in 0..rounds {
            if self.arrived_count.load(Ordering::Acquire) > 0 {
                return true;
            }
            if i % 64 == 63 {
                std::thread::yield_now();
            } else {
                std::hint::spin_loop();
            }
        }
        false
    }

    /// Wakes the owner (without a message: an interrupt).
    pub fn ring(&self) {
        let _ = self.bell_tx.try_send(());
    }

    /// A copy of the messages, oldest first: all of them, or (`fetched_only`,
    /// as the owner sees its own mailbox) only those it has fetched.
    pub fn snapshot(&self, fetched_only: bool) -> Vec<Term> {
        let g = self.lock();
        let mut v: Vec<Term> = g.queue.iter().cloned().collect();
        if !fetched_only {
            v.extend(g.arrived.iter().cloned());
        }
        v
    }

    /// How many messages there are (or, `fetched_only`, have been fetched).
    pub fn count(&self, fetched_only: bool) -> usize {
        let g = self.lock();
        g.queue.len() + if fetched_only { 0 } else { g.arrived.len() }
    }

    pub fn len(&self) -> usize {
        self.count(false)
    }

    /// Whether the owner is blocked waiting for a message.
    pub fn is_waiting(&self) -> bool {
        self.lock().waiting
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Removes and returns every queued message (`flush/0`).
    pub fn drain(&self) -> Vec<Term> {
        let mut g = self.lock();
        self.fetch_locked(&mut g);
        g.queue.drain(..).collect()
    }

    /// Scans messages from position `*from` for the first one `accept` takes,
    /// removes it and returns it with what `accept` said. When none matches,
    /// `*from` is set past the last message scanned, so the next scan
    /// (after new messages arrive) only looks at the new ones.
    pub fn take_first<T>(&self, from: &mut usize, mut accept: impl FnMut(&Term) -> Option<T>) -> Option<(Term, T)> {
        let mut g = self.lock();
        self.fetch_locked(&mut g);
        let mut i = *from;
        while i < g.queue.len() {
            if let Some(r) = accept(&g.queue[i]) {
                let msg = g.queue.remove(i)?;
                return Some((msg, r));
            }
            i += 1;
        }
        *from = i;
        None
    }

    /// Marks the owner blocked unless messages beyond `seen` arrived meanwhile.
    /// Returns whether it blocked.
    pub fn block(&self, seen: usize) -> bool {
        let mut g = self.lock();
        if g.queue.len() > seen || !g.arrived.is_empty() {
            return false;
        }
        g.waiting = true;
        super::runnable_dec();
        true
    }

    /// Marks the owner blocked whatever its messages (a sleep).
    pub fn park(&self) {
        self.lock().waiting = true;
        super::runnable_dec();
    }

    /// Marks the owner runnable again if no sender has already done so.
    pub fn unblock(&self) {
        Self::runnable_again(&mut self.lock());
    }

    /// Waits for the doorbell until `deadline` (forever when `None`). True if it rang.
    pub fn wait(&self, deadline: Option<Instant>) -> bool {
        match deadline {
            None => self.bell_rx.recv().is_ok(),
            Some(d) => self.bell_rx.recv_deadline(d).is_ok(),
        }
    }

    /// The doorbell itself, for a wait that selects on it with something
    /// else (a read of input that an interrupt or exit signal can end).
    pub fn bell(&self) -> &Receiver<()> {
        &self.bell_rx
    }

    /// Waits for the doorbell only (a sleep that an interrupt can end).
    pub fn wait_bell_only(&self, deadline: Option<Instant>) {
        self.wait(deadline);
    }

    /// Removes the messages `pred` selects (fetching first).
    pub fn remove_where(&self, mut pred: impl FnMut(&Term) -> bool) {
        let mut g = self.lock();
        self.fetch_locked(&mut g);
        g.queue.retain(|m| !pred(m));
    }

    /// Drops the queue and refuses further messages (the owner has exited).
    pub fn close(&self) {
        let mut g = self.lock();
        g.closed = true;
        let old = (std::mem::take(&mut g.queue), std::mem::take(&mut g.arrived));
        drop(g);
        drop(old);
    }
}
