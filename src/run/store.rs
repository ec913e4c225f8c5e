//! Reading and writing run files: size limits, located errors, atomic saves
//! with the previous save kept as `.bak`.

use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::record::RunRecord;
use crate::scenario::{data_dir, Diagnostic};

/// Largest run file read (checked before reading it whole). A ten-year run with
/// the largest scenario is well under 4 MiB.
pub const MAX_RUN_BYTES: u64 = 16 * 1024 * 1024;

/// Why a run file cannot be used.
#[derive(Debug, Clone, PartialEq)]
pub enum RunError {
    /// The file could not be read or written.
    Io { origin: String, message: String },
    /// Not a run file: syntax, types, fields.
    Malformed(Box<Diagnostic>),
    /// Written by an incompatible version.
    Incompatible { origin: String, message: String },
    /// The embedded scenario was edited after the run was recorded.
    ScenarioEdited { origin: String },
    /// The embedded scenario no longer loads.
    ScenarioInvalid {
        origin: String,
        found: Vec<Diagnostic>,
    },
    /// Replaying does not give the recorded weeks.
    Diverged {
        origin: String,
        divergence: super::verify::Divergence,
    },
}

impl fmt::Display for RunError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RunError::Io { origin, message } => write!(f, "{origin}: error: {message}"),
            RunError::Malformed(d) => write!(f, "{d}"),
            RunError::Incompatible { origin, message } => write!(f, "{origin}: error: {message}"),
            RunError::ScenarioEdited { origin } => write!(
                f,
                "{origin}: error: the scenario inside this run file was edited after the run was recorded (its hash no longer matches), so the run cannot be replayed"
            ),
            RunError::ScenarioInvalid { origin, found } => {
                write!(f, "{origin}: error: the scenario inside this run file does not load:")?;
                for d in found {
                    write!(f, "\n{d}")?;
                }
                Ok(())
            }
            RunError::Diverged { origin, divergence } => write!(f, "{origin}: error: {divergence}"),
        }
    }
}

impl std::error::Error for RunError {}

/// The file where the game keeps the run in progress: `<data dir>/runs/latest.ron`.
pub fn latest_path() -> Option<PathBuf> {
    data_dir().map(|d| d.join("runs").join("latest.ron"))
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

/// A loaded and verified run, and whether it came from the backup because the
/// save was bad.
#[derive(Debug)]
pub struct Loaded {
    pub record: RunRecord,
    /// The run replayed and checked, ready to continue.
    pub verified: super::verify::Verified,
    /// Why the save itself could not be used, when the backup was loaded instead.
    pub fell_back: Option<RunError>,
}

/// Load and verify `path`, or its `.bak` if `path` is missing or damaged.
/// The run is replayed once; callers use `verified` rather than verifying again.
pub fn load_with_backup(path: &Path) -> Result<Loaded, RunError> {
    let open = |p: &Path| {
        load(p).and_then(|record| {
            super::verify::verify(&record, &p.display().to_string()).map(|v| (record, v))
        })
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
