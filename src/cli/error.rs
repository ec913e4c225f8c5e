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
    #[error("{0}")]
    Terminal(#[from] std::io::Error),
    #[error("{0}")]
    Run(#[from] crate::run::RunError),
    /// Already reported on the output (e.g. `check` found errors).
    #[error("")]
    Failed,
}
