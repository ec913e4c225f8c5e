//! The game as the terminal shows it: which screen is up, the dialog over it,
//! and the run being played. `App` never touches the terminal: keys come in as
//! `KeyEvent`s and the screens draw from `&App`, so the whole game can be driven
//! and checked in tests. Each screen owns its state and keys (`screens/`) and
//! tells the `App` what it needs; the `App` only switches between them.

use std::cell::Cell;
use std::path::PathBuf;
use std::sync::Arc;

use ratatui::crossterm::event::{KeyEvent, KeyEventKind, MouseButton, MouseEvent, MouseEventKind};

use super::autosave::Autosave;
use super::keymap::{action_for, Action, Context};
use super::screens::picker::Picker;
use super::screens::replay::Replay;
use super::screens::runs::Runs;
use super::screens::title::Title;
use super::screens::week::{Played, Week};
use super::session::Session;
use super::theme::Theme;
use crate::engine::{Activity, Scenario, State};
use crate::run::Recording;

mod screens;

/// Lines the end screen's story moves per key press or wheel step.
const END_SCROLL_STEP: i32 = 3;

/// Which screen is up, with the state only that screen has.
#[derive(Clone, Debug, PartialEq)]
pub enum Screen {
    Title(Title),
    Picker,
    Week,
    End,
    Replay,
    /// The run history.
    Runs,
}

/// A dialog over the screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overlay {
    None,
    Help,
    Quit,
    ConfirmEnd,
    /// The drafted week hands VP `vp` (from 0) from the CTO to the CEO: sure?
    ConfirmHandover {
        vp: usize,
    },
    /// Answering pending event `index`, with the cursor on a choice.
    Event {
        index: usize,
        cursor: usize,
    },
}

/// The terminal game.
pub struct App {
    pub screen: Screen,
    pub overlay: Overlay,
    /// The scenario picker, while it is up.
    pub picker: Option<Picker>,
    /// The run on the week and end screens.
    pub play: Option<Week>,
    /// The run being watched.
    pub replay: Option<Replay>,
    /// The run history, while it is up.
    pub runs: Option<Runs>,
    /// A line under the header: what just happened or what went wrong.
    pub status: Option<String>,
    pub autosave: Autosave,
    pub quit: bool,
    /// Whether the screen must be drawn again.
    pub dirty: bool,
    /// Colours (or not).
    pub theme: Theme,
    /// The terminal's size, once the shell has said it.
    pub size: Option<(u16, u16)>,
    /// How far the open event's text is scrolled, in lines.
    pub dialog_scroll: u16,
    /// How far the end screen's story of the run is scrolled, in lines.
    pub end_scroll: u16,
    /// How far the help is scrolled, in lines (back to the top when it closes).
    pub help_scroll: u16,
    /// How far each scrolling text could scroll when last drawn.
    pub scroll_limits: ScrollLimits,
}

/// How far the end screen's story, the help and an event's text could scroll
/// when last drawn (the drawing knows the layout): scrolling stops there, so
/// the way back up starts at once however often ↓ was pressed.
#[derive(Debug)]
pub struct ScrollLimits {
    pub end: Cell<u16>,
    pub help: Cell<u16>,
    pub dialog: Cell<u16>,
}

impl Default for ScrollLimits {
    /// No limit until something is drawn.
    fn default() -> ScrollLimits {
        ScrollLimits {
            end: Cell::new(u16::MAX),
            help: Cell::new(u16::MAX),
            dialog: Cell::new(u16::MAX),
        }
    }
}

impl App {
    /// The title screen.
    pub fn title() -> App {
        App {
            screen: Screen::Title(Title::default()),
            overlay: Overlay::None,
            picker: None,
            play: None,
            replay: None,
            runs: None,
            status: None,
            autosave: Autosave::default(),
            quit: false,
            dirty: true,
            theme: Theme::from_env(),
            size: None,
            dialog_scroll: 0,
            end_scroll: 0,
            help_scroll: 0,
            scroll_limits: ScrollLimits::default(),
        }
    }

