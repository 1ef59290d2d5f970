//! The process runtime: the process table, mailboxes, and quiescence.
//!
//! Each Elixir process is an OS thread ([`spawn`]) with a [`Process`] record
//! shared through an `Arc`: its mailbox is a mutex-guarded queue that any
//! thread can snapshot (`Process.info(pid, :messages)`), plus a one-slot
//! crossbeam channel used as a doorbell to wake the owner.
//!
//! **Invariants:** the runnable count equals the number of live processes
//! not blocked in `receive` (or sleeping); it is changed only under the
//! blocked process's mailbox lock, by the process itself when it blocks and
//! by the sender that wakes it, so [`wait_idle`] never sees a false zero.
//! Only terms cross threads.

pub mod input;
pub mod io;
pub mod mailbox;
mod pool;
pub mod timer;

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, LazyLock, Mutex, RwLock};
use std::time::{Duration, Instant};

use crate::term::{Atom, Pid, Ref, Term};

pub use mailbox::Mailbox;

/// A live process as the rest of the runtime sees it.
pub struct Process {
    pub pid: Pid,
    pub mailbox: Mailbox,
    /// Set to make the process stop at its next check (Ctrl+C in the shell, `:kill`).
    pub interrupt: AtomicBool,
    /// The exit reason a signal asked for, when `interrupt` is set by one.
    pub kill_reason: std::sync::Mutex<Option<Term>>,
    /// Linked processes.
    pub links: std::sync::Mutex<Vec<Pid>>,
    /// Who monitors this process, with which reference, and by which
    /// registered name when the monitor named it (`Process.monitor(:name)`).
    pub monitored_by: std::sync::Mutex<Vec<(Ref, Pid, Option<Atom>)>>,
    /// `Process.flag(:trap_exit, true)`: exit signals arrive as `{:EXIT, pid, reason}`.
    pub trap_exit: AtomicBool,
    /// The last exit signal that told this process to die (not Ctrl+C); the
    /// shell reads it to know it was killed.
    pub signal: std::sync::Mutex<Option<Term>>,
    /// How many references this process has made (see [`make_ref_in`]).
    refs: AtomicU64,
    /// Set once the process has exited (signals to it are dropped).
    pub dead: AtomicBool,
    /// Its stack while it waits in a call to a GenServer, which OTP's
    /// logger prints when the server dies of the call.
    pub calling: std::sync::Mutex<Option<Term>>,
}

impl Process {
    fn new(pid: Pid) -> Process {
        Process {
            pid,
            mailbox: Mailbox::new(),
            interrupt: AtomicBool::new(false),
            kill_reason: std::sync::Mutex::new(None),
            links: Default::default(),
            monitored_by: Default::default(),
            trap_exit: AtomicBool::new(false),
            signal: std::sync::Mutex::new(None),
            refs: AtomicU64::new(0),
            dead: AtomicBool::new(false),
            calling: std::sync::Mutex::new(None),
        }
    }
}

