//! A forgiving outline of RON text: where each value is, so that a finding
//! about a field path (`events[2].choices[0].effects[1].by`) can point at the
//! value in the file.
//!
//! The outline is built by a small scanner that knows only brackets, field
//! names, strings and comments. It never fails: broken or hostile text gives
//! a partial outline (brackets that do not match close where they can, nesting
//! deeper than [`MAX_NEST`] is skipped over without recursion), so a path that
//! cannot be found is simply not located.

use std::ops::Range;

/// Deepest nesting outlined; anything deeper is one opaque value.
const MAX_NEST: usize = 48;

/// A value in the text: its byte range and, for `( … )`, `[ … ]` and
/// `{ … }` (with or without a name in front, `Some( … )`, `Change( … )`),
/// what is inside.
#[derive(Debug, Default)]
pub struct Node {
    pub span: Range<usize>,
    /// `name: value` entries of a structure.
    fields: Vec<(String, Node)>,
    /// Items of a list or tuple (and the content of `Some( … )`).
    items: Vec<Node>,
    /// Whether this is a list in `[ … ]`.
    list: bool,
}

impl Node {
    /// The value at `path` (`start.morale`, `events[2].choices`), looked up
    /// from the root structure.
    pub fn find(&self, path: &str) -> Option<&Node> {
        let mut node = self;
        for segment in segments(path)? {
            node = match segment {
                Segment::Field(name) => node.field(name)?,
                Segment::Index(i) => node.item(i)?,
            };
        }
        Some(node)
    }

    fn field(&self, name: &str) -> Option<&Node> {
        match self.fields.iter().find(|(n, _)| n == name) {
            Some((_, node)) => Some(node),
            // `Some(( … ))` and one-item tuples: look inside.
            None if self.fields.is_empty() && self.items.len() == 1 => self.items[0].field(name),
            None => None,
        }
    }

    fn item(&self, i: usize) -> Option<&Node> {
        if !self.list && self.fields.is_empty() && self.items.len() == 1 && self.items[0].list {
            return self.items[0].item(i);
        }
        self.items.get(i)
    }

    /// The path of the innermost value holding byte `at` (empty for the
    /// root), numbered as in this text.
    pub fn path_at(&self, at: usize) -> String {
        let mut path = String::new();
        let mut node = self;
        'down: loop {
            for (name, inner) in &node.fields {
                if inner.span.contains(&at) {
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(name);
                    node = inner;
                    continue 'down;
                }
            }
            for (i, inner) in node.items.iter().enumerate() {
                if inner.span.contains(&at) {
                    if node.list {
                        path.push_str(&format!("[{i}]"));
                    }
                    node = inner;
                    continue 'down;
                }
            }
            return path;
        }
    }

    /// The innermost list item whose span holds byte `at`, as (the list's
    /// path, the item's index, the item's span).
    pub fn item_at(&self, at: usize) -> Option<(String, usize, Range<usize>)> {
        self.item_at_under(at, "")
    }

    fn item_at_under(&self, at: usize, path: &str) -> Option<(String, usize, Range<usize>)> {
        for (name, node) in &self.fields {
            if node.span.contains(&at) {
                let here = if path.is_empty() {
                    name.clone()
                } else {
                    format!("{path}.{name}")
                };
                return node.item_at_under(at, &here);
            }
        }
        for (i, node) in self.items.iter().enumerate() {
            if node.span.contains(&at) || (node.span.is_empty() && node.span.start == at) {
                if !self.list {
                    return node.item_at_under(at, path);
                }
                let here = format!("{path}[{i}]");
                return node
                    .item_at_under(at, &here)
                    .or_else(|| Some((path.to_string(), i, node.span.clone())));
            }
        }
        None
    }
}

