//! The input side of the IO server: what `IO.gets`, `IO.read`, `IO.getn`,
//! `IO.binread`, `IO.stream` and `:io.get_line` read, from whichever process.
//!
//! **Invariants:** reads are served one at a time, under one lock, so reads
//! from several processes are serialised as the group leader serialises
//! them on the BEAM; bytes read ahead stay in one buffer that every reader
//! (and the piped REPL, for its own input lines) takes from, so no input is
//! lost or read twice; a reader waiting for input is not runnable and an
//! interrupt or exit signal ends its wait.

use std::io::BufRead;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use crossbeam_channel::{Receiver, Sender, select, unbounded};

/// Where input comes from.
enum Source {
    /// Nothing to read: every read is at end of input (`iexr replay`, `iexr check`).
    Closed,
    /// The process's stdin, read a line at a time by a thread started at
    /// the first read (`None` until then).
    Stdin(Option<Receiver<Vec<u8>>>),
    /// Lines typed into the line editor, which the front end reads when asked.
    Editor(Sender<LineRequest>),
}

struct State {
    source: Source,
    /// Bytes read but not yet taken by a reader.
    pending: Vec<u8>,
    /// The source has ended (stdin closed).
    ended: bool,
}

static INPUT: Mutex<State> = Mutex::new(State {
    source: Source::Closed,
    pending: Vec::new(),
    ended: false,
});

fn state() -> std::sync::MutexGuard<'static, State> {
    INPUT.lock().unwrap_or_else(|e| e.into_inner())
}

/// Takes the input for one read. A process waits for the read before it
/// (which may wait for a line to be typed) as it waits for input: not
/// runnable, and an interrupt ends the wait.
fn lock(wait: Option<&Waiter>) -> Result<std::sync::MutexGuard<'static, State>, Interrupted> {
    let Some(w) = wait else { return Ok(state()) };
    match INPUT.try_lock() {
        Ok(g) => return Ok(g),
        Err(std::sync::TryLockError::Poisoned(e)) => return Ok(e.into_inner()),
        Err(std::sync::TryLockError::WouldBlock) => {}
    }
    super::runnable_dec();
    let r = loop {
        if (w.interrupted)() {
            break Err(Interrupted);
        }
        match INPUT.try_lock() {
            Ok(g) => break Ok(g),
            Err(std::sync::TryLockError::Poisoned(e)) => break Ok(e.into_inner()),
            Err(std::sync::TryLockError::WouldBlock) => std::thread::sleep(std::time::Duration::from_millis(2)),
        }
    };
    super::runnable_inc();
    r
}

/// A request to the line editor for one line, typed after `prompt`.
pub struct LineRequest {
    pub prompt: String,
    pub reply: Sender<Typed>,
    /// Set when the reader stopped waiting (it was interrupted or killed):
    /// the front end then skips the request.
    pub abandoned: Arc<AtomicBool>,
}

/// What the line editor read for a [`LineRequest`].
pub enum Typed {
    /// The line, without its newline.
    Line(String),
    /// Ctrl+D.
    Eof,
    /// Ctrl+C: the front end has interrupted the evaluation.
    Interrupted,
}

/// Reads nothing: every read is at end of input.
pub fn set_closed() {
    let mut s = state();
    *s = State {
        source: Source::Closed,
        pending: Vec::new(),
        ended: true,
    };
}

/// Reads the process's stdin.
pub fn set_stdin() {
    let mut s = state();
    *s = State {
        source: Source::Stdin(None),
        pending: Vec::new(),
        ended: false,
    };
}

/// Reads lines from the line editor; the front end serves the requests
/// that come out of the returned channel.
pub fn set_editor() -> Receiver<LineRequest> {
    let (tx, rx) = unbounded();
    let mut s = state();
    *s = State {
        source: Source::Editor(tx),
        pending: Vec::new(),
        ended: false,
    };
    rx
}

/// How a reader waits: the process's doorbell and interrupt flag.
pub struct Waiter<'a> {
    pub bell: &'a Receiver<()>,
    pub interrupted: &'a dyn Fn() -> bool,
}

/// The reader was interrupted (Ctrl+C, an exit signal) while it waited.
#[derive(Debug)]
pub struct Interrupted;

/// What a read asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Want {
    /// Up to and including the next newline (`get_line`).
    Line,
    /// This many characters (UTF-8 code points; a byte that is not part of
    /// one counts as one), across lines (`get_chars`).
    Chars(usize),
}

enum Fill {
    More,
    End,
}

fn stdin_thread() -> Receiver<Vec<u8>> {
    let (tx, rx) = unbounded();
    let spawned = std::thread::Builder::new().name("stdin".into()).spawn(move || {
        let stdin = std::io::stdin();
        let mut lock = stdin.lock();
        loop {
            let mut line = Vec::new();
            match lock.read_until(b'\n', &mut line) {
                Ok(0) | Err(_) => break,
                Ok(_) => {
                    if tx.send(line).is_err() {
                        break;
                    }
                }
            }
        }
    });
    if spawned.is_err() {
        // No thread: the receiver's sender is gone, which reads as end of input.
        let (_, rx) = unbounded();
        return rx;
    }
    rx
}

