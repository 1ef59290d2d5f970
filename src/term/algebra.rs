//! A document algebra for pretty printing, with the semantics of Elixir 1.14's
//! `Inspect.Algebra` (Lindig's "Strictly Pretty" plus flex breaks).
//!
//! Build a [`Doc`] with the constructors ([`Doc::text`], [`concat`],
//! [`Doc::nest`], [`Doc::group`], [`Doc::brk`], [`Doc::flex_break`],
//! [`Doc::color`], [`container_doc`], ...) and lay it out with [`format`].
//!
//! Layout rules (as Elixir's): the document starts flat; a group is laid out
//! flat when its own content fits the rest of the line up to its first break
//! that would be a newline, otherwise its strict breaks become newlines. A
//! flex break re-decides at every occurrence whether the text up to the next
//! possible break still fits. A width of `None` is `:infinity`: nothing
//! breaks except mandatory lines. Colour escapes take no width.
//!
//! **Invariant:** formatting and dropping are iterative, so documents for very
//! long collections cannot overflow the stack.

/// How a break behaves when its group does not fit.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum BreakMode {
    /// Every strict break of a broken group is a newline.
    Strict,
    /// Re-evaluated on each occurrence: a newline only if the next part does not fit.
    Flex,
}

/// Whether a nesting always applies or only inside a broken group.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum NestMode {
    Always,
    Break,
}

/// Indentation of a nesting.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Indent {
    /// Adds this many columns.
    By(usize),
    /// Indents to the current column.
    Cursor,
    /// Back to column 0.
    Reset,
}

/// Whether a group decides on its own or inherits a broken parent's mode.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum GroupMode {
    SelfMode,
    Inherit,
}

/// A document. See the module docs.
#[derive(Debug)]
pub enum Doc {
    /// Nothing (`:doc_nil`).
    Nil,
    /// A mandatory newline (`:doc_line`).
    Line,
    /// Text and the width it takes (bytes for binaries, characters for `string/1`).
    Text(String, usize),
    /// Concatenation of any number of documents.
    Concat(Vec<Doc>),
    Nest(Box<Doc>, Indent, NestMode),
    /// A break rendered as its text or as a newline.
    Break(String, BreakMode),
    Group(Box<Doc>, GroupMode),
    /// `next_break_fits`: `true` is `:enabled`.
    Fits(Box<Doc>, bool),
    /// `force_unfit`.
    Force(Box<Doc>),
    /// `collapse_lines(max)`.
    Collapse(usize),
    /// Emits the escape sequence (no width), then the document.
    Color(Box<Doc>, String),
    /// Lays out the document with another width (`no_limit` uses `None`).
    Limit(Box<Doc>, Option<usize>),
}

impl Drop for Doc {
    fn drop(&mut self) {
        fn take_children(d: &mut Doc, out: &mut Vec<Doc>) {
            match d {
                Doc::Concat(v) => out.append(v),
                Doc::Nest(b, ..)
                | Doc::Group(b, _)
                | Doc::Fits(b, _)
                | Doc::Force(b)
                | Doc::Color(b, _)
                | Doc::Limit(b, _)
                    if !matches!(**b, Doc::Nil) =>
                {
                    out.push(std::mem::replace(&mut **b, Doc::Nil));
                }
                _ => {}
            }
        }
        let mut pending = Vec::new();
        take_children(self, &mut pending);
        while let Some(mut d) = pending.pop() {
            take_children(&mut d, &mut pending);
        }
    }
}

impl Doc {
    /// A binary: its width is its byte size, as for Elixir binaries.
    pub fn text(s: impl Into<String>) -> Doc {
        let s = s.into();
        let n = s.len();
        Doc::Text(s, n)
    }

    /// `string/1`: text measured in characters.
    pub fn string(s: impl Into<String>) -> Doc {
        let s = s.into();
        let n = s.chars().count();
        Doc::Text(s, n)
    }

    /// `break/1`: a strict break shown as `s` when flat.
    pub fn brk(s: &str) -> Doc {
        Doc::Break(s.to_string(), BreakMode::Strict)
    }

    /// `flex_break/1`.
    pub fn flex_break(s: &str) -> Doc {
        Doc::Break(s.to_string(), BreakMode::Flex)
    }