/// `path` (numbered as in text with some list items taken out) numbered as
/// in the whole text: `removed` holds each item taken out, as (its list's
/// path, its index), both numbered as in the whole text.
pub fn renumber(path: &str, removed: &[(String, usize)]) -> String {
    let Some(segments) = segments(path) else {
        return path.to_string();
    };
    let mut out = String::new();
    for segment in segments {
        match segment {
            Segment::Field(name) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(name);
            }
            Segment::Index(i) => {
                let i = original_index(&out, i, removed);
                out.push_str(&format!("[{i}]"));
            }
        }
    }
    out
}

/// The index in the whole text of item `i` of `list` (a path numbered as in
/// the whole text) once the `removed` items are taken out.
pub fn original_index(list: &str, i: usize, removed: &[(String, usize)]) -> usize {
    let mut gone: Vec<usize> = removed
        .iter()
        .filter(|(l, _)| l == list)
        .map(|(_, g)| *g)
        .collect();
    gone.sort_unstable();
    gone.into_iter()
        .fold(i, |i, g| if g <= i { i + 1 } else { i })
}

enum Segment<'a> {
    Field(&'a str),
    Index(usize),
}

/// `a.b[2].c` as segments; `None` for anything else.
fn segments(path: &str) -> Option<Vec<Segment<'_>>> {
    let mut out = Vec::new();
    for part in path.split('.') {
        let (name, mut rest) = part.split_at(part.find('[').unwrap_or(part.len()));
        if !name.is_empty() {
            out.push(Segment::Field(name));
        }
        while let Some(inner) = rest.strip_prefix('[') {
            let close = inner.find(']')?;
            out.push(Segment::Index(inner[..close].parse().ok()?));
            rest = &inner[close + 1..];
        }
        if !rest.is_empty() || (name.is_empty() && out.is_empty()) {
            return None;
        }
    }
    Some(out)
}

/// The outline of `text` (the root value).
pub fn outline(text: &str) -> Node {
    let mut s = Scanner {
        text: text.as_bytes(),
        at: 0,
    };
    s.blank();
    s.value(0)
}

