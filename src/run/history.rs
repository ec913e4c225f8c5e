//! The run history: every run has its own file in `<data dir>/runs/` (named
//! by `naming`), and finished runs stay. Listing sorts the files newest first
//! before anything else, reads and verifies only the files the index does
//! not know yet (on every core), and looks for each fork's parent.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::UNIX_EPOCH;

use super::error::RunError;
pub use super::index::Entry;
use super::index::{FileId, Index, Known};
use super::lineage;
use super::summary::{Facts, Summary};

/// Every run file in `dir`, newest first (by modification time, then name):
/// regular files named `*.ron` (not backups, temporary files or links). A
/// folder that does not exist holds no runs; one that cannot be read (or is
/// not a folder) is an error that says so.
pub fn list(dir: &Path) -> Result<Vec<Entry>, RunError> {
    let read = match std::fs::read_dir(dir) {
        Ok(read) => read,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(unreadable(dir, &e)),
    };
    let mut entries: Vec<Entry> = read
        .filter_map(Result::ok)
        .filter(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            name.ends_with(".ron") && !name.starts_with('.')
        })
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|e| {
            let meta = e.metadata().ok()?;
            Some(Entry {
                file: e.file_name().to_string_lossy().into_owned(),
                modified: meta.modified().unwrap_or(UNIX_EPOCH),
                id: FileId::of(&meta),
                path: e.path(),
            })
        })
        .collect();
    entries.sort_by(|a, b| {
        b.modified
            .cmp(&a.modified)
            .then_with(|| b.file.cmp(&a.file))
    });
    Ok(entries)
}

fn unreadable(dir: &Path, e: &std::io::Error) -> RunError {
    let message = if dir.exists() && !dir.is_dir() {
        "this is a file, not a folder: saved runs are kept in a folder of this name (move the file away)".to_string()
    } else {
        format!("cannot read the folder of saved runs: {e}")
    };
    RunError::Io {
        origin: dir.display().to_string(),
        message,
    }
}

/// The history of `dir` as listed so far: every run file, newest first, with
/// what the index already knew of each.
pub struct Scan {
    dir: PathBuf,
    entries: Vec<Entry>,
    known: Vec<Option<Known>>,
}

impl Scan {
    /// List `dir` and look every file up in its index (no run file is read).
    pub fn new(dir: &Path) -> Result<Scan, RunError> {
        let entries = list(dir)?;
        let index = Index::read(dir);
        let known = entries
            .iter()
            .map(|e| index.get(&e.file, e.id).cloned())
            .collect();
        Ok(Scan {
            dir: dir.to_path_buf(),
            entries,
            known,
        })
    }

    /// The run files, newest first.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// What the index knew of each file (`None`: to be read).
    pub fn known(&self) -> &[Option<Known>] {
        &self.known
    }

    /// Read and verify every file the index did not know (on every core),
    /// telling `progress` each one as it is done (its position and summary);
    /// then look for each fork's parent and save the index. Every run,
    /// newest first.
    pub fn finish(self, mut progress: impl FnMut(usize, &Summary)) -> Vec<Summary> {
        let todo: Vec<usize> = (0..self.entries.len())
            .filter(|&i| self.known[i].is_none())
            .collect();
        let mut facts: Vec<Option<Facts>> = self
            .known
            .iter()
            .map(|k| k.as_ref().map(|k| k.facts.clone()))
            .collect();
        read_all(&self.entries, &todo, |i, f| {
            progress(i, &Summary::new(self.entries[i].path.clone(), f.clone()));
            facts[i] = Some(f);
        });
        let mut summaries: Vec<Summary> = self
            .entries
            .iter()
            .zip(facts)
            .map(|(e, f)| {
                Summary::new(
                    e.path.clone(),
                    f.unwrap_or_else(|| Facts::read(&e.path, &e.file)),
                )
            })
            .collect();
        let old: Vec<_> = self
            .known
            .iter()
            .map(|k| k.as_ref().and_then(|k| k.lineage.clone()))
            .collect();
        let lineages = lineage::resolve(&mut summaries, &self.entries, &old);
        let mut index = Index::default();
        for ((e, s), lineage) in self.entries.iter().zip(&summaries).zip(lineages) {
            let facts = s.facts.clone();
            index.insert(
                e.file.clone(),
                Known {
                    id: e.id,
                    facts,
                    lineage,
                },
            );
        }
        // An index that cannot be written costs the next listing time, nothing else.
        if !self.entries.is_empty() {
            index.write(&self.dir).ok();
        }
        summaries
    }
}

/// Read and verify the files of `entries` at positions `todo`, on every
/// core, handing each result to `done` (on this thread) as it comes.
fn read_all(entries: &[Entry], todo: &[usize], mut done: impl FnMut(usize, Facts)) {
    if todo.is_empty() {
        return;
    }
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .clamp(1, todo.len());
    let next = std::sync::atomic::AtomicUsize::new(0);
    let (tx, rx) = mpsc::channel();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let tx = tx.clone();
            let next = &next;
            scope.spawn(move || loop {
                let k = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(&i) = todo.get(k) else { break };
                let e = &entries[i];
                if tx.send((i, Facts::read(&e.path, &e.file))).is_err() {
                    break;
                }
            });
        }
        drop(tx);
        for (i, facts) in rx {
            done(i, facts);
        }
    });
}

/// Every run in `dir`, newest first, each verified (or known to the index).
pub fn summaries(dir: &Path) -> Result<Vec<Summary>, RunError> {
    Ok(Scan::new(dir)?.finish(|_, _| {}))
}
