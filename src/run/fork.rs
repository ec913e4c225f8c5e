//! Taking over a run in a new one: the fork plays the same scenario and seed
//! with the same decisions up to the week it takes over, and names its parent
//! (the state hash of the parent's last week, and that week).

use std::path::Path;

use super::error::RunError;
use super::record::{Parent, RunRecord};
use super::store::{backup_path, load};

/// A new run that takes over `record` after week `week` (at most its last):
/// the same header and the first `week` weeks, naming `record` as its
/// parent. Not verified: whoever plays it verifies it as it replays it.
pub fn fork(record: &RunRecord, week: u32) -> RunRecord {
    let week = week.min(record.weeks.len() as u32);
    RunRecord {
        weeks: record.weeks[..week as usize].to_vec(),
        ending: None,
        parent: Some(Parent {
            run: record.weeks.last().map_or(0, |w| w.hash),
            week,
        }),
        coached: record
            .coached
            .iter()
            .copied()
            .filter(|w| *w <= week)
            .collect(),
        ..record.clone()
    }
}

/// A fork of the run file at `path` (or of its backup, if the file is
/// damaged) from its last saved week: how a run another game is playing is
/// taken over here, leaving that game's file alone.
pub fn take_over(path: &Path) -> Result<RunRecord, RunError> {
    let record = load(path).or_else(|e| load(&backup_path(path)).map_err(|_| e))?;
    Ok(fork(&record, record.weeks.len() as u32))
}
