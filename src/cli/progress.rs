//! How far a long command is, on the terminal: anything that takes more than
//! a second says so on stderr (one line, rewritten in place, cleared at the
//! end), so a slow scenario never leaves the player looking at nothing. Only
//! on a terminal: a pipe or a log gets the result alone.

use std::io::{IsTerminal, Write};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Quiet for this long: a quick command prints no progress at all.
const QUIET_FOR: Duration = Duration::from_secs(1);
/// At most this often.
const EVERY: Duration = Duration::from_millis(100);

/// A progress line on stderr.
pub(super) struct Meter {
    started: Instant,
    /// When the line was last written (`None`: never).
    shown: Mutex<Option<Instant>>,
    on: bool,
}

impl Meter {
    /// A meter that shows only where stderr is a terminal.
    pub(super) fn new() -> Meter {
        Meter {
            started: Instant::now(),
            shown: Mutex::new(None),
            on: std::io::stderr().is_terminal(),
        }
    }

    /// `what` has done `done` of `all` runs (the line goes once all are done,
    /// before the command prints what it found).
    pub(super) fn tell(&self, what: &str, done: usize, all: usize) {
        if !self.on || self.started.elapsed() < QUIET_FOR {
            return;
        }
        if done >= all {
            self.finish();
            return;
        }
        let mut shown = self
            .shown
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if shown.is_some_and(|t| t.elapsed() < EVERY) {
            return;
        }
        let pct = 100 * done / all.max(1);
        // Progress is a courtesy: a terminal that cannot take it loses nothing.
        write!(
            std::io::stderr(),
            "\r{}: {done} of {} ({pct}%)…   ",
            crate::untrusted::one_line(what),
            crate::ui::text::plural(all, "run")
        )
        .ok();
        *shown = Some(Instant::now());
    }

    /// Clear the line, if one is shown.
    pub(super) fn finish(&self) {
        let mut shown = self
            .shown
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if shown.take().is_some() {
            write!(std::io::stderr(), "\r{:79}\r", "").ok();
        }
    }
}
