//! Why a run file cannot be used, shared by reading, verifying and resuming.

use std::fmt;
use std::path::PathBuf;

use thiserror::Error;

use crate::scenario::Diagnostic;

/// Why a run file cannot be used.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum RunError {
    /// The file could not be read or written.
    #[error("{origin}: error: {message}")]
    Io { origin: String, message: String },
    /// Not a run file: syntax, types, fields.
    #[error("{0}")]
    Malformed(Box<Diagnostic>),
    /// Written by an incompatible version.
    #[error("{origin}: error: {message}")]
    Incompatible { origin: String, message: String },
    /// The embedded scenario was edited after the run was recorded.
    #[error("{origin}: error: the scenario inside this run file was edited after the run was recorded (its hash no longer matches), so the run cannot be replayed")]
    ScenarioEdited { origin: String },
    /// The embedded scenario no longer loads.
    #[error(
        "{origin}: error: the scenario inside this run file does not load:{}",
        lines(found)
    )]
    ScenarioInvalid {
        origin: String,
        found: Vec<Diagnostic>,
    },
    /// The header says something the embedded scenario does not.
    #[error("{origin}: error: the header's {field} is {recorded:?}, but the embedded scenario says {actual:?}")]
    Header {
        origin: String,
        field: &'static str,
        recorded: String,
        actual: String,
    },
    /// Replaying does not give the recorded weeks.
    #[error("{origin}: error: {divergence}")]
    Diverged {
        origin: String,
        divergence: Divergence,
    },
    /// There is no data folder to find the save in.
    #[error("no data folder: set {env} or name a run file")]
    NoDataDir { env: &'static str },
    /// Another game is playing this run (it holds the run's lock).
    #[error("{}: this run is open in another game (a run has one player at a time). Play on there, or take it over in a new run from its last saved week: cto-sim continue --fork '{}'", path.display(), path.display())]
    Locked { path: PathBuf },
    /// Nothing has been saved yet.
    #[error("no saved run to continue at {}; start one with `cto-sim play`", path.display())]
    NoSave { path: PathBuf },
}

fn lines(found: &[Diagnostic]) -> String {
    found.iter().map(|d| format!("\n{d}")).collect()
}

/// The first week where a replay differs from the record.
#[derive(Clone, Debug, PartialEq)]
pub struct Divergence {
    /// 1-based week.
    pub week: u32,
    /// What differs (headline figures), or why the week could not be replayed.
    pub fields: Vec<String>,
}

impl fmt::Display for Divergence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the replay diverges in week {}", self.week)?;
        if self.fields.is_empty() {
            write!(f, ": the state hash differs (the headline figures agree)")
        } else {
            write!(f, ": {}", self.fields.join("; "))
        }
    }
}