struct Scanner<'a> {
    text: &'a [u8],
    at: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.get(self.at).copied()
    }

    /// Skip whitespace and comments (block comments nest, as in RON).
    fn blank(&mut self) {
        loop {
            match (self.peek(), self.text.get(self.at + 1)) {
                (Some(c), _) if c.is_ascii_whitespace() => self.at += 1,
                (Some(b'/'), Some(b'/')) => {
                    while self.peek().is_some_and(|c| c != b'\n') {
                        self.at += 1;
                    }
                }
                (Some(b'/'), Some(b'*')) => {
                    let mut depth = 0usize;
                    while self.at < self.text.len() {
                        if self.text[self.at..].starts_with(b"/*") {
                            depth += 1;
                            self.at += 2;
                        } else if self.text[self.at..].starts_with(b"*/") {
                            depth -= 1;
                            self.at += 2;
                            if depth == 0 {
                                break;
                            }
                        } else {
                            self.at += 1;
                        }
                    }
                }
                _ => return,
            }
        }
    }

    /// One value from here (the caller has skipped blanks).
    fn value(&mut self, depth: usize) -> Node {
        let start = self.at;
        match self.peek() {
            Some(open @ (b'(' | b'[' | b'{')) => {
                if depth >= MAX_NEST {
                    self.skip_group();
                    return Node {
                        span: start..self.at,
                        ..Node::default()
                    };
                }
                self.at += 1;
                let mut node = self.group(depth, open);
                node.span = start..self.at;
                node
            }
            Some(b'"') => {
                self.string();
                self.leaf(start)
            }
            Some(b'r') if matches!(self.text.get(self.at + 1), Some(b'"' | b'#')) => {
                self.raw_string();
                self.leaf(start)
            }
            Some(b'b') if self.text.get(self.at + 1) == Some(&b'"') => {
                self.at += 1;
                self.string();
                self.leaf(start)
            }
            Some(b'\'') => {
                self.char_literal();
                self.leaf(start)
            }
            Some(c) if is_word(c) => {
                while self.peek().is_some_and(is_word) {
                    self.at += 1;
                }
                let word_end = self.at;
                self.blank();
                if self.peek() == Some(b'(') {
                    // `Some( … )`, `Change( … )`, `Scenario( … )`.
                    let mut node = self.value(depth);
                    node.span = start..node.span.end;
                    node
                } else {
                    self.at = word_end;
                    self.leaf(start)
                }
            }
            Some(_) => {
                self.at += 1;
                self.leaf(start)
            }
            None => self.leaf(start),
        }
    }

    fn leaf(&self, start: usize) -> Node {
        Node {
            span: start..self.at,
            ..Node::default()
        }
    }

    /// The inside of a bracket just opened with `open`, up to and past its
    /// closing bracket (or to where a wrong one or the end of the text stops it).
    fn group(&mut self, depth: usize, open: u8) -> Node {
        let close = match open {
            b'(' => b')',
            b'[' => b']',
            _ => b'}',
        };
        let mut node = Node {
            list: open == b'[',
            ..Node::default()
        };
        loop {
            self.blank();
            match self.peek() {
                None => return node,
                Some(c) if c == close => {
                    self.at += 1;
                    return node;
                }
                // A bracket that closes something else: leave it to the outer group.
                Some(b')' | b']' | b'}') => return node,
                Some(b',' | b':') => self.at += 1,
                Some(c) if open == b'(' && is_word(c) => {
                    if let Some(name) = self.field_name() {
                        self.blank();
                        let value = self.value(depth + 1);
                        node.fields.push((name, value));
                    } else {
                        node.items.push(self.value(depth + 1));
                    }
                }
                Some(_) => {
                    let before = self.at;
                    node.items.push(self.value(depth + 1));
                    if self.at == before {
                        self.at += 1;
                    }
                }
            }
        }
    }

    /// `name:` here: the name, with the scanner past the colon; else nothing
    /// moves.
    fn field_name(&mut self) -> Option<String> {
        let start = self.at;
        while self.peek().is_some_and(is_word) {
            self.at += 1;
        }
        let end = self.at;
        self.blank();
        if self.peek() == Some(b':') && self.text.get(self.at + 1) != Some(&b':') {
            self.at += 1;
            let name = String::from_utf8_lossy(&self.text[start..end]).into_owned();
            return Some(name);
        }
        self.at = start;
        None
    }

    /// Past a whole bracketed value without outlining it (too deep).
    fn skip_group(&mut self) {
        let mut depth = 0usize;
        while let Some(c) = self.peek() {
            match c {
                b'(' | b'[' | b'{' => depth += 1,
                b')' | b']' | b'}' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        self.at += 1;
                        return;
                    }
                }
                b'"' => {
                    self.string();
                    continue;
                }
                _ => {}
            }
            self.at += 1;
        }
    }

    /// Past `"…"` (escapes honoured; an unclosed string runs to the end).
    fn string(&mut self) {
        self.at += 1;
        while let Some(c) = self.peek() {
            self.at += 1;
            match c {
                b'\\' => self.at += 1,
                b'"' => return,
                _ => {}
            }
        }
        self.at = self.at.min(self.text.len());
    }

    /// Past `r#"…"#`.
    fn raw_string(&mut self) {
        self.at += 1;
        let hashes = self.text[self.at..]
            .iter()
            .take_while(|&&c| c == b'#')
            .count();
        self.at += hashes;
        if self.peek() != Some(b'"') {
            return;
        }
        self.at += 1;
        while self.at < self.text.len() {
            if self.text[self.at] == b'"'
                && self.text[self.at + 1..]
                    .iter()
                    .take(hashes)
                    .filter(|&&c| c == b'#')
                    .count()
                    == hashes
            {
                self.at += 1 + hashes;
                return;
            }
            self.at += 1;
        }
    }

    /// Past `'x'` (or just the quote when it is not a character).
    fn char_literal(&mut self) {
        let rest = &self.text[self.at + 1..];
        let len = match rest.first() {
            Some(b'\\') => rest.iter().skip(1).position(|&c| c == b'\'').map(|p| p + 2),
            _ => rest.iter().take(5).position(|&c| c == b'\''),
        };
        self.at += len.map_or(1, |l| l + 2);
    }
}

