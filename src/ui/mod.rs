//! The terminal game: the event loop and terminal hygiene around `App`.
//!
//! The loop blocks on input (read on a thread of its own) or a forecast from
//! the worker (`forecast.rs`), so an idle game uses no CPU; it saves, then draws
//! what changed (so a save's failure, or its recovery, shows at once), and
//! gives the terminal back whenever it should (`terminal.rs`: quit, errors,
//! panics, signals, Ctrl-Z).

pub mod app;
pub mod autosave;
pub mod deadline;
pub mod decided;
pub mod effects;
pub mod forecast;
pub mod goals;
pub mod guide;
pub mod keymap;
pub mod log;
pub mod money;
pub mod news;
mod render;
pub mod reporting;
pub mod screens;
pub mod session;
pub mod story;
mod terminal;
pub mod text;
pub mod theme;
pub mod tips;
pub mod warnings;
pub mod widgets;

use std::io::{self, IsTerminal};
use std::sync::mpsc;
use std::time::Instant;

use ratatui::crossterm::event::{self, EnableMouseCapture, Event, KeyCode};
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

pub use terminal::restore;

/// Run the game until the player quits.
pub fn run(app: App, started: Instant) -> io::Result<()> {
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        return Err(io::Error::other(
            "the game needs a terminal (stdin and stdout must be a TTY); `cto-sim simulate --policy balanced` plays headless",
        ));
    }
    terminal::install_panic_reporter();
    terminal::install_signal_handlers()?;
    // Temporary files a killed game left beside its saves go now.
    if let Some(dir) = crate::run::runs_dir() {
        crate::run::clean_temporaries(&dir);
    }
    let mut screen = ratatui::try_init()?;
    terminal::taken();
    let result = execute!(io::stdout(), EnableMouseCapture)
        .and_then(|()| event_loop(&mut screen, app, started));
    terminal::given_back();
    result
}

/// What wakes the loop: an input from the terminal (read on its own thread),
/// or a forecast from the worker.
enum Wake {
    Input(io::Result<Event>),
    Forecast(forecast::Done),
}

/// Read the terminal's inputs on a thread of their own, into `wake`, so that
/// the loop can wait on one channel for inputs and forecasts alike.
fn read_inputs(wake: mpsc::Sender<Wake>) -> io::Result<()> {
    std::thread::Builder::new()
        .name("input".into())
        .spawn(move || loop {
            let event = event::read();
            let failed = event.is_err();
            if wake.send(Wake::Input(event)).is_err() || failed {
                return;
            }
        })?;
    Ok(())
}

fn event_loop(screen: &mut DefaultTerminal, mut app: App, started: Instant) -> io::Result<()> {
    let size = screen.size()?;
    app.on_resize(size.width, size.height);
    let (wake, woken) = mpsc::channel();
    read_inputs(wake.clone())?;
    let mut forecaster = forecast::Forecaster::spawn(wake, Wake::Forecast)?;
    let mut first_frame = true;
    let mut last_tick = Instant::now();
    let mut end_shown = Instant::now();
    loop {
        if !app.wants_ticks() {
            last_tick = Instant::now();
        }
        // Saved first, then drawn: the frame shows how the save went.
        app.autosave(std::time::SystemTime::now());
        if terminal::take_redraw() {
            clear_whole(screen)?;
            app.dirty = true;
        }
        if draw_if_dirty(screen, &mut app)? && first_frame {
            first_frame = false;
            if let Some(path) = std::env::var_os(FIRST_FRAME_ENV) {
                let _ = std::fs::write(path, started.elapsed().as_micros().to_string());
            }
            if std::env::var_os(PANIC_TEST_ENV).is_some() {
                panic!("a test asked for a panic ({PANIC_TEST_ENV})");
            }
        }
        if app.quit {
            return Ok(());
        }
        // A new week or a changed draft: the worker gets it (never waited for).
        forecaster.want(app.forecast_wanted());
        // Idle: block until an input or a forecast arrives (no polling, no
        // timer). Playing a replay: wake at most 30 times a second to advance it.
        let next = if app.wants_ticks() {
            let frame = std::time::Duration::from_millis(33);
            match woken.recv_timeout(frame.saturating_sub(last_tick.elapsed())) {
                Ok(next) => next,
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    app.tick(last_tick.elapsed().as_secs_f64());
                    last_tick = Instant::now();
                    continue;
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => return Err(gone()),
            }
        } else {
            woken.recv().map_err(|_| gone())?
        };
        let event = match next {
            Wake::Forecast(done) => {
                app.on_forecast(done);
                continue;
            }
            Wake::Input(event) => event?,
        };
        match event {
            Event::Key(key) if terminal::is_suspend_key(&key) => terminal::suspend()?,
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
                    drop_typed_ahead(&mut app, &woken);
                }
            }
            Event::Mouse(mouse) => app.on_mouse(mouse),
            Event::Resize(w, h) => app.on_resize(w, h),
            _ => {}
        }
    }
}

/// Clear the screen and have the next frame drawn whole. Not
/// `Terminal::clear`, which asks the terminal where the cursor is: only the
/// input thread reads the terminal's answers, so the question would wait for
/// it (and fail after two seconds). Nothing else here asks the terminal.
fn clear_whole(screen: &mut DefaultTerminal) -> io::Result<()> {
    use ratatui::backend::{Backend, ClearType};
    screen.backend_mut().clear_region(ClearType::All)?;
    // Both buffers empty: the next draw writes every cell it has.
    screen.swap_buffers();
    Ok(())
}

/// The input thread stopped without saying why (it cannot, short of a panic).
fn gone() -> io::Error {
    io::Error::other("the terminal's input stopped")
}

/// Discard the key and mouse events already waiting (a resize still applies,
/// and so does a forecast).
fn drop_typed_ahead(app: &mut App, woken: &mpsc::Receiver<Wake>) {
    while let Ok(next) = woken.try_recv() {
        match next {
            Wake::Input(Ok(Event::Resize(w, h))) => app.on_resize(w, h),
            Wake::Forecast(done) => app.on_forecast(done),
            Wake::Input(_) => {}
        }
    }
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
