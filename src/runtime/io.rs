//! The IO server: the one place where process output reaches the outside.
//!
//! **Invariant:** every character a process prints goes through [`write`],
//! under one lock, so output from several processes is never interleaved
//! mid-write and appears in the order it was produced.

use std::io::Write;
use std::sync::{Arc, Mutex};

/// Where output goes.
pub enum Sink {
    /// The real stdout/stderr.
    Std,
    /// Collected in memory (replayed transcripts, tests); stderr too.
    Capture(Arc<Mutex<Vec<u8>>>),
    /// A line-editor's printer that draws above the prompt.
    Printer(Box<dyn FnMut(String) + Send>),
    /// Collected in memory, each write with the [`source`] that made it
    /// (`iexr check` matches each process's lines in their own order).
    Tagged(Arc<Mutex<Vec<(u64, String)>>>),
}

static SOURCES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

thread_local! {
    static SOURCE: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Marks the current thread as a new source of output (a process starting
/// on it); threads never marked (the shell, the front end) are source 0.
pub fn new_source() {
    let n = SOURCES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    SOURCE.with(|s| s.set(n));
}

/// The source of output of the current thread.
pub fn source() -> u64 {
    SOURCE.with(|s| s.get())
}

/// Which device a write is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Device {
    Stdout,
    Stderr,
}

static SINK: Mutex<Sink> = Mutex::new(Sink::Std);

/// Routes all further output to `sink`.
pub fn set_sink(sink: Sink) {
    *SINK.lock().unwrap_or_else(|e| e.into_inner()) = sink;
}

/// What was written to stdout since its last newline.
static PARTIAL: Mutex<String> = Mutex::new(String::new());

/// Takes what was written to stdout since its last newline: a line editor
/// that reads input after it shows it again before its own prompt.
pub fn take_partial_line() -> String {
    std::mem::take(&mut *PARTIAL.lock().unwrap_or_else(|e| e.into_inner()))
}

/// Writes `text` to a device.
pub fn write(device: Device, text: &str) {
    let mut s = SINK.lock().unwrap_or_else(|e| e.into_inner());
    if device == Device::Stdout && !text.is_empty() {
        let mut partial = PARTIAL.lock().unwrap_or_else(|e| e.into_inner());
        match text.rfind('\n') {
            Some(i) => *partial = text[i + 1..].to_string(),
            None => partial.push_str(text),
        }
        if partial.len() > 4096 {
            partial.clear();
        }
    }
    match &mut *s {
        Sink::Std => {
            let _ = match device {
                Device::Stdout => {
                    let mut o = std::io::stdout().lock();
                    o.write_all(text.as_bytes()).and_then(|_| o.flush())
                }
                Device::Stderr => std::io::stderr().lock().write_all(text.as_bytes()),
            };
        }
        Sink::Capture(buf) => buf
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .extend_from_slice(text.as_bytes()),
        Sink::Printer(p) => p(text.to_string()),
        Sink::Tagged(buf) => buf
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((source(), text.to_string())),
    }
}

pub fn out(text: &str) {
    write(Device::Stdout, text);
}

pub fn err(text: &str) {
    write(Device::Stderr, text);
}