fn is_word(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c == b'.' || c == b'-' || c == b'+' || c >= 0x80
}

/// The byte at 1-based `line` and `col` (in characters) of `text`, or the
/// end of the text.
pub fn offset(text: &str, line: usize, col: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let rest = &text[start.min(text.len())..];
    start
        + rest
            .char_indices()
            .nth(col.saturating_sub(1))
            .map_or(rest.len(), |(i, _)| i)
}

/// The 1-based line and column (in characters) of byte `at` in `text`.
pub fn line_col(text: &str, at: usize) -> (usize, usize) {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = r#"// a comment (with brackets
(
    name: "a (tricky) name, with: colons",
    start: (cash: 5.0, morale: 60, vps: []),
    /* events: nested /* comment */ */
    events: [
        (id: "a", choices: [(label: "x", effects: [Change(metric: cash, by: 9.0), Promote(1)])]),
        (id: "b", chance: Some(0.5)),
    ],
)"#;

    fn at(path: &str) -> Option<(usize, usize)> {
        outline(TEXT)
            .find(path)
            .map(|n| line_col(TEXT, n.span.start))
    }

    #[test]
    fn a_field_path_finds_its_value_in_the_text() {
        assert_eq!(at("start.morale"), Some((4, 32)));
        assert_eq!(at("events[0].choices[0].effects[0].by"), Some((7, 77)));
        assert_eq!(at("events[0].choices[0].effects[1]"), Some((7, 83)));
        assert_eq!(at("events[1].chance"), Some((8, 27)));
        assert_eq!(at("events[1].id"), Some((8, 14)));
        assert_eq!(at("events[2]"), None);
        assert_eq!(at("params.hiring"), None);
    }

    #[test]
    fn broken_text_is_outlined_as_far_as_it_goes_without_panicking() {
        for text in [
            "",
            "(",
            ")",
            "(a: [",
            "(a: \"",
            "r#",
            "'",
            "(a: r##\"x\"#",
            "((((((",
            "é:(",
        ] {
            let node = outline(text);
            let _ = node.find("a[0].b");
            let _ = node.item_at(2);
        }
        let deep = "[".repeat(10_000);
        assert!(outline(&deep).find("x").is_none());
    }

    #[test]
    fn a_path_counted_without_removed_items_is_renumbered() {
        let removed = vec![("events".to_string(), 1), ("events".to_string(), 3)];
        assert_eq!(renumber("events[0].when[1]", &removed), "events[0].when[1]");
        assert_eq!(renumber("events[1].when[1]", &removed), "events[2].when[1]");
        assert_eq!(renumber("events[2]", &removed), "events[4]");
        assert_eq!(offset("ab\ncd", 2, 2), 4);
        assert_eq!(line_col("ab\ncd", 4), (2, 2));
    }

    #[test]
    fn the_list_item_holding_a_position_is_found() {
        let at = TEXT.find("\"b\"").unwrap();
        let (list, i, span) = outline(TEXT).item_at(at).unwrap();
        assert_eq!((list.as_str(), i), ("events", 1));
        assert!(TEXT[span].starts_with("(id: \"b\""));
        let root = outline(TEXT);
        assert_eq!(root.path_at(at), "events[1].id");
        assert_eq!(
            root.path_at(TEXT.find("9.0").unwrap()),
            "events[0].choices[0].effects[0].by"
        );
        assert_eq!(root.path_at(0), "");
    }
}
