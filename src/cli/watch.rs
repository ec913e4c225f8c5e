//! `cto-sim check --watch FILE`: check the file again every time it is saved,
//! until Ctrl-C. The loop sleeps on a channel: file events and the signal
//! wake it, nothing else does, so it takes no CPU while waiting.

use std::ffi::OsString;
use std::io::Write;
use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use notify::{RecursiveMode, Watcher};
use signal_hook::consts::{SIGINT, SIGTERM};

use super::CliError;

/// Saves come as bursts of events (write, rename, metadata): wait this long
/// for the burst to end before checking.
const SETTLE: Duration = Duration::from_millis(150);

enum Wake {
    Changed,
    Stop,
}

/// Check `file`, then again on every save, until Ctrl-C (or SIGTERM), which
/// ends it with exit code 0.
pub fn watch(file: &str, out: &mut dyn Write) -> Result<(), CliError> {
    // A name from the scenario folder is watched as its file there.
    let Some(path) = crate::scenario::file_of(file) else {
        let why = if crate::scenario::BUILTIN.iter().any(|(n, _)| *n == file) {
            "a built-in scenario never changes; `cto-sim new NAME` writes one of your own to watch"
        } else {
            "no such scenario file; give its path or its name in your scenario folder (`cto-sim scenarios` lists them)"
        };
        writeln!(out, "{file}: error: --watch needs a file: {why}")?;
        return Err(CliError::Failed);
    };
    let Some(name) = path.file_name().map(OsString::from) else {
        writeln!(out, "{file}: error: --watch needs a file")?;
        return Err(CliError::Failed);
    };
    // Editors save by writing a new file and renaming it over the old one:
    // watch the folder, and pick out the file's own name.
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => Path::new(".").to_path_buf(),
    };
    let (tx, rx) = mpsc::channel();
    let changed = tx.clone();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let ours = event.is_ok_and(|e| {
            !e.kind.is_access() && e.paths.iter().any(|p| p.file_name() == Some(&name))
        });
        if ours {
            let _ = changed.send(Wake::Changed);
        }
    })
    .and_then(|mut w| w.watch(&dir, RecursiveMode::NonRecursive).map(|()| w));
    let watcher = match watcher.as_mut() {
        Ok(w) => w,
        Err(e) => {
            writeln!(out, "{file}: error: cannot watch {}: {e}", dir.display())?;
            return Err(CliError::Failed);
        }
    };
    let mut signals = signal_hook::iterator::Signals::new([SIGINT, SIGTERM])?;
    let handle = signals.handle();
    std::thread::spawn(move || {
        if signals.forever().next().is_some() {
            let _ = tx.send(Wake::Stop);
        }
    });
    check(file, out)?;
    writeln!(out, "watching {file} (Ctrl-C to stop)")?;
    while let Ok(Wake::Changed) = rx.recv() {
        // Let the save's burst of events end; a stop in it still stops.
        let mut stop = false;
        while let Ok(wake) = rx.recv_timeout(SETTLE) {
            stop |= matches!(wake, Wake::Stop);
        }
        if stop {
            break;
        }
        writeln!(out, "\n{file} changed: checking again")?;
        check(file, out)?;
        writeln!(out, "watching {file} (Ctrl-C to stop)")?;
    }
    handle.close();
    let _ = watcher.unwatch(&dir);
    writeln!(out, "stopped watching {file}")?;
    Ok(())
}

fn check(file: &str, out: &mut dyn Write) -> std::io::Result<()> {
    let report = crate::check::check_one(file, &|_, _| {});
    report.write_text(out)?;
    out.flush()
}
