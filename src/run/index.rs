//! The history's index: a file beside the runs (`.index.json`) that keeps
//! what reading and verifying each run file found, keyed by the file's name
//! and identity (size, modification and change times, inode), so that a
//! second listing reads no run file. It is only ever a shortcut: a missing,
//! damaged, hostile or outdated index is ignored and rebuilt, an entry whose
//! file changed in any way is read again, and whatever matters (a score on
//! the scoreboard, a run continued or replayed) is verified from the file
//! itself. It is written atomically (a temporary file renamed over it).

use std::collections::BTreeMap;
use std::fs::Metadata;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::store::write_text_atomic;
use super::summary::Facts;
use crate::engine::RULES_VERSION;

/// The index's file name in the runs folder (a dot file: never a run).
pub const INDEX_FILE: &str = ".index.json";

/// Version of the index's format; another version is rebuilt (2: the
/// coached weeks of each run).
const INDEX_FORMAT: u32 = 2;

/// Largest index read; a bigger one is ignored (and rebuilt). Two thousand
/// runs take well under a megabyte.
const MAX_INDEX_BYTES: u64 = 64 * 1024 * 1024;

/// A run file in the history: where it is and which file it is.
#[derive(Clone, Debug)]
pub struct Entry {
    pub path: PathBuf,
    pub file: String,
    pub modified: SystemTime,
    pub id: FileId,
}

/// What says that a file is still the one read: any write changes one of these.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileId {
    pub len: u64,
    /// Nanoseconds since 1970 (0 where the system does not say).
    pub modified: u64,
    /// When the file's inode last changed (Unix; 0 elsewhere): a program can
    /// set a file's modification time back, not this.
    pub changed: u64,
    pub inode: u64,
    pub device: u64,
}

impl FileId {
    /// The identity of the file `meta` describes.
    pub fn of(meta: &Metadata) -> FileId {
        let modified = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX));
        let mut id = FileId {
            len: meta.len(),
            modified,
            ..FileId::default()
        };
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            id.changed = (meta.ctime() as u64)
                .wrapping_mul(1_000_000_000)
                .wrapping_add(meta.ctime_nsec() as u64);
            id.inode = meta.ino();
            id.device = meta.dev();
        }
        id
    }

    /// The identity of the file at `path` now, if it can be read.
    pub fn at(path: &Path) -> Option<FileId> {
        std::fs::metadata(path).ok().map(|m| FileId::of(&m))
    }
}

/// A fork's parent as last looked for: found (its file) or not, among the
/// candidates named by `candidates` (a digest of their names and identities:
/// while they stay the same, so does the answer).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lineage {
    pub candidates: u64,
    pub parent: Option<String>,
}

/// What the index knows of one run file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Known {
    pub id: FileId,
    pub facts: Facts,
    #[serde(default)]
    pub lineage: Option<Lineage>,
}

/// The index as stored.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Stored {
    format: u32,
    /// The game that wrote it: another version verifies differently.
    game: String,
    rules: u32,
    /// By file name.
    runs: BTreeMap<String, Known>,
}

/// The history's index.
#[derive(Debug, Default)]
pub struct Index {
    runs: BTreeMap<String, Known>,
}

impl Index {
    /// The index of the runs folder `dir`; empty when there is none or it
    /// cannot be used (it is then rebuilt).
    pub fn read(dir: &Path) -> Index {
        let path = dir.join(INDEX_FILE);
        let Ok(text) = crate::files::read_limited_text(&path, MAX_INDEX_BYTES, "index") else {
            return Index::default();
        };
        match serde_json::from_str::<Stored>(&text) {
            Ok(s) if s.format == INDEX_FORMAT && s.game == game() && s.rules == RULES_VERSION => {
                Index { runs: s.runs }
            }
            _ => Index::default(),
        }
    }

    /// What the index knows of `file`, if the file is still the one it read.
    pub fn get(&self, file: &str, id: FileId) -> Option<&Known> {
        self.runs.get(file).filter(|k| k.id == id)
    }

    /// Keep what is known of `file`.
    pub fn insert(&mut self, file: String, known: Known) {
        self.runs.insert(file, known);
    }

    /// Save the index in `dir`, atomically. A folder that cannot be written
    /// keeps its old index (or none): the next listing reads the runs again.
    pub fn write(self, dir: &Path) -> std::io::Result<()> {
        let stored = Stored {
            format: INDEX_FORMAT,
            game: game(),
            rules: RULES_VERSION,
            runs: self.runs,
        };
        let text = serde_json::to_string(&stored).map_err(std::io::Error::other)?;
        write_text_atomic(&index_path(dir), &text)
    }
}

/// Drop the index of `dir` (it said what a file does not): the next listing
/// reads every run again.
pub fn forget(dir: &Path) {
    // Not there, or not removable: either way the next listing checks again.
    std::fs::remove_file(index_path(dir)).ok();
}

fn index_path(dir: &Path) -> PathBuf {
    dir.join(INDEX_FILE)
}

fn game() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(score: f64) -> Facts {
        Facts {
            scenario: "S".into(),
            seed: 1,
            weeks: 3,
            ending: None,
            score: Some(score),
            error: None,
            rules_version: RULES_VERSION,
            scenario_hash: 7,
            last_hash: 9,
            parent: None,
            fork_digest: None,
            marks: vec![1, 2],
            coached: 0,
        }
    }

    #[test]
    fn the_index_keeps_what_it_was_told_and_only_for_the_same_file() {
        let dir = std::env::temp_dir().join(format!("cto-sim-index-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let id = FileId {
            len: 10,
            modified: 5,
            ..FileId::default()
        };
        let mut index = Index::default();
        let known = Known {
            id,
            facts: facts(80.5),
            lineage: None,
        };
        index.insert("a.ron".into(), known.clone());
        index.write(&dir).unwrap();
        let back = Index::read(&dir);
        assert_eq!(back.get("a.ron", id), Some(&known));
        assert_eq!(back.get("a.ron", FileId { len: 11, ..id }), None);
        assert_eq!(back.get("b.ron", id), None);
        // Anything but an index of this game is no index.
        for junk in ["", "{", "[1,2]", "{\"format\":1}", &"[".repeat(100_000)] {
            std::fs::write(dir.join(INDEX_FILE), junk).unwrap();
            assert_eq!(Index::read(&dir).get("a.ron", id), None, "{junk:.20}");
        }
        std::fs::remove_dir_all(&dir).ok();
    }
}