/// Gets more input into `s.pending`, writing `prompt` first if it has not
/// been written (the line editor shows it itself).
fn fill(s: &mut State, prompt: &mut Option<String>, wait: Option<&Waiter>) -> Result<Fill, Interrupted> {
    if s.ended {
        return Ok(Fill::End);
    }
    let rx = match &mut s.source {
        Source::Closed => {
            s.ended = true;
            return Ok(Fill::End);
        }
        Source::Stdin(rx) => rx.get_or_insert_with(stdin_thread).clone(),
        Source::Editor(tx) => {
            let (reply, answer) = unbounded();
            let abandoned = Arc::new(AtomicBool::new(false));
            let req = LineRequest {
                prompt: prompt.take().unwrap_or_default(),
                reply,
                abandoned: abandoned.clone(),
            };
            if tx.send(req).is_err() {
                return Ok(Fill::End);
            }
            let got = wait_on(&answer, wait);
            if got.is_err() {
                abandoned.store(true, Ordering::SeqCst);
            }
            return match got? {
                Some(Typed::Line(l)) => {
                    s.pending.extend_from_slice(l.as_bytes());
                    s.pending.push(b'\n');
                    Ok(Fill::More)
                }
                Some(Typed::Eof) | None => Ok(Fill::End),
                Some(Typed::Interrupted) => Err(Interrupted),
            };
        }
    };
    if let Some(p) = prompt.take() {
        super::io::out(&p);
    }
    match wait_on(&rx, wait)? {
        Some(bytes) => {
            s.pending.extend_from_slice(&bytes);
            Ok(Fill::More)
        }
        None => {
            s.ended = true;
            Ok(Fill::End)
        }
    }
}

/// Waits for what `rx` gives (`None` when its sender is gone); a reader
/// that is a process is not runnable meanwhile, and its interrupt ends the wait.
fn wait_on<T>(rx: &Receiver<T>, wait: Option<&Waiter>) -> Result<Option<T>, Interrupted> {
    let Some(w) = wait else {
        return Ok(rx.recv().ok());
    };
    if let Ok(x) = rx.try_recv() {
        return Ok(Some(x));
    }
    super::runnable_dec();
    let r = loop {
        if (w.interrupted)() {
            break Err(Interrupted);
        }
        select! {
            recv(rx) -> x => break Ok(x.ok()),
            recv(w.bell) -> _ => {}
        }
    };
    super::runnable_inc();
    r
}

/// The length in bytes of the first `n` characters of `b` (all of it if
/// shorter), and how many characters that is.
fn chars_len(b: &[u8], n: usize) -> (usize, usize) {
    let mut i = 0;
    let mut k = 0;
    while i < b.len() && k < n {
        let w = match b[i] {
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF7 => 4,
            _ => 1,
        };
        let w = if i + w <= b.len() && std::str::from_utf8(&b[i..i + w]).is_ok() {
            w
        } else {
            1
        };
        i += w;
        k += 1;
    }
    (i, k)
}

/// Reads what `want` asks for after writing `prompt`: `None` at end of
/// input. A line ending in `\r\n` comes as ending in `\n`, as Erlang's
/// line collection gives it. `wait` is the reading process's (`None` for
/// the front end itself, which cannot be interrupted).
pub fn read(prompt: &str, want: Want, wait: Option<&Waiter>) -> Result<Option<Vec<u8>>, Interrupted> {
    let mut s = lock(wait)?;
    let mut prompt = Some(prompt.to_string());
    // The line editor shows the prompt when it is asked for a line; else it is written now.
    if (!matches!(s.source, Source::Editor(_)) || !s.pending.is_empty() || s.ended)
        && let Some(p) = prompt.take()
    {
        super::io::out(&p);
    }
    loop {
        let ready = match want {
            Want::Line => s.pending.iter().position(|&b| b == b'\n').map(|i| i + 1),
            // No characters wanted: an empty answer once there is input.
            Want::Chars(0) => (!s.pending.is_empty()).then_some(0),
            Want::Chars(n) => match chars_len(&s.pending, n) {
                (len, k) if k == n => Some(len),
                _ => None,
            },
        };
        let ready = match ready {
            Some(len) => Some(len),
            None => match fill(&mut s, &mut prompt, wait)? {
                Fill::More if want == Want::Chars(0) => Some(0),
                Fill::More => continue,
                Fill::End if s.pending.is_empty() => None,
                Fill::End => Some(match want {
                    Want::Line => s.pending.len(),
                    Want::Chars(n) => chars_len(&s.pending, n).0,
                }),
            },
        };
        let Some(len) = ready else {
            if let Some(p) = prompt.take() {
                super::io::out(&p);
            }
            return Ok(None);
        };
        let mut got: Vec<u8> = s.pending.drain(..len).collect();
        // A line typed at the editor answers one read: what the read did
        // not take of it is dropped, as the terminal's line editing does.
        if matches!(s.source, Source::Editor(_)) {
            s.pending.clear();
        }
        if want == Want::Line && got.ends_with(b"\r\n") {
            got.truncate(got.len() - 2);
            got.push(b'\n');
        }
        return Ok(Some(got));
    }
}

/// The next line for the piped REPL's own input (without its newline), from
/// the same buffer processes read from: `None` at end of input.
pub fn frontend_line() -> Option<String> {
    let got = read("", Want::Line, None).ok()??;
    let mut line = String::from_utf8_lossy(&got).into_owned();
    if line.ends_with('\n') {
        line.pop();
        if line.ends_with('\r') {
            line.pop();
        }
    }
    Some(line)
}
