//! What the line editor asks of the REPL while a line is typed: tab
//! completion of modules, `Mod.` functions (shown with their arity) and the
//! shell's variables, and syntax colours for the input line.

use std::borrow::Cow;

use rustyline::completion::{Completer, Pair};
use rustyline::highlight::{CmdKind, Highlighter};
use rustyline::hint::Hinter;
use rustyline::validate::Validator;
use rustyline::{Context, Helper};

use crate::term::Atom;

/// The editor's helper; `vars` are the shell's bindings when the prompt was drawn.
pub struct IexHelper {
    pub colors: bool,
    pub vars: Vec<String>,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '.' | '?' | '!' | ':')
}

/// Every module the session knows, by the name a user types (`Enum`, `:lists`).
fn module_names() -> Vec<String> {
    let mut names: Vec<String> = crate::stdlib::builtin_modules()
        .into_iter()
        .chain(crate::eval::code::modules())
        .chain(crate::stdlib::otp::modules())
        .map(|m| m.alias_name().unwrap_or_else(|| format!(":{}", m.name())))
        .filter(|n| !n.starts_with(":iexr"))
        .collect();
    names.sort();
    names.dedup();
    names
}

fn functions_of(module: Atom) -> Vec<(Atom, usize)> {
    let mut funs = crate::eval::code::module(module)
        .map(|i| i.exports.clone())
        .unwrap_or_default();
    funs.extend(crate::stdlib::exports(module));
    funs.retain(|(f, _)| !f.name().starts_with("__"));
    funs.sort_by(|a, b| a.0.name().cmp(&b.0.name()).then(a.1.cmp(&b.1)));
    funs.dedup();
    funs
}

/// Candidates for the word before the cursor.
pub fn candidates(word: &str, vars: &[String]) -> Vec<Pair> {
    let pair = |display: String, replacement: String| Pair { display, replacement };
    if let Some((module, prefix)) = word.rsplit_once('.') {
        if prefix.starts_with(|c: char| c.is_uppercase()) || prefix.is_empty() {
            // Nested modules: `Foo.B` → `Foo.Bar`.
            let nested: Vec<Pair> = module_names()
                .into_iter()
                .filter(|n| n.starts_with(&format!("{module}.{prefix}")))
                .map(|n| pair(n.clone(), n))
                .collect();
            let atom = Atom::alias(module);
            if !nested.is_empty() && (!prefix.is_empty() || functions_of(atom).is_empty()) {
                return nested;
            }
        }
        let atom = match module.strip_prefix(':') {
            Some(erl) => Atom::new(erl),
            None => Atom::alias(module),
        };
        // One candidate a name, with every arity: `map/2`, `reduce/2/3`.
        let mut by_name: Vec<(Atom, Vec<String>)> = Vec::new();
        for (f, n) in functions_of(atom)
            .into_iter()
            .filter(|(f, _)| f.name().starts_with(prefix))
        {
            match by_name.last_mut() {
                Some((g, arities)) if *g == f => arities.push(n.to_string()),
                _ => by_name.push((f, vec![n.to_string()])),
            }
        }
        return by_name
            .into_iter()
            .map(|(f, arities)| {
                pair(
                    format!("{}/{}", f.name(), arities.join("/")),
                    format!("{module}.{}", f.name()),
                )
            })
            .collect();
    }
    if word.starts_with(|c: char| c.is_uppercase()) || word.starts_with(':') {
        return module_names()
            .into_iter()
            .filter(|n| n.starts_with(word) && (word.contains('.') || !n[word.len()..].contains('.')))
            .map(|n| pair(n.clone(), n))
            .collect();
    }
    let mut out: Vec<Pair> = vars
        .iter()
        .filter(|v| v.starts_with(word))
        .map(|v| pair(v.clone(), v.clone()))
        .collect();
    let mut seen = std::collections::BTreeSet::new();
    for m in [Atom::alias("Kernel"), Atom::alias("IEx.Helpers")] {
        for (f, n) in functions_of(m) {
            let name = f.name().to_string();
            if name.starts_with(word)
                && name.chars().next().is_some_and(char::is_alphabetic)
                && seen.insert(name.clone())
            {
                out.push(pair(format!("{name}/{n}"), name));
            }
        }
    }
    out
}

impl Completer for IexHelper {
    type Candidate = Pair;

    fn complete(&self, line: &str, pos: usize, _ctx: &Context<'_>) -> rustyline::Result<(usize, Vec<Pair>)> {
        let before = &line[..pos];
        let start = before
            .char_indices()
            .rev()
            .take_while(|(_, c)| is_word_char(*c))
            .last()
            .map_or(pos, |(i, _)| i);
        let word = &before[start..];
        if word.is_empty() {
            return Ok((pos, Vec::new()));
        }
        Ok((start, candidates(word, &self.vars)))
    }
}

impl Hinter for IexHelper {
    type Hint = String;
}

impl Validator for IexHelper {}

