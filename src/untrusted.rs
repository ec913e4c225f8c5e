//! Text from files a user hands us (scenario names, descriptions, event texts,
//! anything in a run file), made safe to print to a terminal: control
//! characters and bidirectional overrides are shown escaped (`\u{1b}`), never
//! sent raw, so a hostile file cannot clear the screen, retitle the window or
//! reorder what the player reads. Newlines and tabs are kept, except where a
//! text stands in one line of output (a name in a table or a heading): there
//! [`one_line`] escapes them too, so a name cannot forge lines of its own.

use std::borrow::Cow;
use std::io::{self, Write};

/// Whether `c` must not reach a terminal as it is. The line and paragraph
/// separators (U+2028, U+2029) break lines in some terminals and viewers.
fn unsafe_char(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{2028}' | '\u{2029}')
}

/// `s` with every unsafe character escaped as `\u{…}`.
pub fn printable(s: &str) -> Cow<'_, str> {
    escaped(s, unsafe_char)
}

/// `s` for a place that holds one line (a name in a table, a heading, a
/// column): line breaks and tabs are escaped as well as every unsafe
/// character, so the text cannot start a line of its own.
pub fn one_line(s: &str) -> Cow<'_, str> {
    escaped(s, |c| c == '\n' || c == '\t' || unsafe_char(c))
}

fn escaped(s: &str, unsafe_char: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !s.chars().any(&unsafe_char) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if unsafe_char(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A writer that passes everything through [`printable`]: every command's
/// output goes through one, so no command can forget to.
pub struct Printable<W: Write> {
    inner: W,
}

impl<W: Write> Printable<W> {
    pub fn new(inner: W) -> Self {
        Printable { inner }
    }
}

impl<W: Write> Write for Printable<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        // Formatting writes whole `str` pieces, so a piece is valid UTF-8; a
        // stray invalid byte is replaced rather than passed on.
        let text = String::from_utf8_lossy(buf);
        self.inner.write_all(printable(&text).as_bytes())?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_bidi_overrides_are_escaped_and_the_rest_kept() {
        let hostile = "a\u{1b}[2Jb\u{1b}]0;owned\u{7}c\u{202e}d\u{9b}e\nf\tg é 🙂";
        let shown = printable(hostile);
        assert!(!shown.chars().any(unsafe_char), "{shown}");
        assert_eq!(
            shown,
            "a\\u{1b}[2Jb\\u{1b}]0;owned\\u{7}c\\u{202e}d\\u{9b}e\nf\tg é 🙂"
        );
        assert!(matches!(printable("plain text\n"), Cow::Borrowed(_)));
    }

    #[test]
    fn a_one_line_text_cannot_break_its_line() {
        let name = "Line1\nForged: ok, 0 errors\r\u{2028}x\u{2029}\ty";
        let shown = one_line(name);
        assert!(!shown.contains(['\n', '\r', '\t', '\u{2028}', '\u{2029}']));
        assert_eq!(
            shown,
            "Line1\\u{a}Forged: ok, 0 errors\\u{d}\\u{2028}x\\u{2029}\\u{9}y"
        );
        assert_eq!(printable("a\u{2028}b"), "a\\u{2028}b");
        assert!(matches!(one_line("Garage to growth"), Cow::Borrowed(_)));
    }

    #[test]
    fn the_writer_escapes_what_passes_through_it() {
        let mut out = Printable::new(Vec::new());
        let name = "x\u{1b}[31my";
        write!(out, "name: {name}").unwrap();
        assert_eq!(String::from_utf8(out.inner).unwrap(), "name: x\\u{1b}[31my");
    }
}
