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

/// The file where the game keeps the run in progress: `<data dir>/runs/latest.ron`.
pub fn latest_path() -> Option<PathBuf> {
    runs_dir().map(|d| d.join("latest.ron"))
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

/// Save `record` to `path` atomically: write a temporary file in the same
/// folder, flush it to disk, keep the previous save as `.bak`, rename the new
/// file into place and flush the folder. At every moment either the new save
/// or the previous one is complete on disk.
pub fn save_atomic(path: &Path, record: &RunRecord) -> Result<(), RunError> {
    let origin = path.display().to_string();
    let io = |what: &str, e: std::io::Error| RunError::Io {
        origin: origin.clone(),
        message: format!("{what}: {e}"),
    };
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| io("cannot create the folder", e))?;
    let text =
        ron::ser::to_string_pretty(record, ron::ser::PrettyConfig::default()).map_err(|e| {
            RunError::Io {
                origin: origin.clone(),
                message: format!("cannot encode the run: {e}"),
            }
        })?;
    let mut tmp_name = std::ffi::OsString::from(".");
    tmp_name.push(path.file_name().unwrap_or_default());
    tmp_name.push(format!(".tmp{}", std::process::id()));
    let tmp = dir.join(tmp_name);
    {
        let mut f = std::fs::File::create(&tmp).map_err(|e| io("cannot write", e))?;
        f.write_all(text.as_bytes())
            .map_err(|e| io("cannot write", e))?;
        f.sync_all().map_err(|e| io("cannot flush to disk", e))?;
    }
    if path.exists() {
        std::fs::rename(path, backup_path(path)).map_err(|e| io("cannot keep the backup", e))?;
    }
    std::fs::rename(&tmp, path).map_err(|e| io("cannot move the save into place", e))?;
    if let Ok(d) = std::fs::File::open(dir) {
        // Flushing a folder is not possible everywhere; the rename is done anyway.
        let _ = d.sync_all();
    }
    Ok(())
}