const GREEN: &str = "\x1b[32m";
const CYAN: &str = "\x1b[36m";
const YELLOW: &str = "\x1b[33m";
const MAGENTA: &str = "\x1b[35m";
const RESET: &str = "\x1b[0m";

/// The input line with strings, atoms, numbers and keywords coloured.
pub fn colour_line(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    let paint = |out: &mut String, colour: &str, s: &[char]| {
        out.push_str(colour);
        out.extend(s);
        out.push_str(RESET);
    };
    while i < chars.len() {
        let c = chars[i];
        if c == '"' || c == '\'' {
            let mut j = i + 1;
            while j < chars.len() && chars[j] != c {
                j += if chars[j] == '\\' { 2 } else { 1 };
            }
            let end = (j + 1).min(chars.len());
            paint(&mut out, GREEN, &chars[i..end]);
            i = end;
        } else if c == ':' && chars.get(i + 1).is_some_and(|n| n.is_alphabetic() || *n == '_') {
            let mut j = i + 1;
            while j < chars.len() && (chars[j].is_alphanumeric() || matches!(chars[j], '_' | '?' | '!')) {
                j += 1;
            }
            paint(&mut out, CYAN, &chars[i..j]);
            i = j;
        } else if c.is_ascii_digit() && (i == 0 || !(chars[i - 1].is_alphanumeric() || chars[i - 1] == '_')) {
            let mut j = i;
            while j < chars.len() && (chars[j].is_ascii_alphanumeric() || matches!(chars[j], '_' | '.')) {
                j += 1;
            }
            paint(&mut out, YELLOW, &chars[i..j]);
            i = j;
        } else if c.is_alphabetic() || c == '_' {
            let mut j = i;
            while j < chars.len() && (chars[j].is_alphanumeric() || matches!(chars[j], '_' | '?' | '!')) {
                j += 1;
            }
            let word: String = chars[i..j].iter().collect();
            let key = chars.get(j) == Some(&':') && chars.get(j + 1) != Some(&':');
            match word.as_str() {
                _ if key => paint(&mut out, CYAN, &chars[i..=j]),
                "true" | "false" | "nil" => paint(&mut out, MAGENTA, &chars[i..j]),
                "do" | "end" | "fn" | "when" | "and" | "or" | "not" | "in" | "else" | "after" | "rescue" | "catch" => {
                    paint(&mut out, MAGENTA, &chars[i..j])
                }
                _ => out.push_str(&word),
            }
            i = if key { j + 1 } else { j };
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

impl Highlighter for IexHelper {
    fn highlight<'l>(&self, line: &'l str, _pos: usize) -> Cow<'l, str> {
        if self.colors {
            Cow::Owned(colour_line(line))
        } else {
            Cow::Borrowed(line)
        }
    }

    fn highlight_char(&self, _line: &str, _pos: usize, _kind: CmdKind) -> bool {
        self.colors
    }
}

impl Helper for IexHelper {}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(word: &str, vars: &[&str]) -> Vec<String> {
        let vars: Vec<String> = vars.iter().map(|v| v.to_string()).collect();
        candidates(word, &vars).into_iter().map(|p| p.display).collect()
    }

    #[test]
    fn completes_modules_functions_and_variables() {
        assert!(shown("Enu", &[]).contains(&"Enum".to_string()));
        let funs = shown("Enum.ma", &[]);
        assert!(funs.contains(&"map/2".to_string()), "{funs:?}");
        assert!(funs.contains(&"max/1/2/3".to_string()), "{funs:?}");
        assert!(!funs.iter().any(|f| f.starts_with("filter")), "{funs:?}");
        assert_eq!(
            candidates("Enum.ma", &[])[0].replacement.split('.').next(),
            Some("Enum")
        );
        let local = shown("pl", &["pledges", "pid"]);
        assert_eq!(local, vec!["pledges".to_string()]);
        assert!(shown("spa", &[]).contains(&"spawn/1".to_string()));
    }

    #[test]
    fn colours_strings_atoms_numbers_and_keywords() {
        let c = colour_line("x = %{a: :b, s: \"t\"} |> f(1) do end");
        assert!(c.contains("\x1b[36m:b\x1b[0m"), "{c:?}");
        assert!(c.contains("\x1b[36ma:\x1b[0m"), "{c:?}");
        assert!(c.contains("\x1b[32m\"t\"\x1b[0m"), "{c:?}");
        assert!(c.contains("\x1b[33m1\x1b[0m"), "{c:?}");
        assert!(c.contains("\x1b[35mdo\x1b[0m"), "{c:?}");
        // Colours never change the text itself.
        let plain = c
            .replace(GREEN, "")
            .replace(CYAN, "")
            .replace(YELLOW, "")
            .replace(MAGENTA, "")
            .replace(RESET, "");
        assert_eq!(plain, "x = %{a: :b, s: \"t\"} |> f(1) do end");
    }
}
