//! From text to a checked scenario: limits, parsing with located errors, validation.

use super::diagnostic::{window, Diagnostic, Location, Severity};
use super::suggest;
use super::validate::validate;
use crate::engine::Scenario;

/// Largest scenario file read, in bytes (checked before reading it whole).
pub const MAX_BYTES: u64 = 1024 * 1024;
/// Deepest nesting of brackets and parentheses the parser follows.
pub const MAX_DEPTH: usize = 32;

/// A scenario that parsed and validated, with the warnings found on the way.
#[derive(Clone, Debug)]
pub struct Checked {
    pub scenario: Scenario,
    pub warnings: Vec<Diagnostic>,
    /// The text it was read from, and its name in messages: later findings
    /// (`check`'s) are placed in it as these are.
    pub text: String,
    pub origin: String,
}

/// Parse `text` (named `origin` in messages) and validate it.
///
/// On failure, every diagnostic found is returned: the syntax and type errors
/// the parser can read past (see [`super::spans::after_syntax_error`]), or
/// all the semantic errors and warnings together. Findings about a value carry
/// its line and column.
pub fn load_str(text: &str, origin: &str) -> Result<Checked, Vec<Diagnostic>> {
    if text.len() as u64 > MAX_BYTES {
        return Err(vec![Diagnostic {
            severity: Severity::Error,
            origin: origin.to_string(),
            location: Location::File,
            message: format!(
                "the scenario is {} bytes; at most {MAX_BYTES} are allowed",
                text.len()
            ),
            hint: None,
        }]);
    }
    let scenario = parse(text, origin)
        .map_err(|d| super::spans::after_syntax_error(text, origin, *d, parse))?;
    let mut found = validate(&scenario, origin);
    super::spans::place(&mut found, text);
    if found.iter().any(Diagnostic::is_error) {
        return Err(found);
    }
    Ok(Checked {
        scenario,
        warnings: found,
        text: text.to_string(),
        origin: origin.to_string(),
    })
}

/// Parse `text` as a scenario: syntax, types and field names only.
pub fn parse(text: &str, origin: &str) -> Result<Scenario, Box<Diagnostic>> {
    if text.trim().is_empty() {
        return Err(Box::new(Diagnostic {
            severity: Severity::Error,
            origin: origin.to_string(),
            location: Location::File,
            message: "the file is empty".into(),
            hint: Some("a scenario starts with `(version: 1, name: \"…\", description: \"…\")`; see docs/scenario-format.md".into()),
        }));
    }
    // An optional number may be written bare (`coding_multiple: 4.0`) as well
    // as `Some(4.0)`.
    let options = ron::Options::default()
        .with_recursion_limit(MAX_DEPTH)
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    options
        .from_str::<Scenario>(text)
        .map_err(|e| Box::new(locate(&e, text, origin)))
}

/// A parser error as a located diagnostic, with the offending line and a caret.
pub fn locate(e: &ron::error::SpannedError, text: &str, origin: &str) -> Diagnostic {
    {
        let (mut message, mut hint) = describe(&e.code);
        let line = e.span.start.line.max(1);
        let source = text.lines().nth(line - 1).unwrap_or("");
        // The parser points just before what it could not read, sometimes at
        // the space before it: point at the thing itself.
        let col = {
            let col = e.span.start.col.max(1);
            let chars: Vec<char> = source.chars().collect();
            let skip = chars
                .iter()
                .skip(col - 1)
                .take_while(|c| c.is_whitespace())
                .count();
            if col - 1 + skip < chars.len() {
                col + skip
            } else {
                col
            }
        };
        if e.code == ron::Error::ExpectedComma {
            // `engineers: 12.0`: the parser read `12` and stopped at the point.
            if let Some((whole, written)) = fraction_for_whole(source, col) {
                message = "expected a whole number".into();
                hint = Some(format!(
                    "this field counts whole things: write `{whole}`, not `{written}`"
                ));
            } else if let Some((share, written)) = percent(source, col) {
                // `chance: 5%`: the parser read `5` and stopped at the sign.
                message = "expected a number, without `%`".into();
                hint = Some(format!(
                    "shares are fractions from 0 to 1: write `{share}`, not `{written}`"
                ));
            }
        }
        let here = source.chars().nth(col - 1);
        match (&e.code, here) {
            (ron::Error::ExpectedString | ron::Error::ExpectedStringEnd, Some('“' | '”' | '„')) =>
            {
                hint =
                    Some("these are typographic quotes: write text in straight ones, \"…\"".into());
            }
            (ron::Error::ExpectedArray, Some('(')) => {
                hint = Some("a list of one is still a list: `[( … )]`".into());
            }
            _ => {}
        }
        if e.code == ron::Error::ExpectedIdentifier {
            // `stage: "SeriesA"`, `op: ">="`: a name from a fixed set, quoted.
            if let Some(quoted) = quoted_at(source, col) {
                message = "expected a name without quotes".into();
                hint = Some(match quoted.as_str() {
                    ">=" => "write `at_least` (or `above` for `>`)".into(),
                    "<=" => "write `at_most` (or `below` for `<`)".into(),
                    ">" => "write `above`".into(),
                    "<" => "write `below`".into(),
                    name => format!("write `{name}`, not `\"{name}\"`"),
                });
            }
        }
        if at_end(text, line, col) {
            hint = Some("the file ends here: is it cut short, or a bracket left open?".into());
        }
        let (source_line, caret) = window(text.lines().nth(line - 1).unwrap_or(""), col);
        Diagnostic {
            severity: Severity::Error,
            origin: origin.to_string(),
            location: Location::Span {
                line,
                col,
                source_line,
                caret,
                path: None,
            },
            message,
            hint,
        }
    }
}

