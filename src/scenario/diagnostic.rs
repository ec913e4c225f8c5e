//! Messages about a scenario, located in its file.

use std::fmt;

/// How bad a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The scenario cannot be played.
    Error,
    /// The scenario plays, but probably not as its author meant.
    Warning,
}

/// Where in the scenario a finding is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Location {
    /// A position in the text: 1-based line and column, with the line itself
    /// (or, for a very long line, the part around the column) and the caret's
    /// column within what is shown; for a finding about a value, the
    /// value's field path as well.
    Span {
        line: usize,
        col: usize,
        source_line: String,
        caret: usize,
        path: Option<String>,
    },
    /// A field, as a path (`events[2].choices[0].effects[1]`).
    Path(String),
    /// The file as a whole.
    File,
}

/// One finding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The file (or built-in name) it is about.
    pub origin: String,
    pub location: Location,
    pub message: String,
    /// What to do about it, e.g. "did you mean `morale`?".
    pub hint: Option<String>,
}

impl Diagnostic {
    /// An error at a field path.
    pub fn error(origin: &str, path: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            origin: origin.to_string(),
            location: Location::Path(path.into()),
            message: message.into(),
            hint: None,
        }
    }

    /// A warning at a field path.
    pub fn warning(origin: &str, path: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(origin, path, message)
        }
    }

    /// The same finding with a hint.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Whether this is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The field path it is about, if it is about one.
    pub fn path(&self) -> Option<&str> {
        match &self.location {
            Location::Path(path)
            | Location::Span {
                path: Some(path), ..
            } => Some(path),
            _ => None,
        }
    }

    /// The 1-based line and column it points at, if it is located in the text.
    pub fn line_col(&self) -> Option<(usize, usize)> {
        match self.location {
            Location::Span { line, col, .. } => Some((line, col)),
            _ => None,
        }
    }
}

impl Diagnostic {
    /// The finding as JSON: `file`, `line`, `column` (1-based, in
    /// characters; `null` when not located in the text), `path` (`null` when
    /// about no field), `severity` (`"error"` or `"warning"`), `message` and
    /// `hint` (`null` without one).
    pub fn to_json(&self) -> serde_json::Value {
        let (line, column) = self.line_col().unzip();
        serde_json::json!({
            "file": self.origin,
            "line": line,
            "column": column,
            "path": self.path(),
            "severity": match self.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            },
            "message": self.message,
            "hint": self.hint,
        })
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        match &self.location {
            Location::Span {
                line,
                col,
                source_line,
                caret,
                path,
            } => {
                write!(f, "{}:{line}:{col}: ", self.origin)?;
                if let Some(path) = path {
                    write!(f, "{path}: ")?;
                }
                write!(f, "{label}: {}", self.message)?;
                if !source_line.is_empty() {
                    // Tabs would shift the caret; show them as single spaces.
                    let shown: String = source_line
                        .chars()
                        .map(|c| if c.is_control() { ' ' } else { c })
                        .collect();
                    let caret_at = caret.saturating_sub(1).min(shown.chars().count());
                    write!(f, "\n    {shown}\n    {}^", " ".repeat(caret_at))?;
                }
            }
            Location::Path(path) => {
                write!(f, "{}: {path}: {label}: {}", self.origin, self.message)?
            }
            Location::File => write!(f, "{}: {label}: {}", self.origin, self.message)?,
        }
        if let Some(hint) = &self.hint {
            write!(f, "\n    hint: {hint}")?;
        }
        Ok(())
    }
}

/// A readable slice of a (possibly huge) line around column `col`, and the
/// column of the same character within the slice.
pub fn window(line: &str, col: usize) -> (String, usize) {
    const WIDTH: usize = 100;
    let chars: Vec<char> = line.chars().collect();
    if chars.len() <= WIDTH {
        return (line.to_string(), col);
    }
    let start = col
        .saturating_sub(WIDTH / 2)
        .min(chars.len().saturating_sub(WIDTH));
    let end = (start + WIDTH).min(chars.len());
    let slice: String = chars[start..end].iter().collect();
    (slice, col - start)
}

/// `found` in the order a person reads them: errors first, then warnings, each
/// in the order they were found.
pub fn sorted(found: &[Diagnostic]) -> Vec<&Diagnostic> {
    let mut sorted: Vec<&Diagnostic> = found.iter().collect();
    sorted.sort_by_key(|d| d.severity);
    sorted
}