    /// A new run, at week 1, autosaved to the usual place.
    pub fn new_game(scenario: Arc<Scenario>, seed: u64) -> App {
        let mut app = App::title();
        app.start(Week::new(Session::new(scenario, seed)), Autosave::new_run());
        app.status = Some("Set your week, then press Enter to play it. ? shows every key.".into());
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
    /// so when it came from the backup).
    pub fn continued(resumed: crate::run::Resumed) -> App {
        let crate::run::Resumed { loaded, path, lock } = resumed;
        let fell_back = loaded.fell_back.is_some();
        let weeks = loaded.record.weeks.len() as u32;
        let mut app = App::resume(loaded.verified.recording, None);
        app.autosave = Autosave::resumed(path, weeks, lock, fell_back);
        if fell_back {
            app.status = Some("The save was damaged; resumed from the backup.".into());
        }
        app
    }

    /// Play `fork` (a verified fork of a run: [`crate::run::fork::fork`]) as a
    /// new run of its own.
    pub fn forked(fork: crate::run::Verified) -> App {
        let week = fork.weeks;
        let mut app = App::resume(fork.recording, None);
        app.autosave = Autosave::new_run();
        app.status = Some(format!(
            "You took over after week {week}. This is a new run; the original is unchanged."
        ));
        app
    }

    /// Watch `recording` (a verified run) from its first week.
    pub fn replay(recording: Recording) -> App {
        let mut app = App::title();
        let replay = Replay::new(recording);
        app.status = Some(replay.status());
        app.replay = Some(replay);
        app.screen = Screen::Replay;
        app
    }

    fn start(&mut self, play: Week, autosave: Autosave) {
        let over = play.state().ending.is_some();
        self.play = Some(play);
        self.replay = None;
        self.picker = None;
        self.autosave = autosave;
        self.screen = if over { Screen::End } else { Screen::Week };
        self.end_scroll = 0;
        self.overlay = Overlay::None;
        self.dirty = true;
    }

    /// The state of the run on screen, if there is one.
    pub fn state(&self) -> Option<&State> {
        self.shown().map(Week::state)
    }

    /// The run on the week screen: the one being played, or the replay's.
    pub fn shown(&self) -> Option<&Week> {
        match self.screen {
            Screen::Replay => self.replay.as_ref().map(|r| &r.shown),
            _ => self.play.as_ref(),
        }
    }

    /// The context that decides which keys apply.
    pub fn context(&self) -> Context {
        match self.overlay {
            Overlay::Help => Context::Help,
            Overlay::Quit => Context::Quit,
            Overlay::ConfirmEnd | Overlay::ConfirmHandover { .. } => Context::ConfirmEnd,
            Overlay::Event { .. } => Context::Event,
            Overlay::None => self.base_context(),
        }
    }

    /// The screen's context, ignoring dialogs (what help describes).
    pub fn base_context(&self) -> Context {
        match self.screen {
            Screen::Title(_) => Context::Title,
            Screen::Picker => Context::Picker,
            Screen::Week => Context::Week,
            Screen::End => Context::End,
            Screen::Replay => Context::Replay,
            Screen::Runs => Context::Runs,
        }
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

    /// The terminal was resized to `width` × `height` (the shell also says so
    /// once at the start).
    pub fn on_resize(&mut self, width: u16, height: u16) {
        self.size = Some((width, height));
        self.dirty = true;
    }

    /// Whether the terminal is too small to show the game.
    pub fn too_small(&self) -> bool {
        self.size
            .is_some_and(|(w, h)| !super::widgets::fits(ratatui::layout::Rect::new(0, 0, w, h)))
    }

    /// Carry out `action` in the current context.
    pub fn act(&mut self, action: Action) {
        self.dirty = true;
        match self.context() {
            Context::Help => match action {
                Action::Back | Action::Help => {
                    self.overlay = Overlay::None;
                    self.help_scroll = 0;
                }
                Action::ScrollUp => self.help_scroll = self.help_scroll.saturating_sub(1),
                Action::ScrollDown => {
                    let limit = self.scroll_limits.help.get();
                    self.help_scroll = self.help_scroll.saturating_add(1).min(limit);
                }
                _ => {}
            },
            Context::Quit => match action {
                Action::Yes => self.quit = true,
                Action::No => self.overlay = Overlay::None,
                _ => {}
            },
            Context::ConfirmEnd => match (action, self.overlay) {
                (Action::Yes, Overlay::ConfirmHandover { .. }) => {
                    self.overlay = Overlay::None;
                    self.confirm_unanswered();
                }
                (Action::Yes, _) => {
                    self.overlay = Overlay::None;
                    self.end_week();
                }
                (Action::No, _) => self.overlay = Overlay::None,
                _ => {}
            },
            Context::Event => self.act_event(action),
            Context::Title => self.act_title(action),
            Context::Picker => self.act_picker(action),
            Context::Week => self.act_week(action),
            Context::Replay => self.act_replay(action),
            Context::Runs => self.act_runs(action),
            Context::End => match action {
                Action::Quit => self.overlay = Overlay::Quit,
                Action::Help => self.overlay = Overlay::Help,
                Action::Select => *self = App::title(),
                Action::ScrollUp => self.scroll_end(-END_SCROLL_STEP),
                Action::ScrollDown => self.scroll_end(END_SCROLL_STEP),
                _ => {}
            },
        }
    }

    /// Set the focused attention row from a click on its bar.
    pub fn on_mouse(&mut self, ev: MouseEvent) {
        if self.context() == Context::Help {
            self.act(match ev.kind {
                MouseEventKind::ScrollUp => Action::ScrollUp,
                MouseEventKind::ScrollDown => Action::ScrollDown,
                _ => return,
            });
            return;
        }
        if self.context() == Context::End {
            match ev.kind {
                MouseEventKind::ScrollUp => self.scroll_end(-END_SCROLL_STEP),
                MouseEventKind::ScrollDown => self.scroll_end(END_SCROLL_STEP),
                _ => {}
            }
            return;
        }
        if self.context() != Context::Week {
            return;
        }
        let Some(play) = self.play.as_mut() else {
            return;
        };
        match ev.kind {
            MouseEventKind::Down(MouseButton::Left) | MouseEventKind::Drag(MouseButton::Left) => {
                // (row on screen, first column, width) of the four share bars.
                let bars = play.bar_hits.get();
                for (activity, &(y, x, w)) in Activity::ALL.into_iter().zip(bars.iter()) {
                    if ev.row == y && ev.column >= x && ev.column < x + w && w > 0 {
                        let pct = (u32::from(ev.column - x + 1) * 100 / u32::from(w)) as u8;
                        play.click_bar(activity, (pct + 2) / 5 * 5);
                        self.dirty = true;
                    }
                }
            }
            MouseEventKind::ScrollUp => {
                play.adjust(1);
                self.dirty = true;
            }
            MouseEventKind::ScrollDown => {
                play.adjust(-1);
                self.dirty = true;
            }
            _ => {}
        }
    }

    /// Scroll the end screen's story by `by` lines (the drawing keeps the
    /// last line in view).
    fn scroll_end(&mut self, by: i32) {
        let limit = i32::from(self.scroll_limits.end.get());
        self.end_scroll = (i32::from(self.end_scroll) + by).clamp(0, limit) as u16;
        self.dirty = true;
    }

    /// Play the drafted week.
    pub fn end_week(&mut self) {
        let Some(play) = self.play.as_mut() else {
            return;
        };
        match play.end_week() {
            Played::Refused(why) => self.status = Some(why),
            Played::Ended(said) => {
                self.status = Some(said);
                self.autosave.needed = true;
                self.screen = Screen::End;
                self.end_scroll = 0;
                self.overlay = Overlay::None;
            }
            Played::Played(said) => {
                self.status = Some(said);
                self.autosave.needed = true;
                self.open_next_event(false);
            }
        }
    }

    /// In a replay, show week `week` (clamped to the run).
    pub fn seek(&mut self, week: u32) {
        if let Some(replay) = self.replay.as_mut() {
            replay.seek(week);
            self.status = Some(replay.status());
            self.overlay = Overlay::None;
            self.dirty = true;
        }
    }

    /// Save the run being played if a week was played since the last save
    /// (see [`Autosave::save_if_needed`]); a failure shows on the status line.
    pub fn autosave(&mut self, now: std::time::SystemTime) {
        let Some(week) = &self.play else {
            self.autosave.needed = false;
            return;
        };
        if self.autosave.save_if_needed(week.session.record(), now) {
            if self.autosave.failing.is_some() {
                self.status = self.autosave.warning();
            } else if let Some(notice) = self.autosave.notice.take() {
                self.status = Some(notice);
            }
            self.dirty = true;
        }
    }

    /// Whether the shell should send ticks (only while a replay plays, or
    /// the run history fills in).
    pub fn wants_ticks(&self) -> bool {
        (self.replay.as_ref().is_some_and(|r| r.playing) && self.screen == Screen::Replay)
            || (self.screen == Screen::Runs && self.runs.as_ref().is_some_and(Runs::loading))
    }

    /// Time passed while a replay plays (or the history fills in).
    pub fn tick(&mut self, seconds: f64) {
        if self.runs.as_mut().is_some_and(Runs::poll) {
            self.dirty = true;
        }
        if let Some(replay) = self.replay.as_mut() {
            if replay.tick(seconds) {
                self.status = Some(replay.status());
                self.overlay = Overlay::None;
                self.dirty = true;
            }
        }
    }
}