/// When column `col` of `line` is the decimal point of a number (a fraction
/// written where a whole number was expected): the whole part and the number
/// as written, `("12", "12.0")`.
fn fraction_for_whole(line: &str, col: usize) -> Option<(String, String)> {
    let chars: Vec<char> = line.chars().collect();
    let point = col.checked_sub(1)?;
    if chars.get(point) != Some(&'.') || !chars.get(point + 1)?.is_ascii_digit() {
        return None;
    }
    let number = |c: &char| c.is_ascii_digit() || *c == '_';
    let start = chars[..point]
        .iter()
        .rposition(|c| !number(c))
        .map_or(0, |i| i + 1);
    let end = chars[point + 1..]
        .iter()
        .position(|c| !number(c))
        .map_or(chars.len(), |i| point + 1 + i);
    if start == point {
        return None;
    }
    let whole: String = chars[start..point].iter().collect();
    Some((whole, chars[start..end].iter().collect()))
}

/// When column `col` of `line` is a `%` after a number: the number as a
/// share and as written, `("0.05", "5%")`.
fn percent(line: &str, col: usize) -> Option<(String, String)> {
    let chars: Vec<char> = line.chars().collect();
    let sign = col.checked_sub(1)?;
    if chars.get(sign) != Some(&'%') {
        return None;
    }
    let start = chars[..sign]
        .iter()
        .rposition(|c| !(c.is_ascii_digit() || *c == '.'))
        .map_or(0, |i| i + 1);
    let written: String = chars[start..sign].iter().collect();
    let value: f64 = written.parse().ok()?;
    Some((format!("{}", value / 100.0), format!("{written}%")))
}

/// When column `col` of `line` opens a string: its text (up to the closing
/// quote, at most 40 characters).
fn quoted_at(line: &str, col: usize) -> Option<String> {
    let rest: String = line.chars().skip(col.checked_sub(1)?).collect();
    let body = rest.strip_prefix('"')?;
    let end = body.find('"')?;
    let text = &body[..end];
    (!text.is_empty() && text.chars().count() <= 40).then(|| text.to_string())
}

/// Whether (line, col) is at or past the last non-blank character of `text`.
fn at_end(text: &str, line: usize, col: usize) -> bool {
    let trimmed = text.trim_end();
    let last_line = trimmed.lines().count().max(1);
    let last_col = trimmed.lines().last().map_or(0, |l| l.chars().count());
    line > last_line || (line == last_line && col > last_col)
}

/// Our wording for a parser error, with a hint where we have one.
fn describe(code: &ron::Error) -> (String, Option<String>) {
    use ron::Error as E;
    match code {
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => (
            format!("unknown field `{found}` in {}", place(outer.as_deref())),
            Some(suggest::hint(found, expected)),
        ),
        E::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => (
            format!("unknown {} `{found}`", kind(outer.as_deref())),
            Some(suggest::hint(found, expected)),
        ),
        E::MissingStructField { field, outer } => (
            format!("missing field `{field}` in {}", place(outer.as_deref())),
            Some(format!(
                "add `{field}: …`; docs/scenario-format.md lists every field"
            )),
        ),
        E::DuplicateStructField { field, outer } => (
            format!(
                "field `{field}` is given twice in {}",
                place(outer.as_deref())
            ),
            None,
        ),
        other => syntax(other),
    }
}