    /// `nest(doc, level)`, `:always` mode; nesting by 0 is the document itself.
    pub fn nest(self, level: usize) -> Doc {
        if level == 0 {
            self
        } else {
            Doc::Nest(Box::new(self), Indent::By(level), NestMode::Always)
        }
    }

    /// `nest/3` with any indent and mode.
    pub fn nest_with(self, indent: Indent, mode: NestMode) -> Doc {
        if indent == Indent::By(0) {
            self
        } else {
            Doc::Nest(Box::new(self), indent, mode)
        }
    }

    /// `group/1`.
    pub fn group(self) -> Doc {
        Doc::Group(Box::new(self), GroupMode::SelfMode)
    }

    /// `group(doc, :inherit)`.
    pub fn group_inherit(self) -> Doc {
        Doc::Group(Box::new(self), GroupMode::Inherit)
    }

    /// `next_break_fits/2`.
    pub fn next_break_fits(self, enabled: bool) -> Doc {
        Doc::Fits(Box::new(self), enabled)
    }

    /// `force_unfit/1`.
    pub fn force_unfit(self) -> Doc {
        Doc::Force(Box::new(self))
    }

    /// `no_limit/1`: the document is laid out with infinite width.
    pub fn no_limit(self) -> Doc {
        Doc::Limit(Box::new(self), None)
    }

    /// Surrounds the document with the `pre` escape and then the `post` escape,
    /// as `Inspect.Algebra.color/3` does when a colour is configured.
    pub fn color(self, pre: &str, post: &str) -> Doc {
        Doc::Concat(vec![
            Doc::Color(Box::new(self), pre.to_string()),
            Doc::Color(Box::new(Doc::Nil), post.to_string()),
        ])
    }

    /// True for text-only documents (`simple?` in `container_doc`).
    fn is_simple(&self) -> bool {
        match self {
            Doc::Nil | Doc::Text(..) => true,
            Doc::Concat(v) => v.iter().all(Doc::is_simple),
            Doc::Color(d, _) => d.is_simple(),
            _ => false,
        }
    }
}

/// `concat/1`.
pub fn concat(docs: Vec<Doc>) -> Doc {
    Doc::Concat(docs)
}

/// `glue(a, s, b)`: `a`, a strict break `s`, `b`.
pub fn glue(a: Doc, s: &str, b: Doc) -> Doc {
    Doc::Concat(vec![a, Doc::brk(s), b])
}

/// `flex_glue(a, s, b)`.
pub fn flex_glue(a: Doc, s: &str, b: Doc) -> Doc {
    Doc::Concat(vec![a, Doc::flex_break(s), b])
}

/// The `:break` option of [`container_doc`].
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ContainerBreak {
    Strict,
    Flex,
    /// Flex if every element is plain text, else strict (the default).
    Maybe,
}

/// One element of a [`container_doc`]: a document, or an improper tail that is
/// joined to the element before it with ` |`.
pub enum Item {
    Doc(Doc),
    /// The last element and the improper tail.
    Tail(Doc, Doc),
    /// The `...` shown when the limit is reached.
    Ellipsis,
}

/// `container_doc(left, items, right, ...)` with the items already converted
/// (the caller applies the limit, putting [`Item::Ellipsis`] last when reached).
/// `separator` follows each element (`,` or a coloured `,`).
pub fn container_doc(left: Doc, items: Vec<Item>, right: Doc, separator: Doc, brk: ContainerBreak) -> Doc {
    if items.is_empty() {
        return concat(vec![left, right]);
    }
    let mut simple = brk == ContainerBreak::Maybe;
    let mut docs: Vec<Doc> = Vec::with_capacity(items.len());
    for item in items {
        match item {
            Item::Doc(d) => {
                simple = simple && d.is_simple();
                docs.push(d);
            }
            Item::Ellipsis => docs.push(Doc::text("...")),
            Item::Tail(l, r) => {
                simple = simple && l.is_simple() && r.is_simple();
                docs.push(join(l, r, simple, Doc::text(" |")));
            }
        }
    }
    let flex = simple || brk == ContainerBreak::Flex;
    // fold_doc(docs, join): every element but the last is followed by the separator
    // and a break; `:doc_nil` elements join without either.
    let sep_text = separator;
    let docs = fold_join(docs, flex, &sep_text);
    if flex {
        concat(vec![left, docs.nest(1), right]).group()
    } else {
        glue(glue(left, "", docs).nest(2), "", right).group()
    }
}

