//! Terminal hygiene: the terminal is given back on quit, on error returns, on
//! panics and on SIGTERM, SIGHUP, SIGINT and SIGQUIT; Ctrl-Z and SIGTSTP give
//! it back and stop the game as they stop any program, and SIGCONT (`fg`)
//! takes it again and has the loop redraw everything.

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

use ratatui::crossterm::cursor::{Hide, Show};
use ratatui::crossterm::event::{
    DisableMouseCapture, EnableMouseCapture, KeyCode, KeyEvent, KeyModifiers,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{enable_raw_mode, EnterAlternateScreen};
use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP, SIGWINCH};

/// Whose the terminal is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Not the game's (before it starts, after it ends).
    Shell,
    /// The game's: raw mode, alternate screen, mouse reporting.
    Game,
    /// Given back for a stop (Ctrl-Z), to be taken again on SIGCONT.
    Suspended,
}

static MODE: Mutex<Mode> = Mutex::new(Mode::Shell);

/// Set when the terminal was taken again after a stop: the loop must redraw
/// every cell, since the shell wrote over the screen meanwhile.
static REDRAW: AtomicBool = AtomicBool::new(false);

fn mode() -> std::sync::MutexGuard<'static, Mode> {
    // A panic elsewhere while it was held leaves the value as good as ever.
    MODE.lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Give the terminal back: mouse off, raw mode off, main screen, cursor shown.
/// Safe to call more than once.
pub fn restore() {
    // A terminal that cannot take these has nothing more to give back.
    execute!(io::stdout(), DisableMouseCapture, Show).ok();
    ratatui::restore();
}

/// The game has the terminal now (raw mode and the alternate screen are on).
pub fn taken() {
    *mode() = Mode::Game;
}

/// The game gives the terminal back for good.
pub fn given_back() {
    let mut m = mode();
    restore();
    *m = Mode::Shell;
}

/// Whether the terminal was taken again after a stop since the last call
/// (the screen must then be cleared and drawn whole).
pub fn take_redraw() -> bool {
    REDRAW.swap(false, Ordering::SeqCst)
}

/// Ctrl-Z: in raw mode it reaches the game as a key instead of a signal.
pub fn is_suspend_key(key: &KeyEvent) -> bool {
    key.code == KeyCode::Char('z') && key.modifiers.contains(KeyModifiers::CONTROL)
}

/// Stop the game as Ctrl-Z stops any program (the signal thread gives the
/// terminal back first).
pub fn suspend() -> io::Result<()> {
    signal_hook::low_level::raise(SIGTSTP)
}

/// Give the terminal back and stop; on SIGCONT, [`resumed`] takes it again.
fn stop() {
    {
        let mut m = mode();
        if *m == Mode::Game {
            restore();
            *m = Mode::Suspended;
        }
    }
    // What the default action of SIGTSTP does: stop the whole process.
    signal_hook::low_level::emulate_default_handler(SIGTSTP).ok();
}

/// Continued after a stop: take the terminal again and wake the loop (a
/// SIGWINCH makes the event reader report the size) to redraw it whole.
fn resumed() {
    let mut m = mode();
    if *m != Mode::Suspended {
        return;
    }
    // If the terminal refuses, the next frame's draw reports the error.
    enable_raw_mode().ok();
    execute!(io::stdout(), EnterAlternateScreen, EnableMouseCapture, Hide).ok();
    *m = Mode::Game;
    REDRAW.store(true, Ordering::SeqCst);
    signal_hook::low_level::raise(SIGWINCH).ok();
}

/// Restore the terminal, then say what happened in words, then let the default
/// hook print the details. Installed before the terminal is switched, so that
/// ratatui's own hook (installed by `try_init`) runs first and ours after it.
pub fn install_panic_reporter() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        // A crash with stderr gone has nowhere to say so; the default hook
        // below tries all the same.
        writeln!(
            io::stderr(),
            "\ncto-sim crashed — sorry. Your terminal has been restored.\nPlease report this with the message below and the command you ran.\n"
        )
        .ok();
        default(info);
    }));
}

/// A thread that answers signals: the terminal back and exit on SIGTERM,
/// SIGHUP, SIGINT and SIGQUIT; back and stop on SIGTSTP; taken again on
/// SIGCONT.
pub fn install_signal_handlers() -> io::Result<()> {
    let mut signals =
        signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP, SIGCONT])?;
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            for sig in signals.forever() {
                match sig {
                    SIGTSTP => stop(),
                    SIGCONT => resumed(),
                    _ => {
                        restore();
                        std::process::exit(128 + sig);
                    }
                }
            }
        })?;
    Ok(())
}
