//! Why a scenario could not be used.

use thiserror::Error;

use super::diagnostic::{sorted, Diagnostic};

/// Why a scenario could not be used.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum ScenarioError {
    /// It was read but is not a valid scenario: every finding, errors first.
    #[error("{}", lines(.0))]
    Invalid(Vec<Diagnostic>),
    /// No built-in scenario, user scenario or file with this name.
    #[error(
        "no scenario named '{name}'{}\n    known: {}\n    hint: give a path to a .ron file to load your own; `cto-sim scenarios` lists them",
        suggestion.as_ref().map_or(String::new(), |s| format!("; did you mean '{s}'?")),
        known.join(", ")
    )]
    NotFound {
        name: String,
        known: Vec<String>,
        suggestion: Option<String>,
    },
    /// The file could not be read.
    #[error("{origin}: error: {message}")]
    Io { origin: String, message: String },
}

/// Every finding, errors first, a line each.
fn lines(found: &[Diagnostic]) -> String {
    sorted(found)
        .iter()
        .map(|d| d.to_string())
        .collect::<Vec<_>>()
        .join("\n")
}
