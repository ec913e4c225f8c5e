//! What a command can fail with; `main` prints it and exits 1.

use crate::scenario::ScenarioError;
use crate::sim;

/// An error for the person at the terminal; `main` prints it and exits 1.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("{0}")]
    Scenario(#[from] ScenarioError),
    #[error("{0}")]
    Sim(#[from] sim::SimError),
    #[error("{0}")]
    Usage(String),
    /// The terminal game could not run.
    #[error("{0}")]
    Terminal(std::io::Error),
    /// The output could not be written: a closed pipe (`| head`) is not an
    /// error for the person at the terminal, and `main` ends quietly then.
    #[error("cannot write the output: {0}")]
    Output(#[from] std::io::Error),
    #[error("{0}")]
    Run(#[from] crate::run::RunError),
    /// Already reported on the output (e.g. `check` found errors).
    #[error("")]
    Failed,
}

impl CliError {
    /// Whether the reader of the output went away (a pipe into `head`
    /// closed): nothing is left to say, so the command ends quietly.
    pub fn reader_gone(&self) -> bool {
        matches!(self, CliError::Output(e) if e.kind() == std::io::ErrorKind::BrokenPipe)
    }
}
