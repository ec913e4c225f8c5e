//! The game as the terminal shows it: the screen that is up, an overlay over
//! it, the status line, and where the run being played is saved. `App` never
//! touches the terminal: inputs come in through its `on_*` methods and the
//! screens draw from `&App`, so the whole game can be driven and checked in
//! tests.
//!
//! Every input goes the same way: the overlay (if one is open) or else the
//! screen answers it and returns an
//! [`Outcome`](super::screens::protocol::Outcome); `apply.rs` carries the
//! outcome out (switch screens, start a run, save). A new kind of input (a
//! result from a worker thread, say) is one more `on_*` method that hands it
//! to the screen it is for and applies what comes back.

use std::path::PathBuf;
use std::sync::Arc;

use ratatui::crossterm::event::{KeyEvent, KeyEventKind, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;

use super::autosave::Autosave;
use super::keymap::{action_for, Action, Context};
use super::screens::replay::Replay;
use super::screens::title::Title;
use super::screens::week::Week;
use super::screens::{Overlay, Screen};
use super::session::Session;
use super::theme::Theme;
use crate::engine::{Scenario, State};
use crate::run::Recording;

mod apply;

/// The terminal game.
pub struct App {
    pub screen: Screen,
    /// Help, the news log or the quit question, over any screen.
    pub overlay: Option<Overlay>,
    /// A line under the header: what just happened or what went wrong.
    pub status: Option<String>,
    /// Where the run being played is saved, and how saving goes.
    pub autosave: Autosave,
    pub quit: bool,
    /// Whether the screen must be drawn again.
    pub dirty: bool,
    /// Colours (or not).
    pub theme: Theme,
    /// The terminal's size, once the shell has said it.
    pub size: Option<(u16, u16)>,
}

impl App {
    /// The title screen.
    pub fn title() -> App {
        App {
            screen: Screen::Title(Title::default()),
            overlay: None,
            status: None,
            autosave: Autosave::default(),
            quit: false,
            dirty: true,
            theme: Theme::from_env(),
            size: None,
        }
    }

    /// A new run, at week 1, autosaved to the usual place.
    pub fn new_game(scenario: Arc<Scenario>, seed: u64) -> App {
        let mut app = App::title();
        app.start(Week::new(Session::new(scenario, seed)), Autosave::new_run());
        app.status = Some(
            "Set your week, then press Enter to play it. a asks the coach; ? shows every key."
                .into(),
        );
        app
    }

    /// Resume a recorded run where it stopped (the weeks are replayed to rebuild
    /// the charts and the news); autosaves go to `path`.
    pub fn resume(recording: Recording, path: Option<PathBuf>) -> App {
        let weeks = recording.record.weeks.len();
        let mut app = App::title();
        app.start(
            Week::new(Session::resume(recording)),
            Autosave::existing(path, weeks as u32),
        );
        app.status = Some(format!("Resumed after week {weeks}."));
        app
    }

    /// Go on with a run taken up with `continue` (held by this game; saying
    /// so when it came from the backup), verified as its charts were rebuilt.
    pub fn continued(resumed: crate::run::Resumed<Session>) -> App {
        let crate::run::Resumed { loaded, path, lock } = resumed;
        let fell_back = loaded.fell_back.is_some();
        let weeks = loaded.record.weeks.len() as u32;
        let mut app = App::title();
        app.start(
            Week::new(loaded.verified),
            Autosave::resumed(path, weeks, lock, fell_back),
        );
        app.status = Some(if fell_back {
            "The save was damaged; resumed from the backup.".into()
        } else {
            format!("Resumed after week {weeks}.")
        });
        app
    }

    /// Play `fork` (a fork of a run, verified as it was replayed:
    /// [`crate::run::fork`], then [`Session::verified`]) as a new run.
    pub fn forked(fork: Session) -> App {
        let week = fork.state().week;
        let mut app = App::title();
        app.start(Week::new(fork), Autosave::new_run());
        app.status = Some(format!(
            "You took over after week {week}. This is a new run; the original is unchanged."
        ));
        app
    }

    /// Watch `recording` (a verified run) from its first week.
    pub fn replay(recording: Recording) -> App {
        App::watching(Replay::new(recording))
    }

    /// Watch the run `record` from its first week, verified as it is
    /// replayed (`origin` names it in errors).
    pub fn watch_run(
        record: &crate::run::RunRecord,
        origin: &str,
    ) -> Result<App, crate::run::RunError> {
        Replay::verified(record, origin).map(App::watching)
    }

    fn watching(replay: Replay) -> App {
        let mut app = App::title();
        app.status = Some(replay.status());
        app.screen = Screen::Replay(Box::new(replay));
        app
    }

    /// Play `week`'s run, saved as `autosave` says: on the week screen, with
    /// the first event that waits for an answer open, or on the end screen if
    /// it is over.
    fn start(&mut self, mut week: Week, autosave: Autosave) {
        self.screen = if week.state().ending.is_some() {
            Screen::End(Box::new(super::screens::end::End::new(week.session)))
        } else {
            week.open_next_event(false);
            Screen::Week(Box::new(week))
        };
        self.autosave = autosave;
        self.overlay = None;
        self.dirty = true;
    }

    /// The state of the run on screen, if there is one.
    pub fn state(&self) -> Option<&State> {
        self.screen.shown().map(Session::state)
    }

    /// The forecast the screen wants (the game on the week screen and its
    /// draft): the event loop hands it to the worker.
    pub fn forecast_wanted(&self) -> Option<(&crate::engine::Game, &crate::engine::Decision)> {
        match &self.screen {
            Screen::Week(week) if !week.session.game().is_over() => {
                Some((week.session.game(), &week.draft))
            }
            _ => None,
        }
    }

    /// A forecast from the worker: shown if it is for the week on screen,
    /// else dropped.
    pub fn on_forecast(&mut self, done: super::forecast::Done) {
        if let Screen::Week(week) = &mut self.screen {
            if week.on_forecast(done) {
                self.dirty = true;
            }
        }
    }

    /// The keys that apply: the overlay's, or the screen's.
    pub fn context(&self) -> Context {
        self.overlay
            .as_ref()
            .map_or_else(|| self.screen.context(), Overlay::context)
    }

    /// The terminal's area, once known.
    fn area(&self) -> Option<Rect> {
        self.size.map(|(w, h)| Rect::new(0, 0, w, h))
    }

    /// A key from the terminal. Only presses count (not releases or repeats of
    /// a release), in this one place.
    pub fn on_key(&mut self, key: KeyEvent) {
        if key.kind != KeyEventKind::Press {
            return;
        }
        let Some(action) = action_for(self.context(), key) else {
            return;
        };
        // On the "too small" screen nothing can be seen, so nothing is played:
        // only quitting (and its question) works.
        if self.too_small() && !matches!(action, Action::Quit | Action::Yes | Action::No) {
            return;
        }
        self.act(action);
    }

    /// Carry out `action` where the player is: the overlay, or the screen.
    pub fn act(&mut self, action: Action) {
        self.dirty = true;
        let area = self.area();
        let outcome = match &mut self.overlay {
            Some(overlay) => {
                let par = self.screen.par();
                overlay.on_action(action, self.screen.help_view(&par), area)
            }
            None => self.screen.on_action(action, area),
        };
        self.apply(outcome);
    }

    /// The mouse: the wheel scrolls help and the log; the screen takes the rest. Only
    /// what changes something is drawn again (the mouse moves a lot).
    pub fn on_mouse(&mut self, ev: MouseEvent) {
        if let Some(overlay) = &self.overlay {
            let action = match (overlay, ev.kind) {
                (Overlay::Help(_) | Overlay::Log(_), MouseEventKind::ScrollUp) => Action::ScrollUp,
                (Overlay::Help(_) | Overlay::Log(_), MouseEventKind::ScrollDown) => {
                    Action::ScrollDown
                }
                _ => return,
            };
            return self.act(action);
        }
        let area = self.area();
        if let Some(outcome) = self.screen.on_mouse(ev, area) {
            self.dirty = true;
            self.apply(outcome);
        }
    }

    /// The terminal was resized to `width` × `height` (the shell also says so
    /// once at the start).
    pub fn on_resize(&mut self, width: u16, height: u16) {
        self.size = Some((width, height));
        self.dirty = true;
    }

    /// Whether the terminal is too small to show the game.
    pub fn too_small(&self) -> bool {
        self.area().is_some_and(|a| !super::widgets::fits(a))
    }

    /// Play the drafted week now, without the questions Enter asks first.
    pub fn end_week(&mut self) {
        if let Screen::Week(week) = &mut self.screen {
            let outcome = week.play_week();
            self.apply(outcome);
            self.dirty = true;
        }
    }

    /// Close the overlay and the week screen's dialog, answering nothing
    /// (for what drives the game without a player: tests, benches, soaks).
    pub fn close_dialogs(&mut self) {
        if let Screen::Week(week) = &mut self.screen {
            week.dialog = None;
        }
        self.overlay = None;
        self.dirty = true;
    }

    /// In a replay, show week `week` (clamped to the run).
    pub fn seek(&mut self, week: u32) {
        if let Screen::Replay(replay) = &mut self.screen {
            replay.seek(week);
            self.status = Some(replay.status());
            self.dirty = true;
        }
    }

    /// Save the run being played if a week was played since the last save
    /// (see [`Autosave::save_if_needed`]); a failure shows on the status line.
    pub fn autosave(&mut self, now: std::time::SystemTime) {
        let Some(session) = self.screen.played() else {
            self.autosave.needed = false;
            return;
        };
        if self.autosave.save_if_needed(session.record(), now) {
            if self.autosave.failing.is_some() {
                self.status = self.autosave.warning();
            } else if let Some(notice) = self.autosave.notice.take() {
                self.status = Some(notice);
            }
            self.dirty = true;
        }
    }

    /// Whether the shell should send ticks: while a replay plays (unless an
    /// overlay is open over it), or while the run history fills in.
    pub fn wants_ticks(&self) -> bool {
        match &self.screen {
            Screen::Replay(replay) => replay.playing && self.overlay.is_none(),
            Screen::Runs(runs) => runs.loading(),
            _ => false,
        }
    }

    /// Time passed while a replay plays (or the history fills in).
    pub fn tick(&mut self, seconds: f64) {
        if let Screen::Runs(runs) = &mut self.screen {
            self.dirty |= runs.poll();
        }
        if let Screen::Replay(replay) = &mut self.screen {
            if replay.tick(seconds) {
                self.status = Some(replay.status());
                self.dirty = true;
            }
        }
    }
}
