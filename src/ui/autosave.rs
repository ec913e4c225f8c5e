//! Where the run being played is saved, saving it, and how saving goes. A
//! run has one player at a time: the game holds the run's lock while it
//! plays it, and before each save checks that nobody else wrote the file (a
//! file system without locks); if somebody did, the run is saved as a new
//! file instead, so no week either game played is lost.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use crate::run::index::FileId;
use crate::run::lock::RunLock;
use crate::run::{RunError, RunRecord};

/// Where the run being played is autosaved, and how saving goes.
#[derive(Clone, Debug, Default)]
pub struct Autosave {
    /// Where a new run gets its own file when it is first saved (the history).
    pub folder: Option<PathBuf>,
    /// The run's file, once it has one.
    pub path: Option<PathBuf>,
    /// A week was played since the last save.
    pub needed: bool,
    /// The last week on disk (`None`: nothing saved yet).
    pub saved_week: Option<u32>,
    /// Why the last save failed, while saving fails; saving is retried after
    /// every week.
    pub failing: Option<String>,
    /// Something the player should know about the last save that is no
    /// failure (the run moved to a new file); taken when shown.
    pub notice: Option<String>,
    /// This game's hold on the run's file.
    pub lock: Option<Arc<RunLock>>,
    /// The file as this game last saved or loaded it.
    pub last_id: Option<FileId>,
    /// The file under `path` is damaged and the run came from its backup:
    /// the next save keeps that backup instead of backing up the damage.
    pub keep_backup: bool,
}

impl Autosave {
    /// A new run's: its own file in the history, made at its first save.
    pub fn new_run() -> Autosave {
        Autosave {
            folder: crate::run::runs_dir(),
            ..Autosave::default()
        }
    }

    /// A resumed run's: it goes on in `path`, which holds `weeks` weeks.
    pub fn existing(path: Option<PathBuf>, weeks: u32) -> Autosave {
        Autosave {
            saved_week: path.as_ref().map(|_| weeks),
            last_id: path.as_deref().and_then(FileId::at),
            path,
            ..Autosave::default()
        }
    }

    /// A run taken up with `continue`: it goes on in `path`, which holds
    /// `weeks` weeks, held by `lock`; `from_backup` when the file at `path`
    /// is damaged and the run came from its backup.
    pub fn resumed(path: PathBuf, weeks: u32, lock: RunLock, from_backup: bool) -> Autosave {
        Autosave {
            keep_backup: from_backup,
            lock: Some(Arc::new(lock)),
            ..Autosave::existing(Some(path), weeks)
        }
    }

    /// Whether the run is saved anywhere.
    pub fn enabled(&self) -> bool {
        self.path.is_some() || self.folder.is_some()
    }

    /// What to tell the player about saving: `None` while all is well.
    pub fn warning(&self) -> Option<String> {
        self.failing.as_ref().map(|why| match self.saved_week {
            Some(week) => format!("Not saved since week {week}: {why}"),
            None => format!("Not saved yet: {why}"),
        })
    }

    /// Save `record` if a week was played since the last save: into its own
    /// file, made in the history at the first save (named for `now`). A
    /// failure is kept (see [`Autosave::warning`]) until a save works again;
    /// the next week retries. Returns whether it tried, so the screen shows
    /// how it went.
    pub fn save_if_needed(&mut self, record: &RunRecord, now: SystemTime) -> bool {
        if !std::mem::take(&mut self.needed) {
            return false;
        }
        let saved = match (self.path.clone(), self.folder.clone()) {
            (Some(path), _) if self.written_elsewhere(&path) => self.save_apart(&path, record, now),
            (Some(path), _) => self.save_over(&path, record),
            (None, Some(folder)) => self.save_first(&folder, record, now),
            (None, None) => return false,
        };
        match saved {
            Ok(()) => {
                self.saved_week = Some(record.weeks.len() as u32);
                self.failing = None;
                self.last_id = self.path.as_deref().and_then(FileId::at);
            }
            Err(e) => self.failing = Some(e.to_string()),
        }
        true
    }

    /// Whether another game wrote `path` since this one last did (possible
    /// only where the system gives no lock).
    fn written_elsewhere(&self, path: &Path) -> bool {
        let held = self.lock.as_ref().is_some_and(|l| l.held);
        !held && self.last_id.is_some() && FileId::at(path) != self.last_id
    }

    fn save_over(&mut self, path: &Path, record: &RunRecord) -> Result<(), RunError> {
        if self.keep_backup {
            crate::run::store::save_keeping_backup(path, record)?;
            self.keep_backup = false;
            Ok(())
        } else {
            crate::run::save_atomic(path, record)
        }
    }

    fn save_first(
        &mut self,
        folder: &Path,
        record: &RunRecord,
        now: SystemTime,
    ) -> Result<(), RunError> {
        let (path, lock) =
            crate::run::save_new(folder, &crate::run::base_name(record, now), record)?;
        self.path = Some(path);
        self.lock = Some(Arc::new(lock));
        Ok(())
    }

    /// Another game wrote the run's file: this game's run goes on in a file
    /// of its own, and the other's stays as it wrote it.
    fn save_apart(
        &mut self,
        path: &Path,
        record: &RunRecord,
        now: SystemTime,
    ) -> Result<(), RunError> {
        let folder = path
            .parent()
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        self.save_first(&folder, record, now)?;
        let name = self
            .path
            .as_deref()
            .and_then(Path::file_name)
            .unwrap_or_default();
        self.notice = Some(format!(
            "Another game wrote this run's file; this run is now saved as {}.",
            name.to_string_lossy()
        ));
        Ok(())
    }
}

/// Why a run could not be continued, for the status line.
pub fn why_not_continued(e: &RunError) -> String {
    match e {
        RunError::Locked { .. } => {
            "That run is open in another game. Replays: c twice on it plays a fork of it here."
                .into()
        }
        e => e.to_string(),
    }
}
