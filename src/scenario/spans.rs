//! Findings placed in the text: a value's line and column for a finding
//! about a field path, and the errors after the first syntax error.

use super::diagnostic::{window, Diagnostic, Location, Severity};
use super::outline::{self, line_col, original_index, outline, renumber, Node};
use super::validate::validate;
use crate::engine::Scenario;

/// How the text is parsed: `text` and its origin to a scenario or the first
/// error.
type Parse = fn(&str, &str) -> Result<Scenario, Box<Diagnostic>>;

/// Most list items left out to read past syntax errors, per file.
const MAX_SKIPPED: usize = 16;

/// Give each finding about a field path the line and column of its value in
/// `text` (or of the nearest enclosing value written there, when the field
/// itself is left to its default). Findings not found in the text keep their
/// path alone.
pub fn place(found: &mut [Diagnostic], text: &str) {
    if found
        .iter()
        .all(|d| !matches!(d.location, Location::Path(_)))
    {
        return;
    }
    let root = outline(text);
    for d in found.iter_mut() {
        let Location::Path(path) = &d.location else {
            continue;
        };
        if let Some(node) = nearest(&root, path) {
            d.location = span_at(text, node.span.start, path.clone());
        }
    }
}

/// The node at `path`, or at its nearest ancestor written in the text (never
/// the whole file).
fn nearest<'a>(root: &'a Node, path: &str) -> Option<&'a Node> {
    let mut path = path;
    loop {
        if let Some(node) = root.find(path) {
            return Some(node);
        }
        let cut = path.rfind(['.', '['])?;
        path = &path[..cut];
        if path.is_empty() {
            return None;
        }
    }
}

fn span_at(text: &str, at: usize, path: String) -> Location {
    let (line, col) = line_col(text, at);
    let (source_line, caret) = window(text.lines().nth(line - 1).unwrap_or(""), col);
    Location::Span {
        line,
        col,
        source_line,
        caret,
        path: Some(path),
    }
}

/// Every error found in `text`, whose first syntax error is `first`: the
/// parser stops there, so the list item that holds it (an event, a choice,
/// an effect, an ending, a condition) is left out and the rest read again,
/// up to [`MAX_SKIPPED`] times. When the rest then reads, its value errors
/// follow, except those that may only come from an item left out (a
/// follow-up to a left-out event). An error outside any list item ends it.
pub fn after_syntax_error(
    text: &str,
    origin: &str,
    first: Diagnostic,
    parse: Parse,
) -> Vec<Diagnostic> {
    let mut found = vec![with_path(first, text, &[])];
    let mut rest = text.to_string();
    let mut removed: Vec<(String, usize)> = Vec::new();
    for _ in 0..MAX_SKIPPED {
        let Some((line, col)) = found.last().and_then(Diagnostic::line_col) else {
            break;
        };
        let at = outline::offset(&rest, line, col);
        let Some((list, i, span)) = outline(&rest).item_at(at) else {
            break;
        };
        let list = renumber(&list, &removed);
        let i = original_index(&list, i, &removed);
        removed.push((list, i));
        rest = blank(&rest, span);
        match parse(&rest, origin) {
            Ok(scenario) => {
                found.extend(later_errors(validate(&scenario, origin), &rest, &removed));
                break;
            }
            Err(next) => {
                // Errors come in the order of the text; anything else means
                // leaving the item out did not help.
                match next.line_col() {
                    Some(next_at) if next_at > (line, col) => {
                        found.push(with_path(*next, &rest, &removed));
                    }
                    _ => break,
                }
            }
        }
    }
    for d in &mut found {
        // Show the line as written, not as read with items left out.
        if let Location::Span {
            line,
            col,
            source_line,
            caret,
            ..
        } = &mut d.location
        {
            (*source_line, *caret) = window(text.lines().nth(*line - 1).unwrap_or(""), *col);
        }
    }
    found
}

/// A syntax error with the path of the value it is in (when it is in one),
/// read from `text` with the `removed` items left out.
fn with_path(mut d: Diagnostic, text: &str, removed: &[(String, usize)]) -> Diagnostic {
    if let Location::Span {
        line, col, path, ..
    } = &mut d.location
    {
        let here = outline(text).path_at(outline::offset(text, *line, *col));
        if !here.is_empty() {
            *path = Some(renumber(&here, removed));
        }
    }
    d
}

/// The errors validation found in the text with items left out, placed and
/// numbered as in the whole text.
fn later_errors(
    found: Vec<Diagnostic>,
    rest: &str,
    removed: &[(String, usize)],
) -> Vec<Diagnostic> {
    let mut errors: Vec<Diagnostic> = found
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    place(&mut errors, rest);
    for d in &mut errors {
        match &mut d.location {
            Location::Path(path)
            | Location::Span {
                path: Some(path), ..
            } => {
                *path = renumber(path, removed);
            }
            _ => {}
        }
    }
    errors.retain(|d| !d.path().is_some_and(|p| from_left_out(p, removed)));
    errors
}

/// Whether an error at `path` may only come from leaving the `removed` items
/// out: a list now short of items, a default choice now past the end, a
/// follow-up to an event left out.
fn from_left_out(path: &str, removed: &[(String, usize)]) -> bool {
    removed.iter().any(|(list, _)| {
        path == list
            || (list == "events" && path.ends_with(".event"))
            || list
                .strip_suffix(".choices")
                .is_some_and(|event| path == format!("{event}.default_choice"))
    })
}

/// `text` with the item at `span` (and a comma after it) turned to spaces,
/// a space per character, so every line and column stays where it was.
fn blank(text: &str, span: std::ops::Range<usize>) -> String {
    let mut end = span.end.min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    let after = &text[end..];
    let comma = after
        .char_indices()
        .find(|(_, c)| !c.is_whitespace())
        .filter(|(_, c)| *c == ',')
        .map_or(0, |(i, _)| i + 1);
    let end = end + comma;
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        if (span.start..end).contains(&i) && c != '\n' && c != '\r' {
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    out
}