/// Our wording for a syntax error: what the file should hold where it stops.
fn syntax(code: &ron::Error) -> (String, Option<String>) {
    use ron::Error as E;
    match code {
        E::ExceededRecursionLimit => (
            format!("brackets are nested more than {MAX_DEPTH} levels deep"),
            Some("no scenario needs this much nesting; is a bracket unclosed?".into()),
        ),
        E::Eof => (
            "the file ends too early".into(),
            Some("is a bracket or parenthesis left open, or the file cut short?".into()),
        ),
        E::ExpectedOption => (
            "expected an optional value".into(),
            Some("write `Some(0.5)` (or leave the field out)".into()),
        ),
        E::TrailingCharacters => (
            "unexpected text after the end of the scenario".into(),
            Some("the scenario is one `( … )`; is there an extra closing bracket?".into()),
        ),
        E::ExpectedIdentifier => ("expected a field name".into(), None),
        E::ExpectedComma => (
            "expected a comma".into(),
            Some("separate fields and list items with `,`".into()),
        ),
        E::ExpectedString | E::ExpectedStringEnd => ("expected text in double quotes".into(), None),
        E::ExpectedFloat => ("expected a number (like `0.5` or `3200000.0`)".into(), None),
        E::ExpectedInteger => ("expected a whole number".into(), None),
        E::IntegerOutOfBounds => (
            "this whole number is too large or negative here".into(),
            None,
        ),
        E::ExpectedBoolean => ("expected `true` or `false`".into(), None),
        E::ExpectedArray => ("expected a list in `[ … ]`".into(), None),
        E::ExpectedArrayEnd => (
            "expected `]` to close the list".into(),
            Some("is a comma missing between items?".into()),
        ),
        E::ExpectedStructLike | E::ExpectedNamedStructLike(_) => {
            ("expected a structure in `( … )`".into(), None)
        }
        E::ExpectedStructLikeEnd => (
            "expected `)` to close the structure".into(),
            Some("is a comma missing between fields?".into()),
        ),
        E::UnclosedBlockComment => ("a `/*` comment is never closed".into(), None),
        E::FloatUnderscore | E::UnderscoreAtBeginning => (
            "numbers are written without `_` separators here".into(),
            None,
        ),
        E::Message(m) => (m.clone(), None),
        other => {
            let text = other.to_string();
            let mut chars = text.chars();
            let message = match chars.next() {
                Some(first) => first.to_lowercase().collect::<String>() + chars.as_str(),
                None => text,
            };
            (message, None)
        }
    }
}

/// Where a struct sits, in the author's words.
fn place(outer: Option<&str>) -> String {
    match outer {
        Some("Scenario") | None => "the scenario".into(),
        Some("Start") => "`start`".into(),
        Some("Params") => "`params`".into(),
        Some("AttentionParams") => "`params.attention`".into(),
        Some("HiringParams") => "`params.hiring`".into(),
        Some("OrgParams") => "`params.org`".into(),
        Some("EngineeringParams") => "`params.engineering`".into(),
        Some("MoraleParams") => "`params.morale`".into(),
        Some("PowerParams") => "`params.power`".into(),
        Some("StrategyParams") => "`params.strategy`".into(),
        Some("BusinessParams") => "`params.business`".into(),
        Some("EndingParams") => "`params.endings`".into(),
        Some("Round") => "a funding round".into(),
        Some("EventDef") => "an event".into(),
        Some("Choice") => "a choice".into(),
        Some("Condition") => "a condition".into(),
        Some("CustomEnding") => "an ending".into(),
        Some(other) => format!("`{other}`"),
    }
}

/// What kind of value an enum is, in the author's words.
fn kind(outer: Option<&str>) -> &'static str {
    match outer {
        Some("Metric") => "metric",
        Some("Op") => "comparison (`op`)",
        Some("Stage") => "stage",
        Some("Background") => "background",
        Some("ReportingLine") => "reporting line",
        Some("Effect") => "effect",
        Some("Tunable") => "tunable parameter",
        Some("Outcome") => "outcome",
        _ => "value",
    }
}
