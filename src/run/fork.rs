//! Taking over a run in a new one: the fork plays the same scenario and seed
//! with the same decisions up to the week it takes over, and names its parent
//! (the state hash of the parent's last week, and that week).

use std::path::Path;

use super::error::RunError;
use super::record::{Parent, RunRecord};
use super::store::{backup_path, load};
use super::verify::{verify, Verified};

/// A new run that takes over `record` after week `week` (at most its last),
/// verified (it replays the parent's first `week` weeks).
pub fn fork(record: &RunRecord, week: u32) -> Result<Verified, RunError> {
    let week = week.min(record.weeks.len() as u32);
    let mut fork = RunRecord {
        weeks: record.weeks[..week as usize].to_vec(),
        ending: None,
        ..record.clone()
    };
    fork.parent = Some(Parent {
        run: record.weeks.last().map_or(0, |w| w.hash),
        week,
    });
    verify(&fork, "fork")
}

/// A fork of the run file at `path` (or of its backup, if the file is
/// damaged) from its last saved week: how a run another game is playing is
/// taken over here, leaving that game's file alone.
pub fn take_over(path: &Path) -> Result<Verified, RunError> {
    let record = load(path).or_else(|e| load(&backup_path(path)).map_err(|_| e))?;
    fork(&record, record.weeks.len() as u32)
}
