//! Reading and writing run files: size limits, located errors, atomic saves
//! with the previous save kept as `.bak`.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::error::RunError;
use super::record::RunRecord;
use crate::scenario::data_dir;

/// Largest run file read (checked before reading it whole). A ten-year run with
/// the largest scenario is well under 4 MiB.
pub const MAX_RUN_BYTES: u64 = 16 * 1024 * 1024;

/// The folder of saved runs: `<data dir>/runs`.
pub fn runs_dir() -> Option<PathBuf> {
    data_dir().map(|d| d.join("runs"))
}

/// The backup kept beside `path`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// Read and parse a run file.
pub fn load(path: &Path) -> Result<RunRecord, RunError> {
    let origin = path.display().to_string();
    let text =
        crate::files::read_limited_text(path, MAX_RUN_BYTES, "run file").map_err(|message| {
            RunError::Io {
                origin: origin.clone(),
                message,
            }
        })?;
    parse(&text, &origin)
}

/// Parse run-file text.
pub fn parse(text: &str, origin: &str) -> Result<RunRecord, RunError> {
    // The scenario parser's located messages serve run files as well.
    let options = ron::Options::default().with_recursion_limit(crate::scenario::load::MAX_DEPTH);
    options.from_str::<RunRecord>(text).map_err(|e| {
        let d = crate::scenario::load::locate(&e, text, origin);
        RunError::Malformed(Box::new(d))
    })
}

/// Save `record` to `path` atomically. The order keeps a complete file under
/// `path` at every moment: write a temporary file in the same folder and flush
/// it to disk; keep the previous save as `.bak` (a hard link, or a copy where
/// links are not possible); rename the temporary file over `path`; flush the
/// folder. A failed save removes its temporary file and leaves `path` as it was.
pub fn save_atomic(path: &Path, record: &RunRecord) -> Result<(), RunError> {
    save(path, record, true)
}

/// [`save_atomic`], but the backup stays as it is: for the first save of a
/// run resumed from its backup, whose file under `path` is damaged (backing
/// that up would lose the one good copy).
pub fn save_keeping_backup(path: &Path, record: &RunRecord) -> Result<(), RunError> {
    save(path, record, false)
}

fn save(path: &Path, record: &RunRecord, back_up: bool) -> Result<(), RunError> {
    let origin = path.display().to_string();
    let io = |what: &str, e: std::io::Error| RunError::Io {
        origin: origin.clone(),
        message: format!("{what}: {e}"),
    };
    let tmp = write_temporary(path, record)?;
    let result = (|| {
        if back_up && path.exists() {
            let bak = backup_path(path);
            match std::fs::remove_file(&bak) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(io("cannot replace the backup", e)),
            }
            if std::fs::hard_link(path, &bak).is_err() {
                std::fs::copy(path, &bak).map_err(|e| io("cannot keep the backup", e))?;
            }
        }
        std::fs::rename(&tmp, path).map_err(|e| io("cannot move the save into place", e))
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result?;
    sync_folder(path);
    Ok(())
}

/// Save `record` as a new file at `path`, only if nothing is there yet:
/// `Ok(false)` if the name is taken. The file appears complete or not at all
/// (a temporary file is linked to the name, which fails if it exists).
pub fn write_new(path: &Path, record: &RunRecord) -> Result<bool, RunError> {
    let tmp = write_temporary(path, record)?;
    let linked = std::fs::hard_link(&tmp, path);
    let _ = std::fs::remove_file(&tmp);
    match linked {
        Ok(()) => {
            sync_folder(path);
            Ok(true)
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
        Err(e) => Err(RunError::Io {
            origin: path.display().to_string(),
            message: format!("cannot create the run file: {e}"),
        }),
    }
}

/// Prefix of the temporary files saves write (`.tmp-<name>-<pid>`).
const TEMPORARY: &str = ".tmp-";

/// Write `record` to a temporary file beside `path`, flushed to disk.
fn write_temporary(path: &Path, record: &RunRecord) -> Result<PathBuf, RunError> {
    let origin = path.display().to_string();
    let io = |what: &str, e: std::io::Error| RunError::Io {
        origin: origin.clone(),
        message: format!("{what}: {e}"),
    };
    std::fs::create_dir_all(folder_of(path)).map_err(|e| io("cannot create the folder", e))?;
    let text =
        ron::ser::to_string_pretty(record, ron::ser::PrettyConfig::default()).map_err(|e| {
            RunError::Io {
                origin: origin.clone(),
                message: format!("cannot encode the run: {e}"),
            }
        })?;
    temporary_with(path, text.as_bytes()).map_err(|e| io("cannot write", e))
}

/// A temporary file beside `path` holding `bytes`, flushed to disk (removed
/// again if that fails). A new file: never one a link points to.
fn temporary_with(path: &Path, bytes: &[u8]) -> std::io::Result<PathBuf> {
    let mut name = std::ffi::OsString::from(TEMPORARY);
    name.push(path.file_name().unwrap_or_default());
    name.push(format!("-{}", std::process::id()));
    let tmp = folder_of(path).join(name);
    let written = (|| {
        // A leftover of this process (a save that failed) goes first, so
        // `create_new` never follows a link someone put under this name.
        match std::fs::remove_file(&tmp) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
        let mut f = std::fs::File::create_new(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()
    })();
    if let Err(e) = written {
        std::fs::remove_file(&tmp).ok();
        return Err(e);
    }
    Ok(tmp)
}

/// Write `text` to `path` atomically: a temporary file in the same folder,
/// renamed over `path`. A link at `path` is replaced, never followed, so
/// whatever it pointed to is left alone.
pub fn write_text_atomic(path: &Path, text: &str) -> std::io::Result<()> {
    let tmp = temporary_with(path, text.as_bytes())?;
    if let Err(e) = std::fs::rename(&tmp, path) {
        std::fs::remove_file(&tmp).ok();
        return Err(e);
    }
    sync_folder(path);
    Ok(())
}

fn folder_of(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

fn sync_folder(path: &Path) {
    if let Ok(d) = std::fs::File::open(folder_of(path)) {
        // Flushing a folder is not possible everywhere; the rename is done anyway.
        let _ = d.sync_all();
    }
}

/// Remove temporary files a killed save left in `dir`. A temporary file names
/// the process that wrote it; one whose process is gone is removed (where the
/// system does not say which processes run, one older than a minute is), so a
/// save in flight in another game is left alone. Returns how many were removed.
pub fn clean_temporaries(dir: &Path) -> usize {
    let Ok(read) = std::fs::read_dir(dir) else {
        return 0;
    };
    let minute_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(60);
    let processes = Path::new("/proc/self").exists();
    read.filter_map(Result::ok)
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            if !name.starts_with(TEMPORARY) {
                return false;
            }
            let writer = name.rsplit('-').next().and_then(|p| p.parse::<u32>().ok());
            match writer {
                Some(pid) if processes => {
                    pid != std::process::id() && !Path::new("/proc").join(pid.to_string()).exists()
                }
                _ => e
                    .metadata()
                    .and_then(|m| m.modified())
                    .is_ok_and(|t| t < minute_ago),
            }
        })
        .filter(|e| std::fs::remove_file(e.path()).is_ok())
        .count()
}
