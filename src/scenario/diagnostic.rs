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
    /// column within what is shown.
    Span {
        line: usize,
        col: usize,
        source_line: String,
        caret: usize,
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
            } => {
                write!(f, "{}:{line}:{col}: {label}: {}", self.origin, self.message)?;
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

/// `found` in the order a person reads them: errors first, then warnings, each
/// in the order they were found.
pub fn sorted(found: &[Diagnostic]) -> Vec<&Diagnostic> {
    let mut sorted: Vec<&Diagnostic> = found.iter().collect();
    sorted.sort_by_key(|d| d.severity);
    sorted
}
