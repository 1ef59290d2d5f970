//! Finding the iex sessions in a Markdown file: fenced code blocks tagged
//! `elixir` or `iex` whose first line (after blank and comment lines)
//! starts with an iex prompt. Other blocks and the prose are left alone.

use super::parse::{is_comment, prompt_input};

/// The line ranges (0-based, end exclusive) of the contents of the session blocks.
pub fn session_blocks(lines: &[&str]) -> Vec<(usize, usize)> {
    let mut blocks = vec![];
    let mut i = 0;
    while i < lines.len() {
        let Some((fence, info)) = fence_open(lines[i]) else {
            i += 1;
            continue;
        };
        let start = i + 1;
        let mut end = start;
        while end < lines.len() && !is_fence_close(lines[end], &fence) {
            end += 1;
        }
        let lang = info.split_whitespace().next().unwrap_or("");
        let first = lines[start..end]
            .iter()
            .find(|l| !l.trim().is_empty() && !is_comment(l));
        if matches!(lang, "elixir" | "iex") && first.is_some_and(|l| prompt_input(l.trim_end(), false).is_some()) {
            blocks.push((start, end));
        }
        i = end + 1;
    }
    blocks
}

/// The fence (```` ``` ```` or `~~~`, maybe longer) and info string of an opening line.
fn fence_open(line: &str) -> Option<(String, String)> {
    let t = line.trim_start();
    let ch = t.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let n = t.chars().take_while(|c| *c == ch).count();
    (n >= 3).then(|| (t[..n].to_string(), t[n..].trim().to_string()))
}

fn is_fence_close(line: &str, fence: &str) -> bool {
    let t = line.trim();
    let Some(ch) = fence.chars().next() else {
        return false;
    };
    t.len() >= fence.len() && t.chars().all(|c| c == ch)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_session_blocks_only() {
        let text = "# Guide\n```elixir\ndefmodule A do\nend\n```\n\n```elixir\n## start\niex(1)> 1\n1\n```\n```iex\niex> :a\n:a\n```\n```\niex> :x\n```";
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(session_blocks(&lines), vec![(7, 10), (12, 14)]);
    }
}
