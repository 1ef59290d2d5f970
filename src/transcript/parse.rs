//! Reading an iex transcript: inputs after `iex(N)>`/`iex>` prompts,
//! continuation lines after `...(N)>`/`...>`, and everything up to the next
//! prompt as the expected output of that input.
//!
//! **Invariant:** [`Transcript::render`] of an unchanged parse gives back the
//! lines it was parsed from, so `--update` only changes output lines.

/// One input and what it is expected to print.
#[derive(Debug, Clone)]
pub struct Entry {
    /// 1-based line of the first prompt in the file.
    pub line: usize,
    /// The prompt lines as written (prompt and input).
    pub prompt_lines: Vec<String>,
    /// The input lines, prompts removed.
    pub inputs: Vec<String>,
    /// The expected output as written (comments included).
    pub output: Vec<String>,
    /// Blank and comment lines closing the block, kept as written on update.
    pub trailer: Vec<String>,
}

/// A parsed transcript: text before the first prompt, then the entries.
#[derive(Debug, Clone)]
pub struct Transcript {
    pub preamble: Vec<String>,
    pub entries: Vec<Entry>,
}

/// If `line` starts with a prompt, the input after it; `continuation` selects
/// `...>` prompts instead of `iex>` ones.
pub fn prompt_input(line: &str, continuation: bool) -> Option<&str> {
    let rest = if continuation {
        line.strip_prefix("...")?
    } else {
        line.strip_prefix("iex")?
    };
    let rest = match rest.strip_prefix('(') {
        // `iex(1)>`, `iex(node@host)1>`, `...(1)>`
        Some(r) => {
            let close = r.find(')')?;
            let after = &r[close + 1..];
            after.trim_start_matches(|c: char| c.is_ascii_digit())
        }
        None => rest,
    };
    let rest = rest.strip_prefix('>')?;
    if rest.is_empty() {
        Some("")
    } else {
        rest.strip_prefix(' ')
    }
}

/// True for a line that is a comment: it starts with `#` (not indented: the
/// `# 1` lines of a FunctionClauseError are output) but is not a value such
/// as `#PID<0.1.0>`, `#Reference<…>` or `#MapSet<[]>`.
pub fn is_comment(line: &str) -> bool {
    let Some(rest) = line.strip_prefix('#') else {
        return false;
    };
    let name_len = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.'))
        .unwrap_or(rest.len());
    let is_value =
        name_len > 0 && rest.starts_with(|c: char| c.is_ascii_uppercase()) && rest[name_len..].starts_with('<');
    !is_value
}

/// Parses the lines of a transcript; `first_line` is the file line of `lines[0]`.
pub fn parse(lines: &[&str], first_line: usize) -> Transcript {
    let mut t = Transcript {
        preamble: vec![],
        entries: vec![],
    };
    for (i, raw) in lines.iter().enumerate() {
        let line = raw.trim_end_matches('\r');
        if let Some(input) = prompt_input(line, false) {
            t.entries.push(Entry {
                line: first_line + i,
                prompt_lines: vec![line.to_string()],
                inputs: vec![input.to_string()],
                output: vec![],
                trailer: vec![],
            });
            continue;
        }
        match t.entries.last_mut() {
            None => t.preamble.push(line.to_string()),
            Some(e) => match prompt_input(line, true) {
                Some(input) if e.output.is_empty() => {
                    e.prompt_lines.push(line.to_string());
                    e.inputs.push(input.to_string());
                }
                _ => e.output.push(line.to_string()),
            },
        }
    }
    for e in &mut t.entries {
        let keep = e
            .output
            .iter()
            .rposition(|l| !l.trim().is_empty() && !is_comment(l))
            .map_or(0, |i| i + 1);
        e.trailer = e.output.split_off(keep);
    }
    t
}

impl Transcript {
    /// The transcript as lines, each entry's output replaced by `outputs[i]`
    /// when given.
    pub fn render(&self, outputs: &[Option<Vec<String>>]) -> Vec<String> {
        let mut out = self.preamble.clone();
        for (i, e) in self.entries.iter().enumerate() {
            out.extend(e.prompt_lines.iter().cloned());
            match outputs.get(i) {
                Some(Some(o)) => out.extend(o.iter().cloned()),
                _ => out.extend(e.output.iter().cloned()),
            }
            out.extend(e.trailer.iter().cloned());
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prompts() {
        assert_eq!(prompt_input("iex(12)> 1 + 2", false), Some("1 + 2"));
        assert_eq!(prompt_input("iex> x", false), Some("x"));
        assert_eq!(prompt_input("iex(13)>", false), Some(""));
        assert_eq!(prompt_input("iex(a@b)3> :ok", false), Some(":ok"));
        assert_eq!(prompt_input("...(4)>   end", true), Some("  end"));
        assert_eq!(prompt_input("...> end", true), Some("end"));
        assert_eq!(prompt_input("iexr", false), None);
        assert_eq!(prompt_input("iex(1)>x", false), None);
    }

    #[test]
    fn comments() {
        assert!(is_comment("## a comment"));
        assert!(is_comment("# note"));
        assert!(!is_comment("#PID<0.110.0>"));
        assert!(!is_comment("#Reference<0.1.2.3>"));
        assert!(!is_comment("#MapSet<[1, 2]>"));
        assert!(!is_comment("#Function<42.3316493/1 in :erl_eval.expr/6>"));
        assert!(!is_comment("        # 1"));
    }

    #[test]
    fn entries_and_round_trip() {
        let text = "banner\niex(1)> fn ->\n...(1)> 1 end\n#Function<1>\n\n# next\niex(2)> :ok\n:ok";
        let lines: Vec<&str> = text.lines().collect();
        let t = parse(&lines, 1);
        assert_eq!(t.preamble, vec!["banner"]);
        assert_eq!(t.entries.len(), 2);
        assert_eq!(t.entries[0].inputs, vec!["fn ->", "1 end"]);
        assert_eq!(t.entries[0].output, vec!["#Function<1>"]);
        assert_eq!(t.entries[0].trailer, vec!["", "# next"]);
        assert_eq!(t.entries[1].line, 7);
        assert_eq!(t.render(&[]), lines);
    }
}
