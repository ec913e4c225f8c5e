//! The history filled in by a thread, for a screen that must appear at once:
//! the files are listed first (what the index knows of them with them), and
//! each new file's summary follows as soon as it is verified.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, TryRecvError};

use super::error::RunError;
use super::history::Scan;
use super::index::{Entry, Known};
use super::summary::Summary;

/// A run file of the history, with its summary once it is known.
#[derive(Clone, Debug)]
pub struct Listed {
    pub entry: Entry,
    pub summary: Option<Summary>,
}

enum Update {
    Listed(Vec<Listed>),
    One(usize, Box<Summary>),
    All(Vec<(Entry, Summary)>),
    Failed(RunError),
}

/// The history of a folder, being filled in by a thread.
pub struct Loading {
    rx: Option<Receiver<Update>>,
    /// Every run file, newest first, once listed.
    pub runs: Vec<Listed>,
    /// Why the history cannot be read.
    pub error: Option<RunError>,
}

impl Loading {
    /// Start listing `dir` (or nothing, without a data folder).
    pub fn start(dir: Option<PathBuf>) -> Loading {
        let Some(dir) = dir else {
            return Loading::done(Vec::new());
        };
        let (tx, rx) = mpsc::channel();
        let theirs = dir.clone();
        let spawned = std::thread::Builder::new()
            .name("history".into())
            .spawn(move || {
                let scan = match Scan::new(&theirs) {
                    Ok(scan) => scan,
                    Err(e) => {
                        tx.send(Update::Failed(e)).ok();
                        return;
                    }
                };
                let listed = scan
                    .entries()
                    .iter()
                    .zip(scan.known())
                    .map(|(entry, known)| Listed {
                        entry: entry.clone(),
                        summary: known.as_ref().map(|k| summary_of(entry, k)),
                    })
                    .collect();
                // A screen that went away stops the listing at the next send.
                if tx.send(Update::Listed(listed)).is_err() {
                    return;
                }
                let entries = scan.entries().to_vec();
                let all = scan.finish(|i, s| {
                    tx.send(Update::One(i, Box::new(s.clone()))).ok();
                });
                tx.send(Update::All(entries.into_iter().zip(all).collect()))
                    .ok();
            });
        match spawned {
            Ok(_) => Loading {
                rx: Some(rx),
                runs: Vec::new(),
                error: None,
            },
            // No thread: list here and now.
            Err(_) => match Scan::new(&dir) {
                Ok(scan) => {
                    let entries = scan.entries().to_vec();
                    Loading::done(entries.into_iter().zip(scan.finish(|_, _| {})).collect())
                }
                Err(e) => Loading {
                    error: Some(e),
                    ..Loading::done(Vec::new())
                },
            },
        }
    }

    fn done(all: Vec<(Entry, Summary)>) -> Loading {
        Loading {
            rx: None,
            runs: all.into_iter().map(Listed::of).collect(),
            error: None,
        }
    }

    /// Whether more is to come.
    pub fn loading(&self) -> bool {
        self.rx.is_some()
    }

    /// Take what the thread found since the last call; `true` if anything.
    pub fn poll(&mut self) -> bool {
        let mut changed = false;
        while let Some(rx) = &self.rx {
            match rx.try_recv() {
                Ok(update) => {
                    self.apply(update);
                    changed = true;
                }
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    self.rx = None;
                    changed = true;
                }
            }
        }
        changed
    }

    /// Wait until the history is complete.
    pub fn wait(&mut self) {
        while let Some(rx) = &self.rx {
            match rx.recv() {
                Ok(update) => self.apply(update),
                Err(_) => self.rx = None,
            }
        }
    }

    fn apply(&mut self, update: Update) {
        match update {
            Update::Listed(runs) => self.runs = runs,
            Update::One(i, s) => {
                if let Some(row) = self.runs.get_mut(i) {
                    row.summary = Some(*s);
                }
            }
            Update::All(all) => {
                self.runs = all.into_iter().map(Listed::of).collect();
                self.rx = None;
            }
            Update::Failed(e) => {
                self.error = Some(e);
                self.rx = None;
            }
        }
    }
}

impl Listed {
    fn of((entry, summary): (Entry, Summary)) -> Listed {
        Listed {
            entry,
            summary: Some(summary),
        }
    }
}

/// The summary of `entry` from what the index knew of it.
fn summary_of(entry: &Entry, known: &Known) -> Summary {
    let mut summary = Summary::new(entry.path.clone(), known.facts.clone());
    summary.parent_file = known.lineage.as_ref().and_then(|l| l.parent.clone());
    summary
}
