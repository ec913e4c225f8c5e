//! Finding and loading the run to continue: the save, or its backup when the
//! save is damaged. Whatever is returned has been verified.

use std::path::{Path, PathBuf};

use super::error::RunError;
use super::record::RunRecord;
use super::store::{backup_path, latest_path, load};
use super::verify::{verify, Verified};
use crate::scenario::DATA_DIR_ENV;

/// A loaded and verified run, and whether it came from the backup because the
/// save was bad.
#[derive(Debug)]
pub struct Loaded {
    pub record: RunRecord,
    /// The run replayed and checked, ready to continue.
    pub verified: Verified,
    /// Why the save itself could not be used, when the backup was loaded instead.
    pub fell_back: Option<RunError>,
}

/// Load and verify `path`, or its `.bak` if `path` is missing or damaged.
/// The run is replayed once; callers use `verified` rather than verifying again.
pub fn load_with_backup(path: &Path) -> Result<Loaded, RunError> {
    let open = |p: &Path| {
        load(p).and_then(|record| verify(&record, &p.display().to_string()).map(|v| (record, v)))
    };
    match open(path) {
        Ok((record, verified)) => Ok(Loaded {
            record,
            verified,
            fell_back: None,
        }),
        Err(e) => match open(&backup_path(path)) {
            Ok((record, verified)) => Ok(Loaded {
                record,
                verified,
                fell_back: Some(e),
            }),
            Err(_) => Err(e),
        },
    }
}

/// The run `continue` resumes: `file`, or the autosave; with the path it came
/// from (autosaves keep going there).
pub fn load_latest(file: Option<PathBuf>) -> Result<(Loaded, PathBuf), RunError> {
    let path = match file {
        Some(p) => p,
        None => latest_path().ok_or(RunError::NoDataDir { env: DATA_DIR_ENV })?,
    };
    if !path.exists() && !backup_path(&path).exists() {
        return Err(RunError::NoSave { path });
    }
    load_with_backup(&path).map(|loaded| (loaded, path))
}
