//! The terminal game: the event loop and terminal hygiene around `App`.
//!
//! The loop blocks on input (an idle game uses no CPU), draws only when
//! something changed, and gives the terminal back on quit, on error returns, on
//! panics and on SIGTERM, SIGHUP, SIGINT and SIGQUIT.

pub mod app;
pub mod autosave;
pub mod goals;
pub mod keymap;
pub mod money;
pub mod news;
mod render;
pub mod reporting;
pub mod screens;
pub mod session;
pub mod story;
pub mod text;
pub mod theme;
pub mod tips;
pub mod warnings;
pub mod widgets;

use std::io::{self, IsTerminal, Write};
use std::time::Instant;

use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event, KeyCode};
use ratatui::crossterm::execute;
use ratatui::DefaultTerminal;

pub use app::App;

/// Environment variable naming a file to which the game writes, once, the
/// microseconds from process start to the first frame (for BENCHMARKS.md).
pub const FIRST_FRAME_ENV: &str = "CTO_SIM_FIRST_FRAME_FILE";

/// How long after the end screen appears Enter is ignored there: a player
/// who holds Enter to finish the run (key repeat) reads how it ended instead
/// of leaving for the title screen at once.
const END_SCREEN_GUARD: std::time::Duration = std::time::Duration::from_millis(700);

/// Environment variable that makes the game panic right after its first frame,
/// so tests can check that a crash still gives the terminal back.
pub const PANIC_TEST_ENV: &str = "CTO_SIM_TEST_PANIC";

/// Give the terminal back: mouse off, raw mode off, main screen, cursor shown.
/// Safe to call more than once.
pub fn restore() {
    let _ = execute!(io::stdout(), DisableMouseCapture, Show);
    ratatui::restore();
}

/// Run the game until the player quits.
pub fn run(app: App, started: Instant) -> io::Result<()> {
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        return Err(io::Error::other(
            "the game needs a terminal (stdin and stdout must be a TTY); `cto-sim simulate` plays headless",
        ));
    }
    install_panic_reporter();
    install_signal_handlers()?;
    // Temporary files a killed game left beside its saves go now.
    if let Some(dir) = crate::run::runs_dir() {
        crate::run::clean_temporaries(&dir);
    }
    let mut terminal = ratatui::try_init()?;
    let result = execute!(io::stdout(), EnableMouseCapture)
        .and_then(|()| event_loop(&mut terminal, app, started));
    restore();
    result
}

fn event_loop(terminal: &mut DefaultTerminal, mut app: App, started: Instant) -> io::Result<()> {
    let size = terminal.size()?;
    app.on_resize(size.width, size.height);
    let mut first_frame = true;
    let mut last_tick = Instant::now();
    let mut end_shown = Instant::now();
    loop {
        if !app.wants_ticks() {
            last_tick = Instant::now();
        }
        if draw_if_dirty(terminal, &mut app)? && first_frame {
            first_frame = false;
            if let Some(path) = std::env::var_os(FIRST_FRAME_ENV) {
                let _ = std::fs::write(path, started.elapsed().as_micros().to_string());
            }
            if std::env::var_os(PANIC_TEST_ENV).is_some() {
                panic!("a test asked for a panic ({PANIC_TEST_ENV})");
            }
        }
        app.autosave(std::time::SystemTime::now());
        if app.quit {
            return Ok(());
        }
        // Idle: block until something happens (no polling, no timer). Playing a
        // replay: wake at most 30 times a second to advance it.
        if app.wants_ticks() {
            let since = last_tick.elapsed();
            let frame = std::time::Duration::from_millis(33);
            if !event::poll(frame.saturating_sub(since))? {
                app.tick(last_tick.elapsed().as_secs_f64());
                last_tick = Instant::now();
                continue;
            }
        }
        match event::read()? {
            Event::Key(key) => {
                let at_end = matches!(app.screen, screens::Screen::End(_));
                if !(at_end && key.code == KeyCode::Enter && end_shown.elapsed() < END_SCREEN_GUARD)
                {
                    app.on_key(key);
                }
                if !at_end && matches!(app.screen, screens::Screen::End(_)) {
                    // The run just ended: keys typed ahead (a held Enter) are
                    // dropped, and Enter waits a moment.
                    end_shown = Instant::now();
                    drop_typed_ahead(&mut app)?;
                }
            }
            Event::Mouse(mouse) => app.on_mouse(mouse),
            Event::Resize(w, h) => app.on_resize(w, h),
            _ => {}
        }
    }
}

/// Discard the key and mouse events already waiting (a resize still applies).
fn drop_typed_ahead(app: &mut App) -> io::Result<()> {
    while event::poll(std::time::Duration::ZERO)? {
        if let Event::Resize(w, h) = event::read()? {
            app.on_resize(w, h);
        }
    }
    Ok(())
}

/// Draw the game if something changed since the last frame; `Ok(true)` if it drew.
/// An idle game therefore writes nothing at all to the terminal.
pub fn draw_if_dirty<B: ratatui::backend::Backend>(
    terminal: &mut ratatui::Terminal<B>,
    app: &mut App,
) -> Result<bool, B::Error> {
    if !app.dirty {
        return Ok(false);
    }
    terminal.draw(|f| f.render_widget(&*app, f.area()))?;
    app.dirty = false;
    Ok(true)
}

/// Restore the terminal, then say what happened in words, then let the default
/// hook print the details. Installed before the terminal is switched, so that
/// ratatui's own hook (installed by `try_init`) runs first and ours after it.
fn install_panic_reporter() {
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

fn install_signal_handlers() -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT])?;
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            if let Some(sig) = signals.forever().next() {
                restore();
                std::process::exit(128 + sig);
            }
        })?;
    Ok(())
}