fn join(left: Doc, right: Doc, flex: bool, sep: Doc) -> Doc {
    match (&left, &right) {
        (Doc::Nil, Doc::Nil) => Doc::Nil,
        (_, Doc::Nil) => left,
        (Doc::Nil, _) => right,
        _ if flex => flex_glue(concat(vec![left, sep]), " ", right),
        _ => glue(concat(vec![left, sep]), " ", right),
    }
}

fn clone_simple(d: &Doc) -> Doc {
    match d {
        Doc::Nil => Doc::Nil,
        Doc::Text(s, n) => Doc::Text(s.clone(), *n),
        Doc::Concat(v) => Doc::Concat(v.iter().map(clone_simple).collect()),
        Doc::Color(x, c) => Doc::Color(Box::new(clone_simple(x)), c.clone()),
        _ => Doc::Nil,
    }
}

/// `fold_doc(docs, &join(&1, &2, flex, sep))`, flattened into one concatenation.
fn fold_join(docs: Vec<Doc>, flex: bool, sep: &Doc) -> Doc {
    // Right fold: x1 (sep brk x2 (sep brk x3 ...)). Nil elements vanish with
    // their joint; collect the non-nil elements and interleave.
    let docs: Vec<Doc> = docs.into_iter().filter(|d| !matches!(d, Doc::Nil)).collect();
    let n = docs.len();
    let mut out = Vec::with_capacity(n * 3);
    for (i, d) in docs.into_iter().enumerate() {
        out.push(d);
        if i + 1 < n {
            out.push(clone_simple(sep));
            out.push(if flex { Doc::flex_break(" ") } else { Doc::brk(" ") });
        }
    }
    if out.is_empty() { Doc::Nil } else { Doc::Concat(out) }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mode {
    Flat,
    FlatNoBreak,
    Break,
    BreakNoFlat,
}

enum Entry<'a> {
    Doc(usize, Mode, &'a Doc),
    /// Leaving a group while fitting: restores the saved "seen a break" flag.
    Tail(bool),
    /// Restores the width after a [`Doc::Limit`].
    Width(Option<usize>),
}

fn apply_nesting(i: usize, k: usize, j: Indent) -> usize {
    match j {
        Indent::By(n) => i + n,
        Indent::Cursor => k,
        Indent::Reset => 0,
    }
}

/// `fits?`: whether the entries (then the rest of the format stack) fit in
/// width `w` from column `k`. `b` tells whether a break was seen.
fn fits<'a>(mut w: Option<usize>, mut k: usize, mut b: bool, mut local: Vec<Entry<'a>>, rest: &[Entry<'a>]) -> bool {
    let mut rest_idx = rest.len();
    loop {
        if let Some(w) = w
            && k > w
            && b
        {
            return false;
        }
        let entry = match local.pop() {
            Some(e) => e,
            None => {
                if rest_idx == 0 {
                    return true;
                }
                rest_idx -= 1;
                match &rest[rest_idx] {
                    Entry::Doc(i, m, d) => Entry::Doc(*i, *m, d),
                    Entry::Tail(t) => Entry::Tail(*t),
                    Entry::Width(nw) => Entry::Width(*nw),
                }
            }
        };
        let (i, m, doc) = match entry {
            Entry::Tail(saved) => {
                b = saved;
                continue;
            }
            Entry::Width(nw) => {
                w = nw;
                continue;
            }
            Entry::Doc(i, m, d) => (i, m, d),
        };
        match (m, doc) {
            (_, Doc::Fits(x, false)) => local.push(Entry::Doc(i, Mode::FlatNoBreak, x)),
            (Mode::FlatNoBreak, Doc::Fits(x, _)) => local.push(Entry::Doc(i, Mode::FlatNoBreak, x)),
            (_, Doc::Fits(x, true)) => local.push(Entry::Doc(i, Mode::BreakNoFlat, x)),
            (Mode::BreakNoFlat, Doc::Force(x)) => local.push(Entry::Doc(i, Mode::BreakNoFlat, x)),
            (Mode::BreakNoFlat | Mode::Break, Doc::Break(..) | Doc::Line) => return true,
            (Mode::Break, Doc::Group(x, _)) => {
                local.push(Entry::Tail(b));
                local.push(Entry::Doc(i, Mode::Flat, x));
            }
            (_, Doc::Line) => {
                k = i;
                b = false;
            }
            (_, Doc::Nil) => {}
            (_, Doc::Collapse(_)) => k = i,
            (_, Doc::Color(x, _)) => local.push(Entry::Doc(i, m, x)),
            (_, Doc::Text(_, l)) => k += l,
            (_, Doc::Force(_)) => return false,
            (_, Doc::Break(s, _)) => {
                k += s.len();
                b = true;
            }
            (_, Doc::Nest(x, _, NestMode::Break)) => local.push(Entry::Doc(i, m, x)),
            (_, Doc::Nest(x, j, NestMode::Always)) => local.push(Entry::Doc(apply_nesting(i, k, *j), m, x)),
            (_, Doc::Concat(v)) => {
                for d in v.iter().rev() {
                    local.push(Entry::Doc(i, m, d));
                }
            }
            (_, Doc::Group(x, _)) => {
                local.push(Entry::Tail(b));
                local.push(Entry::Doc(i, m, x));
            }
            (_, Doc::Limit(x, None)) if w.is_some() => {
                local.push(Entry::Width(w));
                local.push(Entry::Doc(i, Mode::Flat, x));
                w = None;
            }
            (_, Doc::Limit(x, nw)) => {
                w = *nw;
                local.push(Entry::Doc(i, m, x));
            }
        }
    }
}

fn indent(out: &mut String, i: usize) {
    out.push('\n');
    out.extend(std::iter::repeat_n(' ', i));
}

/// Lays out `doc` in `width` columns (`None` = `:infinity`), as `Inspect.Algebra.format/2`.
pub fn format(doc: &Doc, width: Option<usize>) -> String {
    let mut out = Printer::default();
    let mut w = width;
    let mut k: usize = 0;
    let mut stack: Vec<Entry<'_>> = vec![Entry::Doc(0, Mode::Flat, doc)];
    while let Some(entry) = stack.pop() {
        let (i, m, doc) = match entry {
            Entry::Doc(i, m, d) => (i, m, d),
            Entry::Width(nw) => {
                w = nw;
                continue;
            }
            Entry::Tail(_) => continue,
        };
        match doc {
            Doc::Nil => {}
            Doc::Line => {
                out.newline(i);
                k = i;
            }
            Doc::Concat(v) => {
                for d in v.iter().rev() {
                    stack.push(Entry::Doc(i, m, d));
                }
            }
            Doc::Color(x, c) => {
                out.piece(c);
                stack.push(Entry::Doc(i, m, x));
            }
            Doc::Text(s, l) => {
                out.piece(s);
                k += l;
            }
            Doc::Force(x) | Doc::Fits(x, _) => stack.push(Entry::Doc(i, m, x)),
            Doc::Collapse(max) => {
                out.collapse = Some((*max, 0, i));
                k = i;
            }
            Doc::Break(s, BreakMode::Flex) => {
                let k2 = k + s.len();
                if w.is_none() || m == Mode::Flat || fits(w, k2, true, Vec::new(), &stack) {
                    out.piece(s);
                    k = k2;
                } else {
                    out.newline(i);
                    k = i;
                }
            }
            Doc::Break(s, BreakMode::Strict) => {
                if m == Mode::Break {
                    out.newline(i);
                    k = i;
                } else {
                    out.piece(s);
                    k += s.len();
                }
            }
            Doc::Nest(x, j, nm) => {
                if *nm == NestMode::Always || m == Mode::Break {
                    stack.push(Entry::Doc(apply_nesting(i, k, *j), m, x));
                } else {
                    stack.push(Entry::Doc(i, m, x));
                }
            }
            Doc::Group(x, GroupMode::Inherit) if m == Mode::Break => {
                stack.push(Entry::Doc(i, Mode::Break, x));
            }
            Doc::Group(x, _) => {
                let flat = w.is_none() || fits(w, k, false, vec![Entry::Doc(i, Mode::Flat, x)], &[]);
                stack.push(Entry::Doc(i, if flat { Mode::Flat } else { Mode::Break }, x));
            }
            Doc::Limit(x, None) if w.is_some() => {
                stack.push(Entry::Width(w));
                stack.push(Entry::Doc(i, Mode::Flat, x));
                w = None;
            }
            Doc::Limit(x, nw) => {
                w = *nw;
                stack.push(Entry::Doc(i, m, x));
            }
        }
    }
    out.finish()
}

/// The output, with `collapse_lines` handling of the newlines that follow.
#[derive(Default)]
struct Printer {
    out: String,
    /// (max, newlines seen, indent) while collapsing.
    collapse: Option<(usize, usize, usize)>,
}

impl Printer {
    fn newline(&mut self, i: usize) {
        if let Some((_, count, _)) = &mut self.collapse {
            *count += 1;
        } else {
            indent(&mut self.out, i);
        }
    }

    fn piece(&mut self, s: &str) {
        if self.collapse.is_some() && s.is_empty() {
            return;
        }
        self.flush_collapse();
        self.out.push_str(s);
    }

    fn flush_collapse(&mut self) {
        if let Some((max, count, i)) = self.collapse.take() {
            self.out.extend(std::iter::repeat_n('\n', max.min(count)));
            self.out.extend(std::iter::repeat_n(' ', i));
        }
    }

    fn finish(mut self) -> String {
        self.flush_collapse();
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Doc {
        Doc::text(s)
    }

    #[test]
    fn glue_breaks_only_when_needed() {
        let d = glue(t("hello"), " ", t("world")).group();
        assert_eq!(format(&d, Some(30)), "hello world");
        assert_eq!(format(&d, Some(10)), "hello\nworld");
        assert_eq!(format(&d, None), "hello world");
    }

    #[test]
    fn nested_groups() {
        let d = concat(vec![
            concat(vec![t("Hello,"), Doc::brk(" "), t("A")]).group(),
            Doc::brk(" "),
            t("B"),
        ])
        .group();
        assert_eq!(format(&d, Some(80)), "Hello, A B");
        assert_eq!(format(&d, Some(6)), "Hello,\nA\nB");
    }

    #[test]
    fn nest_indents_breaks() {
        let d = glue(t("hello"), " ", t("world")).nest(5).group();
        assert_eq!(format(&d, Some(5)), "hello\n     world");
    }

    fn ints(n: usize) -> Vec<Item> {
        (1..=n).map(|i| Item::Doc(t(&i.to_string()))).collect()
    }

    #[test]
    fn container_doc_flex_and_strict() {
        let d = container_doc(t("["), ints(5), t("]"), t(","), ContainerBreak::Maybe);
        assert_eq!(format(&d, Some(5)), "[1,\n 2,\n 3,\n 4,\n 5]");
        let d = container_doc(t("["), ints(5), t("]"), t(","), ContainerBreak::Maybe);
        assert_eq!(format(&d, Some(8)), "[1, 2,\n 3, 4,\n 5]");
        let mut items = ints(3);
        items.push(Item::Ellipsis);
        let d = container_doc(t("["), items, t("]"), t("!"), ContainerBreak::Maybe);
        assert_eq!(format(&d, Some(20)), "[1! 2! 3! ...]");
        let d = container_doc(t("%{"), ints(3), t("}"), t(","), ContainerBreak::Strict);
        assert_eq!(format(&d, Some(5)), "%{\n  1,\n  2,\n  3\n}");
    }

    #[test]
    fn colors_take_no_width() {
        let d = glue(t("ab").color("\x1b[36m", "\x1b[0m"), " ", t("cd")).group();
        assert_eq!(format(&d, Some(5)), "\x1b[36mab\x1b[0m cd");
    }

    #[test]
    fn huge_documents_do_not_overflow() {
        let d = container_doc(t("["), ints(300_000), t("]"), t(","), ContainerBreak::Maybe);
        assert!(format(&d, Some(80)).ends_with("300000]"));
        let mut d = t("x");
        for _ in 0..200_000 {
            d = d.group();
        }
        drop(d);
    }
}
