//! One writer per run: a game that plays a run holds an OS lock on a small
//! file beside it (`.NAME.lock`, taken with `File::try_lock`). The lock dies
//! with the process, however it ends, so a crash never leaves a run locked;
//! the file itself is removed when the game lets the run go (and is harmless
//! if a crash leaves it: it is the lock on it that counts).

use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};

use super::error::RunError;

/// A run file held by this game.
#[derive(Debug)]
pub struct RunLock {
    file: File,
    path: PathBuf,
    /// Whether the system gave a lock (a file system without locks gives
    /// none: the game then checks before each save that nobody else wrote).
    pub held: bool,
}

/// The lock file of the run file `run`.
pub fn lock_path(run: &Path) -> PathBuf {
    let mut name = std::ffi::OsString::from(".");
    name.push(run.file_name().unwrap_or_default());
    name.push(".lock");
    run.with_file_name(name)
}

impl RunLock {
    /// Hold the run file `run`, or say that another game holds it.
    pub fn take(run: &Path) -> Result<RunLock, RunError> {
        let path = lock_path(run);
        let io = |e: std::io::Error| RunError::Io {
            origin: run.display().to_string(),
            message: format!("cannot lock the run: {e}"),
        };
        loop {
            let file = OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(&path)
                .map_err(io)?;
            let held = match file.try_lock() {
                Ok(()) => true,
                Err(std::fs::TryLockError::WouldBlock) => {
                    return Err(RunError::Locked {
                        path: run.to_path_buf(),
                    })
                }
                Err(std::fs::TryLockError::Error(_)) => false,
            };
            // The file locked must still be the one named: a game letting
            // the run go removes it, and we may have opened it just before.
            if !held || same_file(&file, &path) {
                return Ok(RunLock { file, path, held });
            }
        }
    }

    /// Whether another game holds the run file `run` now.
    pub fn taken_elsewhere(run: &Path) -> bool {
        matches!(RunLock::take(run), Err(RunError::Locked { .. }))
    }
}

impl Drop for RunLock {
    fn drop(&mut self) {
        if self.held {
            // Removed while still locked, so no other game can be holding it;
            // one that opened it meanwhile sees it is gone and tries again.
            // A file that cannot be removed is left: only its lock counts.
            std::fs::remove_file(&self.path).ok();
        }
        // Closing the file lets the lock go.
        self.file.unlock().ok();
    }
}

#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), std::fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.ino() == b.ino() && a.dev() == b.dev(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_: &File, path: &Path) -> bool {
    path.exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_has_one_holder_and_is_free_again_once_let_go() {
        let dir = std::env::temp_dir().join(format!("cto-sim-lock-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let run = dir.join("a.ron");
        let first = RunLock::take(&run).unwrap();
        assert!(first.held);
        assert!(matches!(RunLock::take(&run), Err(RunError::Locked { .. })));
        assert!(RunLock::taken_elsewhere(&run));
        drop(first);
        assert!(
            !lock_path(&run).exists(),
            "the lock file goes with the lock"
        );
        let again = RunLock::take(&run).unwrap();
        assert!(again.held);
        drop(again);
        std::fs::remove_dir_all(&dir).ok();
    }
}
