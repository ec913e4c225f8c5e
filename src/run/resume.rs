//! Finding and loading the run to continue: the save, or its backup when the
//! save is damaged. Whatever is returned has been verified.

use std::path::{Path, PathBuf};

use super::error::RunError;
use super::history;
use super::lock::RunLock;
use super::record::RunRecord;
use super::store::{backup_path, clean_temporaries, load, runs_dir};
use super::verify::{verify, Verified};
use crate::scenario::DATA_DIR_ENV;

/// A loaded and verified run, and whether it came from the backup because the
/// save was bad. `T` is what verifying made of it: a [`Verified`] recording,
/// or whatever follows the run as it is verified (the game's session).
#[derive(Debug)]
pub struct Loaded<T = Verified> {
    pub record: RunRecord,
    /// The run replayed and checked, ready to continue.
    pub verified: T,
    /// Why the save itself could not be used, when the backup was loaded instead.
    pub fell_back: Option<RunError>,
}

/// How a run read from a file is verified, into what: [`verify`] itself, or
/// one that follows the run in the same pass (`Session::verified`).
pub type Open<T> = fn(&RunRecord, &str) -> Result<T, RunError>;

/// Load the run file at `path` and replay it, naming `path` in any error.
pub fn load_verified(path: &Path) -> Result<Verified, RunError> {
    verify(&load(path)?, &path.display().to_string())
}

/// Load and verify `path`, or its `.bak` if `path` is missing or damaged.
/// The run is replayed once; callers use `verified` rather than verifying again.
pub fn load_with_backup(path: &Path) -> Result<Loaded, RunError> {
    load_with_backup_as(path, verify)
}

/// [`load_with_backup`], verified by `open`.
pub fn load_with_backup_as<T>(path: &Path, open: Open<T>) -> Result<Loaded<T>, RunError> {
    let read = |p: &Path| {
        load(p).and_then(|record| open(&record, &p.display().to_string()).map(|v| (record, v)))
    };
    match read(path) {
        Ok((record, verified)) => Ok(Loaded {
            record,
            verified,
            fell_back: None,
        }),
        Err(e) => match read(&backup_path(path)) {
            Ok((record, verified)) => Ok(Loaded {
                record,
                verified,
                fell_back: Some(e),
            }),
            Err(_) => Err(e),
        },
    }
}

/// A run taken up again: loaded, verified, and held by this game (a run has
/// one player at a time: the lock goes when the game lets the run go).
#[derive(Debug)]
pub struct Resumed<T = Verified> {
    pub loaded: Loaded<T>,
    /// Where the run goes on being saved.
    pub path: PathBuf,
    pub lock: RunLock,
}

/// The run `continue` resumes, held by this game: `file` (or its backup), or
/// else the newest unfinished run in the history that loads and verifies (a
/// damaged one's backup counts). A run another game holds is not taken:
/// that is [`RunError::Locked`]. Temporary files a killed save left behind
/// are cleaned up on the way.
pub fn load_latest(file: Option<PathBuf>) -> Result<Resumed, RunError> {
    load_latest_as(file, verify)
}

/// [`load_latest`], verified by `open`.
pub fn load_latest_as<T>(file: Option<PathBuf>, open: Open<T>) -> Result<Resumed<T>, RunError> {
    if let Some(path) = file {
        if !path.exists() && !backup_path(&path).exists() {
            return Err(RunError::NoSave { path });
        }
        return take_up(path, open);
    }
    let dir = runs_dir().ok_or(RunError::NoDataDir { env: DATA_DIR_ENV })?;
    newest_unfinished(&dir, open)
}

/// Hold `path` and load it (or its backup).
fn take_up<T>(path: PathBuf, open: Open<T>) -> Result<Resumed<T>, RunError> {
    let lock = RunLock::take(&path)?;
    let loaded = load_with_backup_as(&path, open)?;
    Ok(Resumed { loaded, path, lock })
}

/// The newest unfinished run in the runs folder `dir` that loads and
/// verifies (a damaged one's backup counts), held by this game.
pub fn newest_unfinished<T>(dir: &Path, open: Open<T>) -> Result<Resumed<T>, RunError> {
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
        match take_up(entry.path.clone(), open) {
            Ok(resumed) => return Ok(resumed),
            // The newest run is being played elsewhere: say so, rather than
            // resume an older one the player did not mean.
            Err(e @ RunError::Locked { .. }) => return Err(e),
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    Err(first_error.unwrap_or(RunError::NoSave {
        path: dir.to_path_buf(),
    }))
}
