//! Matching what an input printed against a transcript's expected block.
//!
//! **Invariants:** pids and references match up to one renaming per
//! transcript ([`Renaming`] is a bijection from written to actual ids); the
//! expected lines must be a merge of the actual lines of each source (the
//! shell, each process) that keeps every source's lines in their order;
//! logger timestamps and terminal colours never take part in a comparison.

use std::collections::{BTreeMap, HashSet};

/// Written ids (`#PID<…>`, `#Reference<…>`, `#Port<…>`) and the actual ids
/// they stand for.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Renaming {
    forward: BTreeMap<String, String>,
    backward: BTreeMap<String, String>,
}

impl Renaming {
    /// Records `written -> actual`; false if it contradicts an earlier pair.
    fn bind(&mut self, written: &str, actual: &str) -> bool {
        match (self.forward.get(written), self.backward.get(actual)) {
            (Some(a), _) => a == actual,
            (None, Some(_)) => false,
            (None, None) => {
                self.forward.insert(written.to_string(), actual.to_string());
                self.backward.insert(actual.to_string(), written.to_string());
                true
            }
        }
    }
}

/// A line with colours removed and a logger timestamp (`12:00:00.123 [error]`)
/// reduced to its level.
pub fn normalize(line: &str) -> String {
    let mut s = String::with_capacity(line.len());
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' && chars.peek() == Some(&'[') {
            chars.next();
            for d in chars.by_ref() {
                if d.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            s.push(c);
        }
    }
    let s = s.trim_end().to_string();
    let b = s.as_bytes();
    let is_stamp = b.len() > 14
        && b[2] == b':'
        && b[5] == b':'
        && b[8] == b'.'
        && b[12] == b' '
        && b[13] == b'['
        && [0, 1, 3, 4, 6, 7, 9, 10, 11].iter().all(|&i| b[i].is_ascii_digit());
    if is_stamp { s[13..].to_string() } else { s }
}

const ID_PREFIXES: [&str; 3] = ["#PID<", "#Reference<", "#Port<"];

/// Splits a line into literal text and ids: `(text, id)` pairs, the id empty
/// after the last text.
fn split_ids(line: &str) -> Vec<(&str, &str)> {
    let mut parts = vec![];
    let mut rest = line;
    loop {
        let next = ID_PREFIXES
            .iter()
            .filter_map(|p| rest.find(p))
            .min()
            .and_then(|start| rest[start..].find('>').map(|end| (start, start + end + 1)));
        match next {
            Some((start, end)) => {
                parts.push((&rest[..start], &rest[start..end]));
                rest = &rest[end..];
            }
            None => {
                parts.push((rest, ""));
                return parts;
            }
        }
    }
}

/// Whether `expected` matches `actual` under `ren`, extending it.
pub fn line_matches(expected: &str, actual: &str, ren: &mut Renaming) -> bool {
    if expected == actual {
        return true;
    }
    let (e, a) = (split_ids(expected), split_ids(actual));
    if e.len() != a.len() || e.iter().zip(&a).any(|(x, y)| x.0 != y.0) {
        return false;
    }
    let mut r = ren.clone();
    for ((_, we), (_, wa)) in e.iter().zip(&a) {
        let kind = |s: &str| s.split('<').next().unwrap_or("").to_string();
        if kind(we) != kind(wa) || !r.bind(we, wa) {
            return false;
        }
    }
    *ren = r;
    true
}

/// The most steps a merge search may take before giving up.
const STEP_LIMIT: usize = 200_000;

/// Whether `expected` is a merge of the per-source `actual` line sequences
/// (lines left over at the end must be blank); on success `ren` holds the
/// renaming that made it match.
pub fn merge_matches(expected: &[String], actual: &[Vec<String>], ren: &mut Renaming) -> bool {
    let mut search = Search {
        expected,
        actual,
        failed: HashSet::new(),
        steps: 0,
    };
    let mut pos = vec![0; actual.len()];
    match search.go(0, &mut pos, ren.clone()) {
        Some(r) => {
            *ren = r;
            true
        }
        None => false,
    }
}

struct Search<'a> {
    expected: &'a [String],
    actual: &'a [Vec<String>],
    failed: HashSet<(usize, Vec<usize>, Renaming)>,
    steps: usize,
}

impl Search<'_> {
    fn go(&mut self, i: usize, pos: &mut Vec<usize>, ren: Renaming) -> Option<Renaming> {
        self.steps += 1;
        if self.steps > STEP_LIMIT {
            return None;
        }
        if i == self.expected.len() {
            let rest_blank = self
                .actual
                .iter()
                .zip(pos.iter())
                .all(|(lines, &p)| lines[p..].iter().all(|l| l.trim().is_empty()));
            return rest_blank.then_some(ren);
        }
        let key = (i, pos.clone(), ren.clone());
        if self.failed.contains(&key) {
            return None;
        }
        for s in 0..self.actual.len() {
            let p = pos[s];
            let Some(line) = self.actual[s].get(p) else {
                continue;
            };
            let mut r = ren.clone();
            if line_matches(&self.expected[i], line, &mut r) {
                pos[s] += 1;
                let found = self.go(i + 1, pos, r);
                pos[s] -= 1;
                if found.is_some() {
                    return found;
                }
            }
        }
        self.failed.insert(key);
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(lines: &[&str]) -> Vec<String> {
        lines.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn normalizes_timestamps_and_colours() {
        assert_eq!(
            normalize("04:28:12.797 [error] Process #PID<0.114.0> raised an exception"),
            "[error] Process #PID<0.114.0> raised an exception"
        );
        assert_eq!(normalize("\u{1b}[33m:ok\u{1b}[0m  "), ":ok");
    }

    #[test]
    fn pids_rename_consistently() {
        let mut r = Renaming::default();
        assert!(line_matches("#PID<0.115.0>", "#PID<0.102.0>", &mut r));
        assert!(line_matches("{#PID<0.115.0>, 1}", "{#PID<0.102.0>, 1}", &mut r));
        assert!(!line_matches("#PID<0.115.0>", "#PID<0.103.0>", &mut r));
        assert!(!line_matches("#PID<0.116.0>", "#PID<0.102.0>", &mut r));
        assert!(!line_matches("#PID<0.117.0>", "#Reference<0.1.2.3>", &mut r));
    }

    #[test]
    fn merges_keep_each_source_in_order() {
        let actual = vec![v(&["{:ok, 1}"]), v(&["a", "b"])];
        let mut r = Renaming::default();
        assert!(merge_matches(&v(&["a", "{:ok, 1}", "b"]), &actual, &mut r));
        assert!(merge_matches(&v(&["a", "b", "{:ok, 1}"]), &actual, &mut r));
        assert!(!merge_matches(&v(&["b", "a", "{:ok, 1}"]), &actual, &mut r));
        assert!(!merge_matches(&v(&["a", "{:ok, 1}"]), &actual, &mut r));
    }
}
