//! Finding and loading the run to continue: the save, or its backup when the
//! save is damaged. Whatever is returned has been verified.

use std::path::{Path, PathBuf};

use super::error::RunError;
use super::history;
use super::record::RunRecord;
use super::store::{backup_path, clean_temporaries, load, runs_dir};
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

/// Load the run file at `path` and replay it, naming `path` in any error.
pub fn load_verified(path: &Path) -> Result<Verified, RunError> {
    verify(&load(path)?, &path.display().to_string())
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

/// The run `continue` resumes, with the path it came from (autosaves keep
/// going there): `file` (or its backup), or else the newest unfinished run in
/// the history that loads and verifies (a damaged one's backup counts).
/// Temporary files a killed save left behind are cleaned up on the way.
pub fn load_latest(file: Option<PathBuf>) -> Result<(Loaded, PathBuf), RunError> {
    if let Some(path) = file {
        if !path.exists() && !backup_path(&path).exists() {
            return Err(RunError::NoSave { path });
        }
        return load_with_backup(&path).map(|loaded| (loaded, path));
    }
    let dir = runs_dir().ok_or(RunError::NoDataDir { env: DATA_DIR_ENV })?;
    newest_unfinished(&dir)
}

/// The newest unfinished run in the runs folder `dir` that loads and
/// verifies (a damaged one's backup counts), with its path.
pub fn newest_unfinished(dir: &Path) -> Result<(Loaded, PathBuf), RunError> {
    clean_temporaries(dir);
    let scan = history::Scan::new(dir)?;
    let mut first_error = None;
    for (entry, known) in scan.entries().iter().zip(scan.known()) {
        // A finished run is replayed, not continued: the index knows which
        // runs are (a file it does not know is read to see).
        let finished = match known {
            Some(k) => k.facts.ending.is_some() && k.facts.error.is_none(),
            None => load(&entry.path).is_ok_and(|r| r.ending.is_some()),
        };
        if finished {
            continue;
        }
        match load_with_backup(&entry.path) {
            Ok(loaded) => return Ok((loaded, entry.path.clone())),
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    Err(first_error.unwrap_or(RunError::NoSave {
        path: dir.to_path_buf(),
    }))
}
