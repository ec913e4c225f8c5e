//! Where the run being played is saved, saving it, and how saving goes.

use std::path::PathBuf;
use std::time::SystemTime;

use crate::run::RunRecord;

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
            path,
            ..Autosave::default()
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
        let saved = match (&self.path, &self.folder) {
            (Some(path), _) => crate::run::save_atomic(path, record),
            (None, Some(folder)) => {
                crate::run::save_new(folder, &crate::run::base_name(record, now), record)
                    .map(|path| self.path = Some(path))
            }
            (None, None) => return false,
        };
        match saved {
            Ok(()) => {
                self.saved_week = Some(record.weeks.len() as u32);
                self.failing = None;
            }
            Err(e) => self.failing = Some(e.to_string()),
        }
        true
    }
}