fn locked<T>(m: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

struct Runtime {
    procs: RwLock<HashMap<Pid, Arc<Process>>>,
    next_pid: AtomicU64,
    next_ref: AtomicU64,
    runnable: AtomicUsize,
    live: AtomicUsize,
    cap: AtomicUsize,
    registry: RwLock<HashMap<Atom, Pid>>,
}

static RT: LazyLock<Runtime> = LazyLock::new(|| Runtime {
    procs: RwLock::new(HashMap::new()),
    next_pid: AtomicU64::new(FIRST_PID),
    next_ref: AtomicU64::new(1),
    runnable: AtomicUsize::new(0),
    live: AtomicUsize::new(0),
    cap: AtomicUsize::new(10_000),
    registry: RwLock::new(HashMap::new()),
});

/// The first pid handed out before [`number_pids_as`] chooses a layout.
pub const FIRST_PID: u64 = 100;

/// Where the pids of a script or an iex session fall: Elixir's own
/// processes take numbers between the user's, in the same places on every
/// run, and leaving the same gaps makes the pids iexr prints the ones
/// Elixir prints (for what both start the same processes for).
#[derive(Clone, Copy)]
pub struct PidLayout {
    /// The pid of the script's process or of the shell.
    root: u64,
    /// How many pids Elixir's start-up takes after the root's.
    after_root: u64,
    /// How many pids defining a module takes (its compiler's processes).
    per_module: u64,
    /// How many more the first module takes.
    first_module: u64,
    /// How many pids each input to the shell takes before it runs.
    per_input: u64,
    /// How many pids each file required before the shell starts takes
    /// (`iex -r FILE`), and each module it defines.
    per_required_file: u64,
    per_required_module: u64,
}

/// `elixir script.exs`: the script runs as `#PID<0.96.0>` and its first
/// `spawn` is `#PID<0.99.0>`; each module defined takes three (the first
/// one four).
pub const SCRIPT_PIDS: PidLayout = PidLayout {
    root: 96,
    after_root: 2,
    per_module: 3,
    first_module: 1,
    per_input: 0,
    per_required_file: 0,
    per_required_module: 0,
};

/// iex reading piped input: the shell is `#PID<0.106.0>`, each input
/// takes one pid and a module defined at the prompt seven.
pub const SHELL_PIDS: PidLayout = PidLayout {
    root: 106,
    after_root: 0,
    per_module: 7,
    first_module: 0,
    per_input: 1,
    per_required_file: 2,
    per_required_module: 3,
};

/// iex at a terminal: as piped, but the terminal's own processes come
/// first and the shell is `#PID<0.108.0>`.
pub const TERMINAL_SHELL_PIDS: PidLayout = PidLayout {
    root: 108,
    ..SHELL_PIDS
};

static LAYOUT: Mutex<Option<(PidLayout, bool)>> = Mutex::new(None);

/// While set, nothing leaves a gap (the required files a shell loads
/// before its first prompt, whose gaps come before the shell's pid).
static GAPS_PAUSED: AtomicBool = AtomicBool::new(false);

/// Numbers the pids from now on as `layout` says; called before the root
/// process (the script's or the shell's) is made. The first layout chosen
/// stays. Pids are never reused: when some were handed out already,
/// numbering goes on from there.
pub fn number_pids_as(layout: PidLayout) {
    let mut g = locked(&LAYOUT);
    if g.is_none() {
        *g = Some((layout, false));
        let _ = RT
            .next_pid
            .compare_exchange(FIRST_PID, layout.root, Ordering::SeqCst, Ordering::SeqCst);
    }
}

/// Leaves, before the shell's pid, the gaps of the files it is to load
/// first: `iex -r` compiles them before the shell starts.
pub fn files_required(files: usize, modules: usize) {
    pid_gap(|l, _| l.per_required_file * files as u64 + l.per_required_module * modules as u64);
}

/// Runs `f` (loading required files into a started shell) leaving no gaps:
/// [`files_required`] left them.
pub fn without_pid_gaps<T>(f: impl FnOnce() -> T) -> T {
    GAPS_PAUSED.store(true, Ordering::SeqCst);
    let r = f();
    GAPS_PAUSED.store(false, Ordering::SeqCst);
    r
}

/// Leaves the gap after the root process's pid.
pub fn root_made() {
    pid_gap(|l, _| l.after_root);
}

/// Leaves the gap a module definition leaves.
pub fn module_defined() {
    pid_gap(|l, modules_seen| {
        let first = !std::mem::replace(modules_seen, true);
        l.per_module + if first { l.first_module } else { 0 }
    });
}

/// Leaves the gap an input to the shell leaves.
pub fn input_begins() {
    pid_gap(|l, _| l.per_input);
}

fn pid_gap(n: impl FnOnce(&PidLayout, &mut bool) -> u64) {
    if GAPS_PAUSED.load(Ordering::SeqCst) {
        return;
    }
    if let Some((l, modules_seen)) = locked(&LAYOUT).as_mut() {
        RT.next_pid.fetch_add(n(l, modules_seen), Ordering::SeqCst);
    }
}

/// Stack size of a process thread; `stacker` grows it for deep recursion.
const STACK_SIZE: usize = 512 * 1024;

/// Sets the cap on live processes (default 10,000).
pub fn set_process_cap(n: usize) {
    RT.cap.store(n, Ordering::Relaxed);
}

/// A reference made outside any process.
pub fn make_ref() -> Ref {
    Ref(RT.next_ref.fetch_add(1, Ordering::Relaxed))
}

/// A reference made by `owner`: its pid and its own count, so the references a
/// process makes are the same on every run, however other processes interleave.
pub fn make_ref_in(owner: &Process) -> Ref {
    let n = owner.refs.fetch_add(1, Ordering::Relaxed);
    if n >= 1 << 24 {
        return make_ref();
    }
    Ref(1 << 49 | owner.pid.0 << 24 | n)
}

/// The process record of a live pid.
pub fn lookup(pid: Pid) -> Option<Arc<Process>> {
    RT.procs.read().unwrap_or_else(|e| e.into_inner()).get(&pid).cloned()
}

pub fn is_alive(pid: Pid) -> bool {
    lookup(pid).is_some()
}

/// All live pids, oldest first.
pub fn pids() -> Vec<Pid> {
    let mut v: Vec<Pid> = RT
        .procs
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .keys()
        .copied()
        .collect();
    v.sort();
    v
}

pub(crate) fn runnable_inc() {
    RT.runnable.fetch_add(1, Ordering::SeqCst);
}

pub(crate) fn runnable_dec() {
    RT.runnable.fetch_sub(1, Ordering::SeqCst);
}

/// How many processes can still make progress without a new message.
pub fn runnable() -> usize {
    RT.runnable.load(Ordering::SeqCst)
}

/// Waits until every process is blocked (or `limit` passes); true when idle.
pub fn wait_idle(limit: Duration) -> bool {
    let deadline = Instant::now() + limit;
    let mut pause = Duration::from_micros(20);
    loop {
        if runnable() == 0 {
            return true;
        }
        if Instant::now() >= deadline {
            return false;
        }
        std::thread::sleep(pause);
        pause = (pause * 2).min(Duration::from_millis(2));
    }
}

/// Registers a new process record (runnable) without starting a thread:
/// used for the shell and the script's main process, which run on threads of their own.
pub fn new_process() -> Result<Arc<Process>, SpawnError> {
    let cap = RT.cap.load(Ordering::Relaxed);
    if RT.live.fetch_add(1, Ordering::SeqCst) >= cap {
        RT.live.fetch_sub(1, Ordering::SeqCst);
        return Err(SpawnError::Limit);
    }
    let pid = Pid(RT.next_pid.fetch_add(1, Ordering::Relaxed));
    let p = Arc::new(Process::new(pid));
    RT.procs
        .write()
        .unwrap_or_else(|e| e.into_inner())
        .insert(pid, p.clone());
    runnable_inc();
    Ok(p)
}

/// Why a process could not be started.
#[derive(Debug, thiserror::Error)]
pub enum SpawnError {
    #[error("too many processes")]
    Limit,
    #[error("the system could not start a thread")]
    Thread,
}

/// A process record that is not in the table and never counted: for
/// evaluating pure code (an exception's `message/1`) outside any process.
pub fn detached_process() -> Arc<Process> {
    Arc::new(Process::new(Pid(0)))
}

/// Removes a finished process that exited normally (see [`exit_with`]).
pub fn exit(p: &Process) {
    exit_with(p, Term::Atom(Atom::NORMAL));
}

/// Removes a finished process: its ETS tables go to their heirs or are
/// deleted, its name is freed, its monitors get
/// `{:DOWN, ref, :process, pid, reason}` and its links an exit signal.
pub fn exit_with(p: &Process, reason: Term) {
    p.dead.store(true, Ordering::SeqCst);
    crate::stdlib::ets::owner_exited(p.pid);
    RT.procs.write().unwrap_or_else(|e| e.into_inner()).remove(&p.pid);
    // Links are signalled before monitors: a process that waits for the
    // `:DOWN` of a linked process it started has had the exit signal by then.
    let links = std::mem::take(&mut *locked(&p.links));
    for l in links {
        if let Some(other) = lookup(l) {
            locked(&other.links).retain(|x| *x != p.pid);
        }
        exit_signal(p.pid, l, reason.clone());
    }
    let monitors = std::mem::take(&mut *locked(&p.monitored_by));
    for (r, watcher, name) in monitors {
        send(watcher, down(r, monitored(p.pid, name), reason.clone()));
    }
    RT.registry
        .write()
        .unwrap_or_else(|e| e.into_inner())
        .retain(|_, v| *v != p.pid);
    p.mailbox.close();
    RT.live.fetch_sub(1, Ordering::SeqCst);
}

/// A registered process whose thread has not started yet: its spawner holds
/// it until the spawner blocks, exits or has run for a while, as the BEAM
/// runs a spawner on until it is scheduled out (see [`Unstarted::start`]).
pub struct Unstarted {
    p: Arc<Process>,
    body: Box<dyn FnOnce(Arc<Process>) + Send>,
}

impl Unstarted {
    pub fn pid(&self) -> Pid {
        self.p.pid
    }

    /// Starts the thread; if the system refuses one, the process exits.
    pub fn start(self) {
        let Unstarted { p, body } = self;
        let p2 = p.clone();
        if pool::run(Box::new(move || body(p2))).is_err() {
            exit_with(&p, Term::Atom(Atom::new("system_limit")));
            runnable_dec();
        }
    }
}

/// Registers a process that will run `body`, linked to `link_to` before it
/// runs; it is runnable (and in the table) at once, but runs only once started.
pub fn spawn_later(
    link_to: Option<Pid>,
    body: impl FnOnce(Arc<Process>) + Send + 'static,
) -> Result<Unstarted, SpawnError> {
    let p = new_process()?;
    if let Some(l) = link_to {
        link(p.pid, l);
    }
    Ok(Unstarted {
        p,
        body: Box::new(body),
    })
}

/// Delivers `msg` to `pid`'s mailbox; a message to a dead process is dropped, as in Erlang.
pub fn send(pid: Pid, msg: Term) {
    if let Some(p) = lookup(pid) {
        p.mailbox.push(msg);
    }
}

/// Asks a process to stop at its next check (Ctrl+C, `Process.exit(pid, :kill)`).
pub fn interrupt(p: &Process, reason: Option<Term>) {
    if let Some(r) = &reason {
        *p.signal.lock().unwrap_or_else(|e| e.into_inner()) = Some(r.clone());
    }
    *p.kill_reason.lock().unwrap_or_else(|e| e.into_inner()) = reason;
    p.interrupt.store(true, Ordering::SeqCst);
    p.mailbox.wake();
}

pub fn register(name: Atom, pid: Pid) -> bool {
    let mut r = RT.registry.write().unwrap_or_else(|e| e.into_inner());
    if r.contains_key(&name) || r.values().any(|p| *p == pid) || !is_alive(pid) {
        return false;
    }
    r.insert(name, pid);
    true
}

pub fn unregister(name: Atom) -> bool {
    RT.registry
        .write()
        .unwrap_or_else(|e| e.into_inner())
        .remove(&name)
        .is_some()
}

pub fn whereis(name: Atom) -> Option<Pid> {
    RT.registry
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .get(&name)
        .copied()
}

pub fn registered() -> Vec<Atom> {
    RT.registry
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .keys()
        .copied()
        .collect()
}

/// The registered name of a pid, if any.
pub fn name_of(pid: Pid) -> Option<Atom> {
    RT.registry
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .iter()
        .find(|(_, p)| **p == pid)
        .map(|(n, _)| *n)
}

/// Delivers an exit signal from `from` to `to`, by Erlang's rules: `:kill`
/// kills (reason `:killed`); a process trapping exits gets `{:EXIT, from,
/// reason}`; otherwise `:normal` is ignored and any other reason kills it.
pub fn exit_signal(from: Pid, to: Pid, reason: Term) {
    let Some(p) = lookup(to) else { return };
    if reason == Term::Atom(Atom::KILL) {
        interrupt(&p, Some(Term::Atom(Atom::KILLED)));
    } else if p.trap_exit.load(Ordering::SeqCst) {
        p.mailbox
            .push(Term::tuple(vec![Term::Atom(Atom::EXIT), Term::Pid(from), reason]));
    } else if reason != Term::Atom(Atom::NORMAL) || from == to {
        interrupt(&p, Some(reason));
    }
}

/// Links two processes; if `b` is dead, `a` gets a `:noproc` exit signal.
pub fn link(a: Pid, b: Pid) {
    if a == b {
        return;
    }
    match (lookup(a), lookup(b)) {
        (Some(pa), Some(pb)) => {
            let mut la = locked(&pa.links);
            if !la.contains(&b) {
                la.push(b);
            }
            drop(la);
            let mut lb = locked(&pb.links);
            if !lb.contains(&a) {
                lb.push(a);
            }
        }
        (Some(_), None) => exit_signal(b, a, Term::Atom(Atom::NOPROC)),
        _ => {}
    }
}

pub fn unlink(a: Pid, b: Pid) {
    if let Some(pa) = lookup(a) {
        locked(&pa.links).retain(|x| *x != b);
    }
    if let Some(pb) = lookup(b) {
        locked(&pb.links).retain(|x| *x != a);
    }
}

/// `{:DOWN, ref, :process, what, reason}`.
fn down(r: Ref, what: Term, reason: Term) -> Term {
    Term::tuple(vec![
        Term::Atom(Atom::DOWN),
        Term::Ref(r),
        Term::Atom(Atom::PROCESS),
        what,
        reason,
    ])
}

/// What a monitor names: the pid, or `{name, :nonode@nohost}` when it was
/// set up by registered name, as OTP names it.
fn monitored(pid: Pid, name: Option<Atom>) -> Term {
    match name {
        Some(n) => Term::tuple(vec![Term::Atom(n), Term::atom("nonode@nohost")]),
        None => Term::Pid(pid),
    }
}

/// `watcher` monitors `target`; a dead target gives `:noproc` at once.
pub fn monitor(watcher: &Process, target: Pid) -> Ref {
    monitor_as(watcher, Some(target), None)
}

/// `watcher` monitors `target`, found by its registered `name` when that is
/// given (`None` when no process has the name); one not alive gives
/// `:noproc` at once.
pub fn monitor_as(watcher: &Process, target: Option<Pid>, name: Option<Atom>) -> Ref {
    let r = make_ref_in(watcher);
    let watcher = watcher.pid;
    match target.and_then(lookup) {
        Some(t) if !t.dead.load(Ordering::SeqCst) => locked(&t.monitored_by).push((r, watcher, name)),
        _ => send(
            watcher,
            down(r, monitored(target.unwrap_or(Pid(0)), name), Term::Atom(Atom::NOPROC)),
        ),
    }
    r
}

/// Removes a monitor; true if it was active.
pub fn demonitor(r: Ref) -> bool {
    for p in RT.procs.read().unwrap_or_else(|e| e.into_inner()).values() {
        let mut m = locked(&p.monitored_by);
        if let Some(i) = m.iter().position(|(x, ..)| *x == r) {
            m.remove(i);
            return true;
        }
    }
    false
}

/// Whether the monitor `r` is active; `target` is where to look first (the
/// monitored process, when known).
pub fn monitor_active(r: Ref, target: Pid) -> bool {
    if let Some(t) = lookup(target)
        && locked(&t.monitored_by).iter().any(|(x, ..)| *x == r)
    {
        return true;
    }
    RT.procs
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .values()
        .any(|p| locked(&p.monitored_by).iter().any(|(x, ..)| *x == r))
}

/// The pids linked to a process.
pub fn links_of(pid: Pid) -> Vec<Pid> {
    lookup(pid).map(|p| locked(&p.links).clone()).unwrap_or_default()
}

/// What a process monitors: pids, or `{name, node}` for a monitor set up
/// by registered name.
pub fn monitors_of(pid: Pid) -> Vec<Term> {
    let mut out = Vec::new();
    for p in RT.procs.read().unwrap_or_else(|e| e.into_inner()).values() {
        for (_, w, name) in locked(&p.monitored_by).iter() {
            if *w == pid {
                out.push(monitored(p.pid, *name));
            }
        }
    }
    out
}
