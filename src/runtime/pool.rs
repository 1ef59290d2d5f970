//! Threads for processes: a finished process's thread parks for a while and
//! runs the next spawned process, so a spawn usually costs a wake-up rather
//! than a thread creation.
//!
//! **Invariant:** `IDLE` counts parked threads not yet promised a job; a
//! spawner takes one from the count *before* sending its job, and a parked
//! thread only gives up (exits) if it can take itself out of the count, so a
//! job sent to the pool always finds a thread.

use std::sync::LazyLock;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use crossbeam_channel::{Receiver, Sender, unbounded};

type Job = Box<dyn FnOnce() + Send>;

static IDLE: AtomicUsize = AtomicUsize::new(0);
static JOBS: LazyLock<(Sender<Job>, Receiver<Job>)> = LazyLock::new(unbounded);

/// How long a thread waits for a new process before it exits.
const PARK: Duration = Duration::from_secs(5);

fn take_idle() -> bool {
    IDLE.fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
        .is_ok()
}

/// Runs `job` on a parked thread, or on a new one.
pub fn run(job: Job) -> Result<(), ()> {
    if take_idle() {
        return JOBS.0.send(job).map_err(|_| ());
    }
    std::thread::Builder::new()
        .name("iexr-process".into())
        .stack_size(super::STACK_SIZE)
        .spawn(move || worker(job))
        .map(|_| ())
        .map_err(|_| ())
}

fn worker(first: Job) {
    super::io::new_source();
    first();
    loop {
        IDLE.fetch_add(1, Ordering::SeqCst);
        let job = loop {
            match JOBS.1.recv_timeout(PARK) {
                Ok(job) => break job,
                // Leave only if no spawner has counted on this thread.
                Err(_) if take_idle() => return,
                Err(_) => continue,
            }
        };
        super::io::new_source();
        job();
    }
}
